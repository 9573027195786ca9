import { describe, expect, it } from 'vitest';
import { formatAxisTick, formatCompact, formatValueWithUnit, shortUnit } from './chartValues';

describe('chart values', () => {
  it('shortens CloudWatch units and keeps other text', () => {
    expect(shortUnit('Milliseconds')).toBe('ms');
    expect(shortUnit('Bytes/Second')).toBe('B/s');
    expect(shortUnit('Count')).toBe('');
    expect(shortUnit('orders')).toBe('orders');
    expect(shortUnit(undefined)).toBe('');
  });

  it('writes axis numbers compactly', () => {
    expect(formatCompact(1_234_567)).toBe('1.23M');
    expect(formatCompact(12.5)).toBe('12.5');
    expect(formatCompact(5000)).toBe('5K');
    expect(formatCompact(999)).toBe('999');
    expect(formatCompact(0.00042)).toBe('0.00042');
    expect(formatCompact(0)).toBe('0');
    expect(formatAxisTick(98.5, 'Percent')).toBe('98.5%');
    expect(formatAxisTick(2_000_000, 'Bytes')).toBe('2M B');
  });

  it('writes tooltip values in full, and missing data as such', () => {
    expect(formatValueWithUnit(1234.56789, 'Milliseconds')).toBe('1,234.5679 ms');
    expect(formatValueWithUnit(null, 'Milliseconds')).toBe('no data');
    expect(formatValueWithUnit(0.00000123, undefined)).toBe('1.230e-6');
    expect(formatValueWithUnit(7, 'Count')).toBe('7');
  });
});
