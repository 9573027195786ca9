/** Serves the built benchmark page on a loopback port with the app's own content security policy, so a worker the CSP refuses would fail here too. */
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { contentSecurityPolicy, contentTypeFor, rendererFileFor } from '../../src/main/security-policy';

export interface PageServer {
  readonly url: string;
  close(): Promise<void>;
}

export async function servePage(root: string): Promise<PageServer> {
  const server = createServer((request, response) => {
    const file = rendererFileFor(new URL(request.url ?? '/', 'http://page').pathname);
    if (!file) {
      response.writeHead(404).end();
      return;
    }
    readFile(join(root, file)).then(
      (body) =>
        response
          .writeHead(200, {
            'content-type': contentTypeFor(file),
            'content-security-policy': contentSecurityPolicy(false),
            'x-content-type-options': 'nosniff',
          })
          .end(body),
      () => response.writeHead(404).end(),
    );
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
