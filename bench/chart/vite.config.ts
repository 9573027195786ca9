/** Builds the chart benchmark's page (bench/chart/page) into out/bench-chart, as the app's renderer is built. */
import { fileURLToPath } from 'node:url';
import { benchPageConfig } from '../viewer/vite.config';

export const PAGE_ROOT = fileURLToPath(new URL('./page', import.meta.url));
export const PAGE_OUT = fileURLToPath(new URL('../../out/bench-chart', import.meta.url));

export default benchPageConfig(PAGE_ROOT, PAGE_OUT);
