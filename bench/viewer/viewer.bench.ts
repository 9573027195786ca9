/**
 * The viewer in Chromium: the app's EventTable and search worker on a page of their own (page/),
 * built with Vite and served with the app's content security policy, loaded with 1,000,000 synthetic
 * events of about 200 bytes.
 *
 * - viewer.first_rows_ms: from handing the first page (10,000 events) to the store to the frame that
 *   shows its rows; median of 5 fresh pages.
 * - viewer.search_1m_ms: a case-insensitive text search over 1,000,000 loaded events, from the request
 *   on the page to the answer back on it (the worker's own time is reported too); median of 5. That it
 *   runs off the main thread shows in the main thread's busy time during the search and the frames it
 *   kept drawing meanwhile.
 * - viewer.heap_1m_mb: the JS heaps of the page and of the search worker, which holds its own copy of
 *   the messages, added up after a garbage collection in each (CDP HeapProfiler.collectGarbage, then
 *   Runtime.getHeapUsage's usedSize on each target).
 * - The main thread's busy time (CDP Performance.getMetrics TaskDuration) for prepending a 10,000-event
 *   page at 1,000,000 loaded while the reader is at the top (and appending one while following the
 *   newest rows, as a live tail does), until the frame that shows it; and per mouse-wheel step.
 */
import type { Browser, CDPSession, Page } from '@playwright/test';
import { median, type Benchmark, type BenchResult } from '../harness';
import { checkPageErrors, openBenchPage, withBenchBrowser } from '../page-build';
import type { ViewerBenchApi } from './api';
import config, { PAGE_OUT } from './vite.config';
import type { PageServer } from './server';

const TOTAL = 1_000_000;
const PAGE_SIZE = 10_000;
const RUNS = 5;
const WHEEL_STEPS = 40;
const MB = 1024 * 1024;

/** The page's API, as the functions passed to page.evaluate see it (they run in the page). */
declare const window: { readonly viewerBench: ViewerBenchApi };

export const viewerBenchmark: Benchmark = {
  name: 'viewer',
  description: `EventTable and the search worker in Chromium with ${TOTAL.toLocaleString('en')} events`,
  async run(report) {
    await withBenchBrowser(config, PAGE_OUT, async (browser, server) => {
      await firstRows(browser, server, report);
      await atOneMillion(browser, server, report);
    });
  },
};

function openPage(browser: Browser, server: PageServer): Promise<Page> {
  return openBenchPage(browser, server, 'viewerBench');
}

async function firstRows(browser: Browser, server: PageServer, report: (result: BenchResult) => void): Promise<void> {
  const timings: number[] = [];
  for (let run = 0; run < RUNS; run++) {
    const page = await openPage(browser, server);
    await page.evaluate((size) => window.viewerBench.stagePage(size, 'newer'), PAGE_SIZE);
    // Let the garbage of making the page be collected before the clock starts.
    await page.waitForTimeout(500);
    timings.push(await page.evaluate(() => window.viewerBench.firstPage()));
    checkPageErrors(page);
    await page.close();
  }
  report({ name: 'viewer.first_rows_ms', value: median(timings), unit: 'ms' });
}

