/** Builds the alarm-tuning benchmark's page (bench/alarm-tuning/page) into out/bench-alarm-tuning. */
import { benchPageConfig } from '../page-build';

const page = benchPageConfig(new URL('./page', import.meta.url), 'bench-alarm-tuning');

export const PAGE_OUT = page.outDir;

export default page.config;
