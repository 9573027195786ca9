/** The Logs view's query keys, each under the scope it belongs to (api/queryKeys.ts). */
import type { ScopeKey } from '../../api/queryKeys';
import { logGroupsKey } from '../../api/useLogGroups';

export const logsKeys = {
  groups: logGroupsKey,
  streams: (scope: ScopeKey, groupName: string, prefix: string) => [...scope, 'logs', 'streams', groupName, prefix] as const,
  events: (scope: ScopeKey, groupName: string, streamName: string) => [...scope, 'logs', 'events', groupName, streamName] as const,
  context: (scope: ScopeKey, groupName: string, streamName: string, timestamp: number, message: string) =>
    [...scope, 'logs', 'context', groupName, streamName, timestamp, message] as const,
  invocation: (scope: ScopeKey, groupName: string, streamName: string, requestId: string) =>
    [...scope, 'logs', 'invocation', groupName, streamName, requestId] as const,
  metricFilters: (scope: ScopeKey, groupName: string) => [...scope, 'logs', 'metric-filters', groupName] as const,
  recentEvents: (scope: ScopeKey, groupName: string, count: number) => [...scope, 'logs', 'recent-events', groupName, count] as const,
  filterTest: (scope: ScopeKey, groupName: string, pattern: string, linesId: number) => [...scope, 'logs', 'filter-test', groupName, pattern, linesId] as const,
  filterHistory: (scope: ScopeKey, groupName: string, pattern: string, startTime: number, endTime: number) =>
    [...scope, 'logs', 'filter-history', groupName, pattern, startTime, endTime] as const,
  filterDimensionMetrics: (scope: ScopeKey, groupName: string, filterName: string, creationTime: number) =>
    [...scope, 'logs', 'filter-dimension-metrics', groupName, filterName, creationTime] as const,
  filterMetric: (scope: ScopeKey, groupName: string, filterName: string, query: unknown) => [...scope, 'logs', 'filter-metric', groupName, filterName, query] as const,
};
