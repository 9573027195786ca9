/** Builds the Insights benchmark's page (bench/insights/page) into out/bench-insights, as the app's renderer is built. */
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

export const PAGE_ROOT = fileURLToPath(new URL('./page', import.meta.url));
export const PAGE_OUT = fileURLToPath(new URL('../../out/bench-insights', import.meta.url));

export default defineConfig({
  root: PAGE_ROOT,
  base: './',
  plugins: [react()],
  logLevel: 'warn',
  build: { outDir: PAGE_OUT, emptyOutDir: true },
});
