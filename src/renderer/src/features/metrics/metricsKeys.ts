/** The Metrics view's query keys, each under the scope it belongs to (api/queryKeys.ts). */
import type { ScopeKey } from '../../api/queryKeys';
import type { MetricDataRequest } from '../../../../shared/contract';

export const metricsKeys = {
  list: (scope: ScopeKey, recentlyActive: boolean) => [...scope, 'metrics', 'list', recentlyActive] as const,
  data: (scope: ScopeKey, request: MetricDataRequest) => [...scope, 'metrics', 'data', request] as const,
  dashboards: (scope: ScopeKey) => [...scope, 'metrics', 'dashboards'] as const,
  dashboard: (scope: ScopeKey, name: string) => [...scope, 'metrics', 'dashboard', name] as const,
};
