import { describe, expect, it } from 'vitest';
import { estimateScannedBytes, scanCost } from './insights-pricing';

const DAY = 86_400_000;
const now = 100 * DAY;

describe('estimateScannedBytes', () => {
  it('spreads a group over its life and counts the part the range covers', () => {
    const group = { storedBytes: 1_000, creationTime: 90 * DAY, retentionInDays: null };
    expect(estimateScannedBytes([group], { startTime: 99 * DAY, endTime: now }, now)).toBe(100);
    expect(estimateScannedBytes([group], { startTime: 0, endTime: now }, now)).toBe(1_000);
  });

  it('counts only the retained part of an old group, and nothing before it', () => {
    const group = { storedBytes: 700, creationTime: 0, retentionInDays: 7 };
    expect(estimateScannedBytes([group], { startTime: now - DAY, endTime: now }, now)).toBe(100);
    expect(estimateScannedBytes([group], { startTime: 0, endTime: 50 * DAY }, now)).toBe(0);
  });

  it('adds the groups up', () => {
    const a = { storedBytes: 100, creationTime: 99 * DAY, retentionInDays: null };
    const b = { storedBytes: 300, creationTime: 99 * DAY, retentionInDays: 30 };
    expect(estimateScannedBytes([a, b], { startTime: 0, endTime: now }, now)).toBe(400);
  });
});

describe('scanCost', () => {
  it('prices the bytes at the region price', () => {
    expect(scanCost(2 * 1024 ** 3, 'us-east-1')).toEqual({ bytes: 2 * 1024 ** 3, cost: 0.01, pricePerGb: 0.005, priceRegion: 'us-east-1' });
  });

  it('has no cost for a region not in the table, and names the reference price instead', () => {
    expect(scanCost(1, 'ap-east-2')).toMatchObject({ cost: null, priceRegion: 'us-east-1', pricePerGb: 0.005 });
  });
});
