/**
 * The Cloudscope API as a plain handler table, independent of Electron: `main/ipc.ts` serves it over
 * IPC to the app's window, the e2e harness serves it over a loopback HTTP bridge, tests call it directly.
 */
import { contract, type CloudscopeHandlers } from '../../shared/contract';
import { createDispatcher, type Dispatcher } from '../../shared/rpc';
import { alarmsHandlers } from './alarms';
import { connectionsHandlers } from './connections';
import { exportsApi, type ExportsOptions } from './exports';
import { filesApi } from './files';
import { insightsHandlers } from './insights';
import { logsHandlers } from './logs';
import { metricFiltersHandlers } from './metric-filters';
import { metricsHandlers } from './metrics';
import { Session, type SessionOptions } from './session';
import { trailHandlers } from './trail';

export interface ApiOptions extends SessionOptions {
  /** The export queue's store (a file beside the settings in the app) and polling pace. */
  readonly exports?: ExportsOptions;
}

export interface Api {
  readonly handlers: CloudscopeHandlers;
  readonly dispatcher: Dispatcher;
  /** Cancels in-flight work and releases the AWS clients. */
  dispose(): void;
}

export function createApi(options: ApiOptions): Api {
  const session = new Session(options);
  const files = filesApi(session);
  const exportsDomain = exportsApi(session, options.exports);
  const handlers: CloudscopeHandlers = {
    connections: connectionsHandlers(session),
    logs: logsHandlers(session),
    files: files.handlers,
    trail: trailHandlers(session),
    exports: exportsDomain.handlers,
    insights: insightsHandlers(session),
    metrics: metricsHandlers(session),
    alarms: alarmsHandlers(session),
    metricFilters: metricFiltersHandlers(session),
  };
  return {
    handlers,
    dispatcher: createDispatcher(contract, handlers, (error) => session.describeFailure(error)),
    dispose: () => {
      void exportsDomain.dispose();
      files.dispose();
      session.dispose();
    },
  };
}
