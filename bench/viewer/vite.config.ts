/** Builds the viewer benchmark's page (bench/viewer/page) into out/bench-viewer, as the app's renderer is built. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const PAGE_ROOT = fileURLToPath(new URL('./page', import.meta.url));
export const PAGE_OUT = fileURLToPath(new URL('../../out/bench-viewer', import.meta.url));

/** A benchmark page's build: its folder, built as the app's renderer is, into `outDir`. */
export function benchPageConfig(root: string, outDir: string) {
  return defineConfig({ root, base: './', plugins: [react()], logLevel: 'warn', build: { outDir, emptyOutDir: true } });
}

export default benchPageConfig(PAGE_ROOT, PAGE_OUT);
