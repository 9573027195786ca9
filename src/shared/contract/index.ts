/**
 * The Cloudscope API: every call the renderer can make, as `namespace.method(request) → response`,
 * assembled from one module per domain. Requests are zod schemas (main validates everything that
 * crosses); responses are types. A new domain adds one file and one line here.
 */
import { type ClientOf, type HandlersOf } from '../rpc';
import { connectionsContract } from './connections';
import { filesContract } from './files';
import { logsContract } from './logs';
import { metricsContract } from './metrics';

export * from './connections';
export * from './files';
export * from './logs';
export * from './metrics';

export const contract = {
  connections: connectionsContract,
  logs: logsContract,
  files: filesContract,
  metrics: metricsContract,
} as const;

export type CloudscopeContract = typeof contract;
/** `window.api` in the renderer. */
export type CloudscopeApi = ClientOf<CloudscopeContract>;
/** What main/api implements. */
export type CloudscopeHandlers = HandlersOf<CloudscopeContract>;
