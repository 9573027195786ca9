import { describe, expect, it } from 'vitest';
import type { LogGroup } from '../../../../../shared/contract';
import { sortGroups } from './groupSort';

function group(name: string, extra: Partial<LogGroup> = {}): LogGroup {
  return {
    name,
    arn: `arn:aws:logs:us-east-1:123456789012:log-group:${name}`,
    creationTime: 0,
    retentionInDays: null,
    storedBytes: 0,
    metricFilterCount: 0,
    logGroupClass: 'STANDARD',
    ...extra,
  };
}

const groups = [
  group('/b', { storedBytes: 10, retentionInDays: 30, creationTime: 3 }),
  group('/a', { storedBytes: 500, retentionInDays: null, creationTime: 1, kmsKeyId: 'k' }),
  group('/C', { storedBytes: 10, retentionInDays: 1, creationTime: 2 }),
];
const names = (sorted: readonly LogGroup[]) => sorted.map((g) => g.name);

describe('sortGroups', () => {
  it('sorts names in code-unit order, as AWS lists them', () => {
    expect(names(sortGroups(groups, [{ id: 'name', desc: false }]))).toEqual(['/C', '/a', '/b']);
    expect(names(sortGroups(groups, [{ id: 'name', desc: true }]))).toEqual(['/b', '/a', '/C']);
  });

  it('sorts numbers, breaking ties by name', () => {
    expect(names(sortGroups(groups, [{ id: 'storedBytes', desc: true }]))).toEqual(['/a', '/C', '/b']);
    expect(names(sortGroups(groups, [{ id: 'creationTime', desc: false }]))).toEqual(['/a', '/C', '/b']);
  });

  it('puts "never expire" after every retention in days', () => {
    expect(names(sortGroups(groups, [{ id: 'retention', desc: false }]))).toEqual(['/C', '/b', '/a']);
  });

  it('sorts encrypted groups together', () => {
    expect(names(sortGroups(groups, [{ id: 'kms', desc: true }]))).toEqual(['/a', '/C', '/b']);
  });

  it('leaves the list alone without a known sort, and never changes its input', () => {
    expect(sortGroups(groups, [])).toBe(groups);
    expect(sortGroups(groups, [{ id: 'nope', desc: false }])).toBe(groups);
    sortGroups(groups, [{ id: 'name', desc: false }]);
    expect(names(groups)).toEqual(['/b', '/a', '/C']);
  });
});
