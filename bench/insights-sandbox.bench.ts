/**
 * The sandbox's Logs Insights engine at scale: `filter @message like /ERROR/ | stats count(*) by bin(5m)`
 * over a 1,000,000-event group (20 streams, ~200-byte messages, one day), from StartQuery to Complete,
 * polled over HTTP as a client would. Also how long an ordinary request waits while a query runs (the
 * engine scans in slices between requests). Calls are raw signed-looking requests (the sandbox takes any
 * signature), so the figures are the sandbox's cost plus loopback.
 */
import { startSandbox, type Sandbox } from '../src/sandbox';
import { median, type Benchmark, type BenchResult } from './harness';
import { callSandbox } from './sandbox-call';

const EVENTS = 1_000_000;
const GROUP = '/bench/insights-1m';
const QUERY = 'filter @message like /ERROR/ | stats count(*) by bin(5m)';
const RUNS = 3;

async function call(sandbox: Sandbox, operation: string, body: object): Promise<Record<string, unknown>> {
  return (await callSandbox(sandbox, operation, body)).output;
}

/** Runs the query to Complete; the time, events scanned, and the slowest other request meanwhile. */
async function runQuery(sandbox: Sandbox, from: number, to: number): Promise<{ ms: number; scanned: number; bins: number; slowestRequestMs: number }> {
  const started = performance.now();
  const { queryId } = await call(sandbox, 'StartQuery', { logGroupName: GROUP, startTime: Math.floor(from / 1000), endTime: Math.ceil(to / 1000), queryString: QUERY });
  let slowestRequestMs = 0;
  for (;;) {
    const before = performance.now();
    await call(sandbox, 'DescribeLogGroups', { limit: 1 });
    slowestRequestMs = Math.max(slowestRequestMs, performance.now() - before);
    const answer = await call(sandbox, 'GetQueryResults', { queryId });
    if (answer.status === 'Complete') {
      const statistics = answer.statistics as { recordsScanned: number };
      return { ms: performance.now() - started, scanned: statistics.recordsScanned, bins: (answer.results as unknown[]).length, slowestRequestMs };
    }
    if (answer.status !== 'Running' && answer.status !== 'Scheduled') throw new Error(`query ended ${String(answer.status)}`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

export const insightsSandbox: Benchmark = {
  name: 'insights.sandbox',
  description: `"${QUERY}" over ${EVENTS.toLocaleString('en')} events in the sandbox, StartQuery to Complete`,
  async run(report: (result: BenchResult) => void) {
    // No Scheduled pause: the figure is the engine's speed.
    const sandbox = await startSandbox({ port: 0, seed: 'empty', insights: { scheduledMs: 0 } });
    try {
      const { from, to } = sandbox.seedBulk({ logGroupName: GROUP, events: EVENTS });
      const runs: Array<Awaited<ReturnType<typeof runQuery>>> = [];
      for (let run = 0; run < RUNS; run++) runs.push(await runQuery(sandbox, from, to));
      const ms = median(runs.map((run) => run.ms));
      const scanned = runs[0]?.scanned ?? 0;
      if (scanned !== EVENTS) throw new Error(`the query scanned ${scanned} events, not ${EVENTS}`);
      report({ name: 'insights.sandbox_events_per_s', value: Math.round(scanned / (ms / 1000)), unit: 'events/s' });
      report({ name: 'insights.sandbox_query_1m.duration', value: ms, unit: 'ms' });
      report({ name: 'insights.sandbox_query_1m.bins', value: runs[0]?.bins ?? 0, unit: 'rows' });
      report({ name: 'insights.sandbox_request_during_query.max', value: Math.max(...runs.map((run) => run.slowestRequestMs)), unit: 'ms' });
    } finally {
      await sandbox.close();
    }
  },
};
