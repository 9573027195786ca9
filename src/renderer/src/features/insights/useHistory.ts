/** The local history of query runs of this connection and region, in the window's storage. */
import { useCallback } from 'react';
import { useScope } from '../../app/scope';
import { useStoredValue } from '../../components/useStoredValue';
import { parseHistory, withEntry, type HistoryEntry } from './queryHistory';

export function useHistory() {
  const { key } = useScope();
  const [, connectionId, region] = key;
  const [history, update] = useStoredValue(`cloudscope.insights.history.${connectionId}.${region}`, parseHistory);
  const record = useCallback((entry: HistoryEntry) => update((current) => withEntry(current, entry)), [update]);
  const clear = useCallback(() => update(() => []), [update]);
  return { history, record, clear };
}
