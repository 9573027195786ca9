/**
 * metrics.list_quota_efficiency: listing 100,000 metrics through main/api (the stream the metric browser
 * consumes) against a sandbox that enforces AWS's default ListMetrics quota: the pages fetched per second
 * divided by the quota. ListMetrics pages form one NextToken chain, so this measures how closely the
 * scope's paced limiter (with the next page requested while the last is handed over) follows the quota.
 * A run without quotas gives the app's own overhead.
 */
import { createApi } from '../src/main/api';
import { isolatedApiOptions } from '../src/main/api/testing';
import { startSandbox, type FaultOptions, type Sandbox } from '../src/sandbox';
import { LIST_METRICS_PAGE_SIZE } from '../src/shared/contract';
import { defaultTpsQuota } from '../src/shared/quotas';
import type { Benchmark } from './harness';

const METRIC_COUNT = 100_000;
const REGION = 'us-east-1';

async function sandboxWithMetrics(faults: FaultOptions): Promise<Sandbox> {
  const sandbox = await startSandbox({ port: 0, seed: 'empty', faults });
  sandbox.cloudwatch.seedBulk({ metrics: METRIC_COUNT, region: REGION });
  return sandbox;
}

async function listAll(sandbox: Sandbox): Promise<{ metrics: number; pages: number; throttled: number; ms: number }> {
  const options = isolatedApiOptions(async () => sandbox.endpoint);
  const api = createApi(options);
  try {
    let metrics = 0;
    let pages = 0;
    let throttled = 0;
    let failure: unknown;
    const started = performance.now();
    await api.dispatcher.subscribe('metrics.list', {}, new AbortController().signal, (message) => {
      if (message.type === 'next') {
        const page = message.value as { metrics: unknown[]; pages: number; throttled: number };
        metrics += page.metrics.length;
        pages = page.pages;
        throttled = page.throttled;
      }
      if (message.type === 'error') failure = message.error;
    });
    if (failure) throw new Error(`Listing failed: ${JSON.stringify(failure)}`);
    return { metrics, pages, throttled, ms: performance.now() - started };
  } finally {
    api.dispose();
    options.cleanup();
  }
}

export const metricsListing: Benchmark = {
  name: 'metrics.list',
  description: `metrics.list over ${METRIC_COUNT.toLocaleString('en')} metrics via main/api and the SDK against the sandbox, with and without AWS's ListMetrics quota`,
  async run(report) {
    const unlimited = await sandboxWithMetrics({ quotas: 'off' });
    try {
      const run = await listAll(unlimited);
      if (run.metrics !== METRIC_COUNT) throw new Error(`Listed ${run.metrics} metrics, expected ${METRIC_COUNT}`);
      report({ name: 'metrics.list_100k.no_quota_ms', value: run.ms, unit: 'ms' });
    } finally {
      await unlimited.close();
    }

    const quota = defaultTpsQuota('monitoring', 'ListMetrics', REGION);
    if (quota === undefined) throw new Error('shared/quotas.ts has no ListMetrics quota');
    const limited = await sandboxWithMetrics({ quotas: 'aws' });
    try {
      const run = await listAll(limited);
      if (run.metrics !== METRIC_COUNT) throw new Error(`Listed ${run.metrics} metrics, expected ${METRIC_COUNT}`);
      const expectedPages = Math.ceil(METRIC_COUNT / LIST_METRICS_PAGE_SIZE);
      if (run.pages !== expectedPages) throw new Error(`Fetched ${run.pages} pages, expected ${expectedPages}`);
      const callsPerSecond = run.pages / (run.ms / 1000);
      report({ name: 'metrics.list_quota_efficiency', value: callsPerSecond / quota, unit: 'ratio' });
      report({ name: 'metrics.list_100k.aws_quota_ms', value: run.ms, unit: 'ms' });
      report({ name: 'metrics.list_100k.aws_quota_calls_per_s', value: callsPerSecond, unit: 'calls/s' });
      report({ name: 'metrics.list_100k.aws_quota_throttled', value: run.throttled, unit: 'calls' });
    } finally {
      await limited.close();
    }
  },
};