async function atOneMillion(browser: Browser, server: PageServer, report: (result: BenchResult) => void): Promise<void> {
  const page = await openPage(browser, server);
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Performance.enable');
  await page.evaluate((size) => window.viewerBench.stagePage(size, 'newer'), PAGE_SIZE);
  await page.evaluate(() => window.viewerBench.firstPage());
  await page.evaluate(([total, size]) => window.viewerBench.loadUntil(total!, size!), [TOTAL, PAGE_SIZE]);
  const loaded = await page.evaluate(() => window.viewerBench.count());
  if (loaded !== TOTAL) throw new Error(`Loaded ${loaded} events, expected ${TOTAL}`);

  // Heap: the page's and the worker's, each after a garbage collection.
  const worker = await attachToWorker(browser);
  await cdp.send('HeapProfiler.collectGarbage');
  await worker.send('HeapProfiler.collectGarbage');
  const pageHeap = (await cdp.send('Runtime.getHeapUsage')).usedSize;
  const workerHeap = ((await worker.send('Runtime.getHeapUsage')) as { usedSize: number }).usedSize;
  report({ name: 'viewer.heap_1m_mb', value: (pageHeap + workerHeap) / MB, unit: 'MB' });
  report({ name: 'viewer.heap_1m.page_mb', value: pageHeap / MB, unit: 'MB' });
  report({ name: 'viewer.heap_1m.worker_mb', value: workerHeap / MB, unit: 'MB' });

  // Search: request to answer, and how busy the main thread was meanwhile.
  const searches: { totalMs: number; workerMs: number; matches: number; frames: number; mainMs: number }[] = [];
  for (let run = 0; run < RUNS; run++) {
    const before = await taskMs(cdp);
    const result = await page.evaluate(() => window.viewerBench.search());
    searches.push({ ...result, mainMs: (await taskMs(cdp)) - before });
  }
  if (searches.some((search) => search.matches !== TOTAL / 100)) throw new Error(`The search found ${searches[0]?.matches} events, expected ${TOTAL / 100}`);
  report({ name: 'viewer.search_1m_ms', value: median(searches.map((search) => search.totalMs)), unit: 'ms' });
  report({ name: 'viewer.search_1m.worker_ms', value: median(searches.map((search) => search.workerMs)), unit: 'ms' });
  report({ name: 'viewer.search_1m.main_thread_busy_ms', value: median(searches.map((search) => search.mainMs)), unit: 'ms' });
  report({ name: 'viewer.search_1m.frames_during_search', value: median(searches.map((search) => search.frames)), unit: 'frames' });

  // Prepending and appending a page at a million loaded: main-thread time until the frame that shows it.
  // Older pages arrive when the reader is at the top; newer ones while a live tail is followed.
  for (const side of ['older', 'newer'] as const) {
    await page.evaluate((edge) => window.viewerBench.scrollToEdge(edge), side === 'older' ? ('start' as const) : ('end' as const));
    const timings: number[] = [];
    for (let run = 0; run < RUNS; run++) {
      await page.evaluate(([size, older]) => window.viewerBench.stagePage(size!, older ? 'older' : 'newer'), [PAGE_SIZE, side === 'older'] as const);
      const before = await taskMs(cdp);
      await page.evaluate(() => window.viewerBench.addStagedPage());
      timings.push((await taskMs(cdp)) - before);
    }
    report({ name: side === 'older' ? 'viewer.prepend_10k_at_1m_ms' : 'viewer.append_10k_at_1m_ms', value: median(timings), unit: 'ms' });
  }

  // Wheel steps over the table.
  await page.mouse.move(720, 450);
  const steps: number[] = [];
  for (let step = 0; step < WHEEL_STEPS; step++) {
    const before = await taskMs(cdp);
    await page.mouse.wheel(0, step < WHEEL_STEPS / 2 ? -400 : 400);
    await page.evaluate(() => window.viewerBench.afterNextPaint());
    steps.push((await taskMs(cdp)) - before);
  }
  report({ name: 'viewer.wheel_step_at_1m_ms', value: median(steps), unit: 'ms' });
  report({ name: 'viewer.wheel_step_at_1m.max_ms', value: Math.max(...steps), unit: 'ms' });
  checkPageErrors(page);
  await page.close();
}

/** The main thread's busy time so far, in milliseconds. */
async function taskMs(cdp: CDPSession): Promise<number> {
  const { metrics } = await cdp.send('Performance.getMetrics');
  return (metrics.find((metric) => metric.name === 'TaskDuration')?.value ?? 0) * 1000;
}

/** A CDP channel to the page's search worker, through the browser's session (Playwright has no worker sessions). */
async function attachToWorker(browser: Browser): Promise<{ send(method: string, params?: object): Promise<unknown> }> {
  const session = await browser.newBrowserCDPSession();
  const { targetInfos } = await session.send('Target.getTargets');
  const target = targetInfos.find((info) => info.type === 'worker' && info.url.includes('search.worker'));
  if (!target) throw new Error('The search worker is not running.');
  const { sessionId } = await session.send('Target.attachToTarget', { targetId: target.targetId, flatten: false });
  let nextId = 0;
  const waiting = new Map<number, (message: { result?: unknown; error?: { message: string } }) => void>();
  session.on('Target.receivedMessageFromTarget', (event) => {
    if (event.sessionId !== sessionId) return;
    const message = JSON.parse(event.message) as { id?: number; result?: unknown; error?: { message: string } };
    if (message.id !== undefined) waiting.get(message.id)?.(message);
  });
  return {
    send: (method, params = {}) =>
      new Promise((resolve, reject) => {
        const id = ++nextId;
        waiting.set(id, (message) => (message.error ? reject(new Error(message.error.message)) : resolve(message.result)));
        void session.send('Target.sendMessageToTarget', { sessionId, message: JSON.stringify({ id, method, params }) });
      }),
  };
}
