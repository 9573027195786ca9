/** Builds the chart benchmark's page (bench/chart/page) into out/bench-chart, as the app's renderer is built. */
import { benchPageConfig } from '../page-build';

const page = benchPageConfig(new URL('./page', import.meta.url), 'bench-chart');

export const PAGE_OUT = page.outDir;

export default page.config;
