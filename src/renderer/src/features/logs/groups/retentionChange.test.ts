import { describe, expect, it } from 'vitest';
import type { LogGroup } from '../../../../../shared/contract';
import { retentionChange } from './retentionChange';

const DAY = 86_400_000;
const NOW = Date.UTC(2026, 10, 30);

function group(retentionInDays: number | null, ageDays: number, storedBytes = 900): LogGroup {
  return {
    name: '/g',
    arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/g',
    creationTime: NOW - ageDays * DAY,
    retentionInDays,
    storedBytes,
    metricFilterCount: 0,
    logGroupClass: 'STANDARD',
  };
}

describe('retentionChange', () => {
  it('deletes nothing when retention grows or stays', () => {
    expect(retentionChange(group(30, 400), 90, NOW)).toEqual({ kind: 'longer' });
    expect(retentionChange(group(30, 400), null, NOW)).toEqual({ kind: 'longer' });
    expect(retentionChange(group(30, 400), 30, NOW)).toEqual({ kind: 'unchanged' });
  });

  it('says from when events go, and estimates how much, from the days the group holds', () => {
    expect(retentionChange(group(90, 400), 30, NOW)).toEqual({ kind: 'shorter', deletesBefore: NOW - 30 * DAY, estimatedBytes: 600 });
    // Never expire: the group holds everything since it was created.
    expect(retentionChange(group(null, 60), 30, NOW)).toEqual({ kind: 'shorter', deletesBefore: NOW - 30 * DAY, estimatedBytes: 450 });
    // A group younger than the new retention loses nothing yet.
    expect(retentionChange(group(null, 10), 30, NOW)).toMatchObject({ kind: 'shorter', estimatedBytes: 0 });
  });
});
