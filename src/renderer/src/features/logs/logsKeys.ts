/** The Logs view's query keys, each under the scope it belongs to (api/queryKeys.ts). */
import type { ScopeKey } from '../../api/queryKeys';

export const logsKeys = {
  groups: (scope: ScopeKey) => [...scope, 'logs', 'groups'] as const,
  streams: (scope: ScopeKey, groupName: string, prefix: string) => [...scope, 'logs', 'streams', groupName, prefix] as const,
  events: (scope: ScopeKey, groupName: string, streamName: string) => [...scope, 'logs', 'events', groupName, streamName] as const,
};
