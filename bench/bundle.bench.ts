/**
 * renderer.bundle_gzip_kb: the renderer as `npm run build` makes it (out/renderer: the HTML, scripts,
 * worker and styles), each file gzipped at level 9, added up. Builds first, so it measures the sources
 * as they are.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';
import type { Benchmark } from './harness';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
const RENDERER = join(ROOT, 'out', 'renderer');
const SHIPPED = /\.(js|mjs|css|html|svg|json|wasm)$/;

function filesUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    return statSync(path).isDirectory() ? filesUnder(path) : [path];
  });
}

export const rendererBundle: Benchmark = {
  name: 'renderer.bundle',
  description: 'the built renderer bundle, gzipped',
  async run(report) {
    const cli = join(ROOT, 'node_modules', 'electron-vite', 'bin', 'electron-vite.js');
    const built = spawnSync(process.execPath, [cli, 'build'], { cwd: ROOT, encoding: 'utf8' });
    if (built.status !== 0) throw new Error(`electron-vite build failed:\n${built.stdout}\n${built.stderr}`);
    let raw = 0;
    let gzipped = 0;
    for (const file of filesUnder(RENDERER).filter((path) => SHIPPED.test(path))) {
      const bytes = readFileSync(file);
      raw += bytes.length;
      gzipped += gzipSync(bytes, { level: 9 }).length;
    }
    report({ name: 'renderer.bundle_gzip_kb', value: gzipped / 1024, unit: 'KB' });
    report({ name: 'renderer.bundle_raw_kb', value: raw / 1024, unit: 'KB' });
  },
};
