/** Builds the page-side bridge client into one script that Playwright injects before the app runs. */
import { fileURLToPath } from 'node:url';
import { build } from 'vite';

const entry = fileURLToPath(new URL('./client.ts', import.meta.url));

export async function bundleBridgeClient(): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    build: {
      write: false,
      minify: false,
      lib: { entry, formats: ['iife'], name: 'cloudscopeBridge', fileName: () => 'bridge.js' },
    },
  });
  const outputs = Array.isArray(result) ? result : [result];
  for (const output of outputs) {
    if (!('output' in output)) continue;
    for (const chunk of output.output) {
      if (chunk.type === 'chunk') return chunk.code;
    }
  }
  throw new Error('Bundling the bridge client produced no script.');
}

/** The script to inject: sets the token, then installs `window.api`. */
export function bridgeInitScript(clientCode: string, token: string): string {
  return `window.__cloudscopeBridgeToken = ${JSON.stringify(token)};\n${clientCode}`;
}
