import { describe, expect, it } from 'vitest';
import { hasDynamicLabel, isValidLabelTimezone, resolveDynamicLabel, type LabelContext } from './metric-labels';

const T = Date.UTC(2026, 10, 30, 16, 41);
const CONTEXT: LabelContext = {
  defaultLabel: 'Duration',
  namespace: 'AWS/Lambda',
  metricName: 'Duration',
  dimensions: [{ Name: 'FunctionName', Value: 'orders-api' }],
  period: 60,
  stat: 'p99',
  region: 'us-east-1',
  accountId: '123456789012',
  timestamps: [T, T + 60_000, T + 120_000],
  values: [120.456, 28000, 98],
  now: T + 3 * 3_600_000,
};

describe('dynamic labels', () => {
  it.each([
    ["${PROP('Dim.FunctionName')} ${PROP('Stat')}", 'orders-api p99'],
    ["${PROP('Namespace')}/${PROP('MetricName')} every ${PROP('Period')}s in ${PROP('Region')}", 'AWS/Lambda/Duration every 60s in us-east-1'],
    ['${LABEL} (max ${MAX}, min ${MIN}, avg ${AVG})', 'Duration (max 28000, min 98, avg 9406.15)'],
    ['${FIRST} → ${LAST}, ${DATAPOINT_COUNT} points, sum ${SUM}', '120.46 → 98, 3 points, sum 28218.46'],
    ['peak at ${MAX_TIME} (${MAX_TIME_RELATIVE})', 'peak at 2026-11-30 16:42 (3 hours ago)'],
    ['${MIN_MAX_RANGE}', '98 - 28000'],
    ["${PROP('Dim.Missing')}|${UNKNOWN}", '|${UNKNOWN}'],
  ])('%s', (label, expected) => {
    expect(resolveDynamicLabel(label, CONTEXT)).toBe(expected);
  });

  it('writes times in the label time zone', () => {
    expect(resolveDynamicLabel('${FIRST_TIME}', { ...CONTEXT, timezone: '-0330' })).toBe('2026-11-30 13:11');
    expect(isValidLabelTimezone('+0130')).toBe(true);
    expect(isValidLabelTimezone('-1200')).toBe(true);
    expect(isValidLabelTimezone('+1500')).toBe(false);
    expect(isValidLabelTimezone('0100')).toBe(false);
    expect(isValidLabelTimezone('+0160')).toBe(false);
  });

  it('knows a label that has none', () => {
    expect(hasDynamicLabel('Errors')).toBe(false);
    expect(hasDynamicLabel('${MAX}')).toBe(true);
  });
});
