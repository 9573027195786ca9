/** The Alarms view's query keys, each under the scope it belongs to (api/queryKeys.ts). */
import type { ScopeKey } from '../../api/queryKeys';
import type { MetricDataRequest } from '../../../../shared/contract';

export const alarmsKeys = {
  all: (scope: ScopeKey) => [...scope, 'alarms'] as const,
  list: (scope: ScopeKey, namePrefix: string) => [...scope, 'alarms', 'list', namePrefix] as const,
  alarm: (scope: ScopeKey, name: string) => [...scope, 'alarms', 'alarm', name] as const,
  history: (scope: ScopeKey, name: string) => [...scope, 'alarms', 'history', name] as const,
  data: (scope: ScopeKey, request: MetricDataRequest) => [...scope, 'alarms', 'data', request] as const,
  /** The editor's 14 days of the metric; `undefined` while the draft names no metric. */
  editorHistory: (scope: ScopeKey, request: MetricDataRequest | undefined) => [...scope, 'alarms', 'editor', 'history', request ?? 'none'] as const,
  topics: (scope: ScopeKey) => [...scope, 'alarms', 'topics'] as const,
  metricFilters: (scope: ScopeKey, namespace: string, metricName: string) => [...scope, 'alarms', 'metricFilters', namespace, metricName] as const,
  /** Outside `all`: a save refreshes every alarms query, and must not run a check for changes with them. */
  changes: (scope: ScopeKey) => [...scope, 'alarm-changes'] as const,
};
