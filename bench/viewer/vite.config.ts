/** Builds the viewer benchmark's page (bench/viewer/page) into out/bench-viewer, as the app's renderer is built. */
import { benchPageConfig } from '../page-build';

const page = benchPageConfig(new URL('./page', import.meta.url), 'bench-viewer');

export const PAGE_ROOT = page.root;
export const PAGE_OUT = page.outDir;

export default page.config;
