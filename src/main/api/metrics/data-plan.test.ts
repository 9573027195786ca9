import { describe, expect, it } from 'vitest';
import type { MetricDataRequest } from '../../../shared/contract';
import { datapointsOf, planCalls } from './data-plan';

const HOUR = 3_600_000;
const metric = { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [] };

function stat(id: string, period: number) {
  return { id, metricStat: { metric, period, stat: 'p99' } };
}

describe('planCalls', () => {
  it('counts one datapoint per period over the range', () => {
    expect(datapointsOf(stat('m1', 60), 0, 3 * HOUR, 60)).toBe(180);
    expect(datapointsOf({ id: 'e1', expression: 'm1*2' }, 0, 3 * HOUR, 300)).toBe(36);
    expect(datapointsOf({ id: 'e1', expression: 'm1*2', period: 3600 }, 0, 3 * HOUR, 60)).toBe(3);
  });

  it('keeps up to 500 queries in one call', () => {
    const request: MetricDataRequest = { queries: Array.from({ length: 500 }, (_, i) => stat(`m${i}`, 3600)), startTime: 0, endTime: 24 * HOUR };
    expect(planCalls(request).map((call) => call.length)).toEqual([500]);
  });

  it('splits more than 500 queries without expressions into calls of 500', () => {
    const request: MetricDataRequest = { queries: Array.from({ length: 1_201 }, (_, i) => stat(`m${i}`, 3600)), startTime: 0, endTime: 24 * HOUR };
    expect(planCalls(request).map((call) => call.length)).toEqual([500, 500, 201]);
  });

  it('refuses more than 500 queries with an expression, saying why', () => {
    const queries = [...Array.from({ length: 500 }, (_, i) => stat(`m${i}`, 3600)), { id: 'e1', expression: 'SUM(METRICS())' }];
    expect(() => planCalls({ queries, startTime: 0, endTime: HOUR })).toThrow(/an expression must be in the same call as its inputs/);
  });

  it('refuses a graph past ten calls of datapoints, and counts only returned series', () => {
    // 15 days at 1 minute = 21,600 points a series; 47 series = 1,015,200 > 1,008,000.
    const range = { startTime: 0, endTime: 15 * 24 * HOUR };
    const many = Array.from({ length: 47 }, (_, i) => stat(`m${i}`, 60));
    expect(() => planCalls({ queries: many, ...range })).toThrow(/asks for 1,015,200 datapoints; Cloudscope fetches at most 1,008,000/);
    const hidden = many.map((query, i) => (i === 0 ? { ...query, returnData: false } : query));
    expect(planCalls({ queries: hidden, ...range })).toHaveLength(1);
  });
});
