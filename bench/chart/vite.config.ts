/** Builds the chart benchmark's page (bench/chart/page) into out/bench-chart, as the app's renderer is built. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const PAGE_ROOT = fileURLToPath(new URL('./page', import.meta.url));
export const PAGE_OUT = fileURLToPath(new URL('../../out/bench-chart', import.meta.url));

export default defineConfig({
  root: PAGE_ROOT,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: PAGE_OUT, emptyOutDir: true },
});
