/** "Fetch every row" of a capped query (`insights.fetchAll`), with progress and Cancel. */
import { useCallback, useEffect, useRef, useState } from 'react';
import type { QueryRequest, QueryRow } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';

export type FetchAllState =
  | { readonly phase: 'idle' }
  | {
      readonly phase: 'fetching' | 'done' | 'failed' | 'cancelled';
      readonly fields: readonly string[];
      readonly rows: readonly QueryRow[];
      readonly fraction: number;
      readonly queries: number;
      readonly bytesScanned: number;
      readonly incompleteSeconds: readonly number[];
      readonly error?: ApiError;
    };

export function useFetchAll() {
  const [state, setState] = useState<FetchAllState>({ phase: 'idle' });
  const subscription = useRef<(() => void) | null>(null);

  const fetchAll = useCallback((request: QueryRequest, order: 'newest-first' | 'oldest-first') => {
    subscription.current?.();
    // Rows are collected outside React state and handed over per update, so 100,000 rows are not copied per batch.
    const rows: QueryRow[] = [];
    let fields: readonly string[] = [];
    let progress = { fraction: 0, queries: 0, bytesScanned: 0 };
    const snapshot = (phase: 'fetching' | 'done' | 'failed' | 'cancelled', extra: Partial<{ incompleteSeconds: readonly number[]; error: ApiError }> = {}) =>
      setState({ phase, fields, rows: rows.slice(), ...progress, incompleteSeconds: extra.incompleteSeconds ?? [], ...(extra.error ? { error: extra.error } : {}) });
    snapshot('fetching');
    subscription.current = window.api.insights.fetchAll(
      { query: request, order },
      {
        next: (update) => {
          if (update.type === 'rows') {
            fields = update.fields;
            for (const row of update.rows) rows.push(row);
          } else if (update.type === 'progress') {
            progress = { fraction: update.totalMs === 0 ? 1 : update.coveredMs / update.totalMs, queries: update.queries, bytesScanned: update.bytesScanned };
            snapshot('fetching');
          } else {
            progress = { fraction: 1, queries: update.queries, bytesScanned: update.bytesScanned };
            snapshot('done', { incompleteSeconds: update.incompleteSeconds });
          }
        },
        error: (error) => snapshot('failed', { error }),
        complete: () => {
          subscription.current = null;
        },
      },
    );
  }, []);

  const cancel = useCallback(() => {
    subscription.current?.();
    subscription.current = null;
    setState((current) => (current.phase === 'fetching' ? { ...current, phase: 'cancelled' } : current));
  }, []);

  const reset = useCallback(() => {
    subscription.current?.();
    subscription.current = null;
    setState({ phase: 'idle' });
  }, []);

  useEffect(() => () => subscription.current?.(), []);
  return { state, fetchAll, cancel, reset };
}
