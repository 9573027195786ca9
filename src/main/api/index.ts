/**
 * The Cloudscope API as a plain handler table, independent of Electron: `main/ipc.ts` serves it over
 * IPC to the app's window, the e2e harness serves it over a loopback HTTP bridge, tests call it directly.
 */
import { contract, type CloudscopeHandlers } from '../../shared/contract';
import { createDispatcher, type Dispatcher } from '../../shared/rpc';
import { connectionsHandlers } from './connections';
import { filesApi } from './files';
import { logsHandlers } from './logs';
import { metricsHandlers } from './metrics';
import { Session, type SessionOptions } from './session';

export type ApiOptions = SessionOptions;

export interface Api {
  readonly handlers: CloudscopeHandlers;
  readonly dispatcher: Dispatcher;
  /** Cancels in-flight work and releases the AWS clients. */
  dispose(): void;
}

export function createApi(options: ApiOptions): Api {
  const session = new Session(options);
  const files = filesApi(session);
  const handlers: CloudscopeHandlers = {
    connections: connectionsHandlers(session),
    logs: logsHandlers(session),
    files: files.handlers,
    metrics: metricsHandlers(session),
  };
  return {
    handlers,
    dispatcher: createDispatcher(contract, handlers, (error) => session.describeFailure(error)),
    dispose: () => {
      files.dispose();
      session.dispose();
    },
  };
}
