/**
 * The Cloudscope API: every call the renderer can make, as `namespace.method(request) → response`,
 * assembled from one module per domain. Requests are zod schemas (main validates everything that
 * crosses); responses are types. A new domain adds one file and one line here.
 */
import { type ClientOf, type HandlersOf } from '../rpc';
import { alarmsContract } from './alarms';
import { connectionsContract } from './connections';
import { exportsContract } from './exports';
import { filesContract } from './files';
import { insightsContract } from './insights';
import { logsContract } from './logs';
import { metricFiltersContract } from './metric-filters';
import { trailContract } from './trail';
import { metricsContract } from './metrics';

export * from './connections';
export * from './exports';
export * from './files';
export * from './insights';
export * from './logs';
export * from './trail';
export * from './metrics';
export * from './alarms';
export * from './metric-filters';

export const contract = {
  connections: connectionsContract,
  logs: logsContract,
  files: filesContract,
  trail: trailContract,
  exports: exportsContract,
  insights: insightsContract,
  metrics: metricsContract,
  alarms: alarmsContract,
  metricFilters: metricFiltersContract,
} as const;

export type CloudscopeContract = typeof contract;
/** `window.api` in the renderer. */
export type CloudscopeApi = ClientOf<CloudscopeContract>;
/** What main/api implements. */
export type CloudscopeHandlers = HandlersOf<CloudscopeContract>;
