/**
 * The body of a panel that shows a query: its loading state until the first data arrives, the error
 * when that failed, an empty state when the data has nothing to show, else the content. Errors after
 * the first data (a later page, a refresh) belong to the content, next to what is already there.
 */
import type { ReactElement, ReactNode } from 'react';
import { ErrorState } from './States';

/** What the body needs of a React Query result. */
export interface QueryState {
  /** Undefined until the first data arrives. */
  readonly data: unknown;
  readonly isError: boolean;
  readonly error: unknown;
  readonly refetch: () => Promise<unknown>;
}

export type QueryBody = 'loading' | 'failed' | 'empty' | 'content';

export function queryBody(query: Pick<QueryState, 'data' | 'isError'>, empty: boolean): QueryBody {
  if (query.data === undefined) return query.isError ? 'failed' : 'loading';
  return empty ? 'empty' : 'content';
}

interface QueryStateBodyProps {
  readonly query: QueryState;
  /** Shown until the first data arrives, e.g. a LoadingState. */
  readonly loading: ReactNode;
  /** What failed when the first data could not be loaded, e.g. "Could not load streams". */
  readonly errorContext: string;
  /** Retry after that failure; fetches the query again unless given. */
  readonly onRetry?: () => void;
  /** Shown instead of the content when given: the data has nothing to show. */
  readonly empty?: ReactElement | null;
  readonly children: ReactNode;
}

export function QueryStateBody({ query, loading, errorContext, onRetry, empty, children }: QueryStateBodyProps) {
  switch (queryBody(query, Boolean(empty))) {
    case 'loading':
      return loading;
    case 'failed':
      return <ErrorState error={query.error} context={errorContext} onRetry={onRetry ?? (() => void query.refetch())} />;
    case 'empty':
      return empty;
    case 'content':
      return children;
  }
}
