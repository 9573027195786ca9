/**
 * The loopback HTTP bridge: serves the built renderer and the API dispatcher on 127.0.0.1 so a real
 * browser can run the app exactly as the Electron window does, minus Electron. Every API request
 * must carry the random token; the page gets it through the injected client script.
 */
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { contentSecurityPolicy, contentTypeFor, rendererFileFor } from '../../src/main/security-policy';
import type { Dispatcher } from '../../src/shared/rpc';
import { BRIDGE_ROUTES, BRIDGE_TOKEN_HEADER, type BridgeRequest } from './protocol';

export interface BridgeOptions {
  readonly dispatcher: Dispatcher;
  /** The built renderer (out/renderer). */
  readonly rendererRoot: string;
  /** Sees every API request as it arrives (tests assert on what crosses). */
  readonly onRequest?: (request: BridgeRequest) => void;
  /** Sees every body sent back to the page: call results and each stream message, as sent. */
  readonly onResponse?: (body: string) => void;
}

export interface Bridge {
  readonly url: string;
  readonly token: string;
  close(): Promise<void>;
}

// Room for one files.saveRows call (up to 10,000 rows): the app's IPC takes such a call whole, so the bridge must too.
const MAX_BODY_BYTES = 64 * 1_048_576;

export async function startBridge(options: BridgeOptions): Promise<Bridge> {
  const token = randomBytes(24).toString('hex');
  const server = createServer((request, response) => {
    handle(request, response).catch((error: unknown) => {
      if (!response.headersSent) response.writeHead(500, { 'content-type': 'text/plain' });
      response.end(error instanceof Error ? error.message : 'Internal error');
    });
  });

  async function handle(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const path = new URL(request.url ?? '/', 'http://bridge').pathname;
    if (path === BRIDGE_ROUTES.call || path === BRIDGE_ROUTES.subscribe) {
      if (request.method !== 'POST' || !hasToken(request, token)) {
        response.writeHead(403, { 'content-type': 'text/plain' }).end('Forbidden');
        return;
      }
      const body = await readBody(request);
      options.onRequest?.(body);
      const controller = new AbortController();
      response.on('close', () => controller.abort());
      if (path === BRIDGE_ROUTES.call) {
        const result = JSON.stringify(await options.dispatcher.call(body.method, body.request, controller.signal));
        options.onResponse?.(result);
        response.writeHead(200, { 'content-type': 'application/json' }).end(result);
      } else {
        response.writeHead(200, { 'content-type': 'application/x-ndjson', 'cache-control': 'no-store' });
        await options.dispatcher.subscribe(body.method, body.request, controller.signal, (message) => {
          const line = JSON.stringify(message);
          options.onResponse?.(line);
          response.write(`${line}\n`);
        });
        response.end();
      }
      return;
    }
    await serveStatic(options.rendererRoot, path, response);
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

function hasToken(request: IncomingMessage, token: string): boolean {
  const given = Buffer.from(String(request.headers[BRIDGE_TOKEN_HEADER] ?? ''));
  const expected = Buffer.from(token);
  return given.length === expected.length && timingSafeEqual(given, expected);
}

async function readBody(request: IncomingMessage): Promise<BridgeRequest> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_BODY_BYTES) throw new Error('Request body too large');
    chunks.push(chunk as Buffer);
  }
  const parsed = JSON.parse(Buffer.concat(chunks).toString('utf8')) as Partial<BridgeRequest>;
  return { method: String(parsed.method), request: parsed.request };
}

async function serveStatic(root: string, path: string, response: ServerResponse): Promise<void> {
  const file = rendererFileFor(path);
  if (!file) {
    response.writeHead(404).end();
    return;
  }
  try {
    const body = await readFile(join(root, file));
    response
      .writeHead(200, {
        'content-type': contentTypeFor(file),
        // The same policy the packaged app serves, so browser tests catch CSP violations.
        'content-security-policy': contentSecurityPolicy(false),
        'x-content-type-options': 'nosniff',
      })
      .end(body);
  } catch {
    response.writeHead(404).end();
  }
}
