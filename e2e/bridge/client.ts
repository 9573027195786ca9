/**
 * Runs in the page (injected before the app's scripts): gives it the same `window.api` the preload
 * gives the Electron window, over the loopback HTTP bridge instead of IPC.
 */
import { contract } from '../../src/shared/contract';
import { apiError } from '../../src/shared/errors';
import { createClient, type ClientTransport, type StreamMessage, type WireResult } from '../../src/shared/rpc';
import { BRIDGE_ROUTES, BRIDGE_TOKEN_HEADER } from './protocol';

declare global {
  interface Window {
    __cloudscopeBridgeToken?: string;
  }
}

function post(route: string, method: string, request: unknown, signal?: AbortSignal): Promise<Response> {
  return fetch(route, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [BRIDGE_TOKEN_HEADER]: window.__cloudscopeBridgeToken ?? '' },
    body: JSON.stringify({ method, request }),
    signal,
  });
}

function bridgeFailure(error: unknown): StreamMessage & WireResult {
  const message = error instanceof Error ? error.message : String(error);
  return { ok: false, type: 'error', error: apiError('Unreachable', `The test bridge failed: ${message}`) };
}

async function readLines(response: Response, onLine: (line: string) => void): Promise<void> {
  if (!response.body) return;
  const reader = response.body.pipeThrough(new TextDecoderStream()).getReader();
  let buffered = '';
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffered += value;
    let newline = buffered.indexOf('\n');
    while (newline >= 0) {
      onLine(buffered.slice(0, newline));
      buffered = buffered.slice(newline + 1);
      newline = buffered.indexOf('\n');
    }
  }
}

const transport: ClientTransport = {
  async call(method, request) {
    try {
      const response = await post(BRIDGE_ROUTES.call, method, request);
      return (await response.json()) as WireResult;
    } catch (error) {
      return bridgeFailure(error);
    }
  },
  subscribe(method, request, onMessage) {
    const controller = new AbortController();
    void post(BRIDGE_ROUTES.subscribe, method, request, controller.signal)
      .then((response) => readLines(response, (line) => onMessage(JSON.parse(line) as StreamMessage)))
      .catch((error: unknown) => {
        if (!controller.signal.aborted) onMessage(bridgeFailure(error));
      });
    return () => controller.abort();
  },
};

window.api = createClient(contract, transport);
