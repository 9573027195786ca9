/** The Insights view's query keys, each under the scope it belongs to (api/queryKeys.ts). */
import type { ScopeKey } from '../../api/queryKeys';

export const insightsKeys = {
  fields: (scope: ScopeKey, groups: readonly string[]) => [...scope, 'insights', 'fields', [...groups].sort().join('\n')] as const,
  definitions: (scope: ScopeKey) => [...scope, 'insights', 'definitions'] as const,
  record: (scope: ScopeKey, pointer: string) => [...scope, 'insights', 'record', pointer] as const,
  accountQueries: (scope: ScopeKey) => [...scope, 'insights', 'account-queries'] as const,
};
