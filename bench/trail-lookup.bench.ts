/**
 * trail.lookup_quota_efficiency: loading the demo account's 90 days of event history in us-east-1 (at
 * least 20,000 events) through main/api's `trail.lookup`, against a sandbox enforcing AWS's quotas
 * (LookupEvents: 2 a second per account and region). The value is the successful LookupEvents calls
 * divided by what the quota allows in the time taken (its rate for that long, plus the one-second
 * burst the bucket starts with); 1 is every call the quota allows, and no throttling error may reach
 * the user.
 */
import { createApi } from '../src/main/api';
import { isolatedApiOptions } from '../src/main/api/testing';
import { EVENT_HISTORY_MS, type LookupUpdate } from '../src/shared/contract';
import { defaultTpsQuota } from '../src/shared/quotas';
import { startSandbox } from '../src/sandbox';
import type { Benchmark } from './harness';

const REGION = 'us-east-1';
const MINIMUM_EVENTS = 20_000;

export const trailLookup: Benchmark = {
  name: 'trail.lookup',
  description: `trail.lookup of 90 days of event history (≥ ${MINIMUM_EVENTS.toLocaleString('en')} events) via main/api under AWS's LookupEvents quota`,
  async run(report) {
    const sandbox = await startSandbox({ seed: 'demo', faults: { quotas: 'aws' } });
    const options = isolatedApiOptions(async () => sandbox.endpoint);
    const api = createApi(options);
    try {
      const expected = sandbox.cloudTrail(REGION).all().length;
      const endTime = Date.now();
      let events = 0;
      let last: Extract<LookupUpdate, { type: 'progress' }> | undefined;
      let failure: unknown;
      const started = performance.now();
      await api.dispatcher.subscribe(
        'trail.lookup',
        { lookup: { startTime: endTime - EVENT_HISTORY_MS, endTime }, maxEvents: 100_000, maxPages: 10_000 },
        new AbortController().signal,
        (message) => {
          if (message.type === 'error') failure = message.error;
          if (message.type !== 'next') return;
          const update = message.value as LookupUpdate;
          if (update.type === 'events') events += update.events.length;
          if (update.type === 'progress') last = update;
        },
      );
      const seconds = (performance.now() - started) / 1000;
      if (failure !== undefined) throw new Error(`The lookup failed: ${JSON.stringify(failure)}`);
      if (events < MINIMUM_EVENTS || events < expected - 100) throw new Error(`Loaded ${events} events; the region holds ${expected}`);
      const tps = defaultTpsQuota('cloudtrail', 'LookupEvents', REGION) ?? 1;
      const calls = last?.pages ?? 0;
      console.error(
        `trail.lookup_quota_efficiency: ${events} events in ${calls} calls over ${seconds.toFixed(1)} s (${(calls / seconds).toFixed(2)} calls/s) at a quota of ${tps}/s; ${last?.throttled ?? 0} throttled and retried`,
      );
      report({ name: 'trail.lookup_quota_efficiency', value: calls / (tps * (seconds + 1)), unit: 'ratio' });
    } finally {
      api.dispose();
      options.cleanup();
      await sandbox.close();
    }
  },
};
