/** The Exports view's query keys, each under the scope it belongs to (api/queryKeys.ts). */
import type { ScopeKey } from '../../api/queryKeys';

export const exportsKeys = {
  buckets: (scope: ScopeKey) => [...scope, 'exports', 'buckets'] as const,
  policy: (scope: ScopeKey, bucket: string, prefix: string) => [...scope, 'exports', 'policy', bucket, prefix] as const,
  groupNames: (scope: ScopeKey) => [...scope, 'exports', 'group-names'] as const,
  objects: (scope: ScopeKey, bucket: string, prefix: string) => [...scope, 'exports', 'objects', bucket, prefix] as const,
};
