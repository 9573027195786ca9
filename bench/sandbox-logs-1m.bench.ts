/**
 * The sandbox at the scale the app's downloads and searches need: seeding a 1,000,000-event group (20
 * streams, ~200-byte messages, one day), then the cost of one FilterLogEvents page (unfiltered, and with a
 * term pattern matching ~1% of events) and of GetLogEvents around a timestamp, near the start, the middle
 * and the end of the range — it should not depend on where. Calls go over HTTP as raw requests (the sandbox
 * takes any signature), so the figures are the sandbox's cost plus loopback, without an SDK's.
 */
import { startSandbox, type Sandbox } from '../src/sandbox';
import { median, type Benchmark, type BenchResult } from './harness';
import { callSandbox as call } from './sandbox-call';

const EVENTS = 1_000_000;
const STREAMS = 20;
const GROUP = '/bench/events-1m';
const CALLS_PER_POSITION = 9;
const POSITIONS = { start: 0.001, middle: 0.5, end: 0.99 } as const;

/** Median time of a page of FilterLogEvents from a point in the range, following nextToken. */
async function filterPages(sandbox: Sandbox, startTime: number, endTime: number, filterPattern: string): Promise<{ ms: number; events: number }> {
  const timings: number[] = [];
  let events = 0;
  let nextToken: unknown;
  for (let page = 0; page < CALLS_PER_POSITION; page++) {
    const { ms, output } = await call(sandbox, 'FilterLogEvents', { logGroupName: GROUP, startTime, endTime, filterPattern, ...(nextToken === undefined ? {} : { nextToken }) });
    timings.push(ms);
    events += (output.events as unknown[]).length;
    nextToken = output.nextToken;
  }
  return { ms: median(timings), events: events / CALLS_PER_POSITION };
}

async function getAround(sandbox: Sandbox, timestamp: number): Promise<number> {
  const timings: number[] = [];
  for (let run = 0; run < CALLS_PER_POSITION; run++) {
    const before = await call(sandbox, 'GetLogEvents', { logGroupName: GROUP, logStreamName: 'stream-07', endTime: timestamp, startFromHead: false, limit: 100 });
    const after = await call(sandbox, 'GetLogEvents', { logGroupName: GROUP, logStreamName: 'stream-07', startTime: timestamp, startFromHead: true, limit: 100 });
    timings.push(before.ms + after.ms);
  }
  return median(timings);
}

export const sandboxLogsAtScale: Benchmark = {
  name: 'sandbox.logs-1m',
  description: `seeding ${EVENTS.toLocaleString('en')} events, then FilterLogEvents and GetLogEvents page costs in the sandbox`,
  async run(report: (result: BenchResult) => void) {
    const sandbox = await startSandbox({ port: 0, seed: 'empty' });
    try {
      const started = performance.now();
      const { from, to } = sandbox.seedBulk({ logGroupName: GROUP, events: EVENTS, streams: STREAMS });
      report({ name: 'sandbox.seed-1m.duration', value: performance.now() - started, unit: 'ms' });

      for (const [kind, pattern] of [
        ['unfiltered', ''],
        ['term', 'ERROR'],
      ] as const) {
        for (const [position, share] of Object.entries(POSITIONS)) {
          const { ms, events } = await filterPages(sandbox, from + Math.floor((to - from) * share), to, pattern);
          report({ name: `sandbox.filter-1m.${kind}.${position}.page`, value: ms, unit: 'ms' });
          report({ name: `sandbox.filter-1m.${kind}.${position}.events-per-page`, value: events, unit: 'events' });
        }
      }
      for (const [position, share] of Object.entries(POSITIONS)) {
        report({ name: `sandbox.get-1m.context-100.${position}`, value: await getAround(sandbox, from + Math.floor((to - from) * share)), unit: 'ms' });
      }
    } finally {
      await sandbox.close();
    }
  },
};
