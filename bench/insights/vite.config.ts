/** Builds the Insights benchmark's page (bench/insights/page) into out/bench-insights, as the app's renderer is built. */
import { benchPageConfig } from '../page-build';

const page = benchPageConfig(new URL('./page', import.meta.url), 'bench-insights');

export const PAGE_OUT = page.outDir;

export default page.config;
