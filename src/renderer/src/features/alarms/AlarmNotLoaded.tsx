/** What stands in for an alarm that is not there to show: loading, gone (with a way back), or failed (with Retry). */
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { isNotFound, type useAlarm } from './useAlarm';

interface AlarmNotLoadedProps {
  readonly name: string;
  readonly query: ReturnType<typeof useAlarm>;
  /** Why there may be no such alarm, said when CloudWatch has none. */
  readonly gone: string;
  readonly backLabel: string;
  readonly errorContext: string;
  readonly onBack: () => void;
}

export function AlarmNotLoaded({ name, query, gone, backLabel, errorContext, onBack }: AlarmNotLoadedProps) {
  if (!query.isError) return <LoadingState label={`Loading ${name}…`} />;
  if (!isNotFound(query.error)) return <ErrorState error={query.error} context={errorContext} onRetry={() => void query.refetch()} />;
  return (
    <EmptyState
      title="This alarm no longer exists"
      actions={
        <button type="button" className="button" onClick={onBack}>
          {backLabel}
        </button>
      }
    >
      {gone}
    </EmptyState>
  );
}
