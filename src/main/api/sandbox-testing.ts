/**
 * For integration test files: one sandbox per file (started before its tests, its faults cleared after
 * each), and a fresh API with an isolated home for each test that calls `start`.
 */
import { afterAll, afterEach, beforeAll } from 'vitest';
import type { Dispatcher } from '../../shared/rpc';
import { startSandbox, type Sandbox, type SandboxOptions } from '../../sandbox';
import { createApi, type Api } from './index';
import { isolatedApiOptions, type IsolatedApiOptions } from './testing';

export interface SandboxApi {
  readonly sandbox: Sandbox;
  /** The options of the API the current test started. */
  readonly options: IsolatedApiOptions;
  /** A new API against the sandbox (or another endpoint); disposed after the test. */
  start(endpoint?: string): Dispatcher;
}

export function sandboxApi(sandboxOptions: SandboxOptions = {}, seed?: (sandbox: Sandbox) => void): SandboxApi {
  let sandbox: Sandbox | undefined;
  let api: Api | undefined;
  let options: IsolatedApiOptions | undefined;

  beforeAll(async () => {
    sandbox = await startSandbox({ port: 0, ...sandboxOptions });
    seed?.(sandbox);
  });
  afterAll(async () => {
    await sandbox?.close();
  });
  afterEach(() => {
    api?.dispose();
    options?.cleanup();
    api = undefined;
    options = undefined;
    sandbox?.setFaults({});
  });

  const started = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`No ${what} yet: ${what === 'sandbox' ? 'it starts in beforeAll' : 'call start() first'}.`);
    return value;
  };
  return {
    get sandbox() {
      return started(sandbox, 'sandbox');
    },
    get options() {
      return started(options, 'API');
    },
    start(endpoint) {
      const target = endpoint ?? started(sandbox, 'sandbox').endpoint;
      options = isolatedApiOptions(async () => target);
      api = createApi(options);
      return api.dispatcher;
    },
  };
}
