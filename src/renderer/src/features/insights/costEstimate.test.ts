import { describe, expect, it } from 'vitest';
import { actualText, estimateText, formatUsd } from './costEstimate';

const group = { name: '/a', arn: 'arn', creationTime: 0, retentionInDays: null, storedBytes: 10 * 1024 ** 3, metricFilterCount: 0, logGroupClass: 'STANDARD' };

describe('cost words', () => {
  it('estimates from the stored bytes the range covers, with the region price', () => {
    expect(estimateText([group], 0, { start: 0, end: 1_000 }, 'us-east-1', 1_000)).toBe('Estimated scan: 10 GB, about $0.05 at $0.005 per GB scanned');
  });

  it('says what it could not count and where the price is not known', () => {
    expect(estimateText([], 2, { start: 0, end: 1 }, 'ap-east-2', 1)).toMatch(/not in Cloudscope's table .*2 of the groups not loaded yet/);
    expect(actualText(1024 ** 3, 'eu-west-1')).toBe('Scanned 1 GB, about $0.0050 at $0.005 per GB scanned');
  });

  it('rounds small amounts readably', () => {
    expect(formatUsd(0)).toBe('$0');
    expect(formatUsd(0.00001)).toBe('< $0.0001');
    expect(formatUsd(1.234)).toBe('$1.23');
  });
});
