/**
 * Everything a browser test needs: a sandbox, the real main/api handler table on top of it, and the
 * loopback bridge serving the built renderer with the same `window.api` the Electron window gets.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createApi, type Api } from '../src/main/api';
import { isolatedApiOptions, type IsolatedApiOptions } from '../src/main/api/testing';
import { startSandbox, type Sandbox, type SandboxOptions } from '../src/sandbox';
import { bridgeInitScript, bundleBridgeClient } from './bridge/bundle';
import type { BridgeRequest } from './bridge/protocol';
import { startBridge, type Bridge } from './bridge/server';

export const RENDERER_ROOT = fileURLToPath(new URL('../out/renderer', import.meta.url));

export interface Harness {
  readonly sandbox: Sandbox;
  readonly api: Api;
  readonly bridge: Bridge;
  /** Injected into every page before the app runs; installs `window.api`. */
  readonly initScript: string;
  /** Every API request the page made, in order. */
  readonly requests: BridgeRequest[];
  /** Every body the bridge sent back to the page, in order. */
  readonly responses: string[];
  /** The API's temporary home, settings file and secret store. */
  readonly options: IsolatedApiOptions;
  /**
   * Every file the app's save dialog answered (downloads, saved rows), in order; read them to check what
   * was written. By default the dialog saves the suggested name in `options.downloadsDir`; set
   * `options.answerSaveDialog` to answer otherwise (another folder, or `undefined` for a closed dialog).
   */
  readonly saved: readonly string[];
  close(): Promise<void>;
}

export type HarnessOptions = Pick<SandboxOptions, 'seed' | 'faults' | 'clock' | 'liveDemo'> & {
  /** The environment main/api sees (AWS_CONFIG_FILE, AWS_PROFILE, keys, …); empty by default. */
  readonly env?: Readonly<Record<string, string | undefined>>;
};

export async function startHarness(options: HarnessOptions = {}): Promise<Harness> {
  if (!existsSync(join(RENDERER_ROOT, 'index.html'))) {
    throw new Error('The renderer is not built. Run `npm run build` before the end-to-end tests.');
  }
  const { env, ...sandboxOptions } = options;
  // Alarms change state only when a test evaluates them (`cloudwatch.evaluateAlarms`), never at a minute
  // boundary between two of its steps.
  const sandbox = await startSandbox({ port: 0, seed: 'demo', evaluateAlarms: false, ...sandboxOptions });
  const apiOptions = isolatedApiOptions(async () => sandbox.endpoint, env ? { env } : {});
  const api = createApi(apiOptions);
  const requests: BridgeRequest[] = [];
  const responses: string[] = [];
  const bridge = await startBridge({
    dispatcher: api.dispatcher,
    rendererRoot: RENDERER_ROOT,
    onRequest: (request) => requests.push(request),
    onResponse: (body) => responses.push(body),
  });
  const initScript = bridgeInitScript(await bundleBridgeClient(), bridge.token);
  return {
    sandbox,
    api,
    bridge,
    initScript,
    requests,
    responses,
    options: apiOptions,
    saved: apiOptions.saved,
    async close() {
      await bridge.close();
      api.dispose();
      await sandbox.close();
      apiOptions.cleanup();
    },
  };
}
