/**
 * Listing 10,000 log groups through main/api (the same stream the log-group view consumes) against the
 * sandbox: once without quotas (our own overhead) and once under AWS's DescribeLogGroups quota (how
 * close the SDK's adaptive retry gets to the quota without failing).
 */
import { createApi } from '../src/main/api';
import { isolatedApiOptions } from '../src/main/api/testing';
import { CLOUDWATCH_LOGS_DEFAULT_TPS, startSandbox, type FaultOptions, type Sandbox } from '../src/sandbox';
import { DESCRIBE_PAGE_LIMIT } from '../src/shared/contract/logs-rules';
import { median, type Benchmark } from './harness';

const GROUP_COUNT = 10_000;
const REGION = 'us-east-1';
const RUNS_WITHOUT_QUOTA = 5;

async function listAllGroups(sandbox: Sandbox): Promise<{ groups: number; ms: number }> {
  const options = isolatedApiOptions(async () => sandbox.endpoint);
  const api = createApi(options);
  try {
    const started = performance.now();
    let groups = 0;
    let failure: unknown;
    await api.dispatcher.subscribe('logs.listGroups', {}, new AbortController().signal, (message) => {
      if (message.type === 'next') groups += (message.value as { groups: unknown[] }).groups.length;
      if (message.type === 'error') failure = message.error;
    });
    if (failure) throw new Error(`Listing failed: ${JSON.stringify(failure)}`);
    return { groups, ms: performance.now() - started };
  } finally {
    api.dispose();
    options.cleanup();
  }
}

async function sandboxWithGroups(faults: FaultOptions): Promise<Sandbox> {
  const sandbox = await startSandbox({ port: 0, seed: 'empty', faults });
  const creationTime = Date.UTC(2026, 0, 1);
  sandbox.logs(REGION).createGroups(
    Array.from({ length: GROUP_COUNT }, (_, i) => ({
      name: `/aws/lambda/bench-function-${String(i).padStart(5, '0')}`,
      creationTime: creationTime + i,
      retentionInDays: 30,
    })),
  );
  return sandbox;
}

export const logGroupListing: Benchmark = {
  name: 'log-groups.list-10k',
  description: `logs.listGroups over ${GROUP_COUNT.toLocaleString('en')} groups via main/api and the SDK against the sandbox`,
  async run(report) {
    const unlimited = await sandboxWithGroups({ quotas: 'off' });
    try {
      const timings: number[] = [];
      for (let run = 0; run < RUNS_WITHOUT_QUOTA; run++) {
        const { groups, ms } = await listAllGroups(unlimited);
        if (groups !== GROUP_COUNT) throw new Error(`Listed ${groups} groups, expected ${GROUP_COUNT}`);
        timings.push(ms);
      }
      const ms = median(timings);
      report({ name: 'log-groups.list-10k.no-quota.duration', value: ms, unit: 'ms' });
      report({ name: 'log-groups.list-10k.no-quota.throughput', value: (GROUP_COUNT / ms) * 1000, unit: 'groups/s' });
    } finally {
      await unlimited.close();
    }

    const quotaTps = CLOUDWATCH_LOGS_DEFAULT_TPS.DescribeLogGroups?.default ?? 10;
    const limited = await sandboxWithGroups({ quotas: 'aws' });
    try {
      const { groups, ms } = await listAllGroups(limited);
      if (groups !== GROUP_COUNT) throw new Error(`Listed ${groups} groups, expected ${GROUP_COUNT}`);
      const pages = Math.ceil(GROUP_COUNT / DESCRIBE_PAGE_LIMIT);
      const achievedTps = pages / (ms / 1000);
      report({ name: 'log-groups.list-10k.aws-quota.duration', value: ms, unit: 'ms' });
      report({ name: 'log-groups.list-10k.aws-quota.pages-per-second', value: achievedTps, unit: 'requests/s' });
      report({ name: 'log-groups.list-10k.aws-quota.quota-utilisation', value: (achievedTps / quotaTps) * 100, unit: '%' });
    } finally {
      await limited.close();
    }
  },
};
