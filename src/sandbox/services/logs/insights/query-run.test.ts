import { describe, expect, it } from 'vitest';
import { parseInsightsQuery } from '../../../../shared/languages/insights';
import { compileQuery, type CompiledQuery } from './compile-query';
import { QueryRun } from './query-run';
import type { QueryScan } from './scan';
import { AWS_INSIGHTS_SETTINGS } from './settings';

function compiled(text: string): CompiledQuery {
  const parsed = parseInsightsQuery(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return compileQuery(parsed.query);
}

const info = { id: 'q', queryString: 'stats count(*)', groupNames: ['g'], createTime: 0, userIdentity: '' };
const settings = { ...AWS_INSIGHTS_SETTINGS, scheduledMs: 0 };

async function ended(run: QueryRun): Promise<void> {
  while (run.active) await new Promise((resolve) => setTimeout(resolve, 1));
}

describe('QueryRun', () => {
  it('ends Failed, with no rows, when reading events throws', async () => {
    const query = compiled('stats count(*)');
    const broken = {
      scanned: 0,
      bytes: 0,
      step: () => {
        throw new Error('the store went away');
      },
    } as unknown as QueryScan;
    const run = new QueryRun(info, query, query.start(10), broken, settings);
    run.begin();
    await ended(run);
    expect(run.status).toBe('Failed');
    expect(run.results()).toEqual([]);
    expect(run.stop()).toBe(false);
  });

  it('can be cancelled while still Scheduled', () => {
    const query = compiled('stats count(*)');
    const idle = { scanned: 0, bytes: 0, step: () => true } as unknown as QueryScan;
    const run = new QueryRun(info, query, query.start(10), idle, { ...settings, scheduledMs: 60_000 });
    run.begin();
    expect(run.status).toBe('Scheduled');
    expect(run.stop()).toBe(true);
    expect(run.status).toBe('Cancelled');
    expect(run.durationMs).toBe(0);
    expect(run.statistics()).toEqual({ recordsMatched: 0, recordsScanned: 0, bytesScanned: 0, logGroupsScanned: 1 });
  });
});
