import { describe, expect, it } from 'vitest';
import { MetricDataRequest, MetricQuery } from './metrics';

const metric = { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [{ name: 'FunctionName', value: 'orders' }] };

function issues(result: { success: boolean; error?: { issues: { message: string }[] } }): string[] {
  return result.success ? [] : (result.error?.issues ?? []).map((issue) => issue.message);
}

describe('metrics contract', () => {
  it('accepts a metric query with any statistic CloudWatch knows', () => {
    for (const stat of ['Average', 'p99.9', 'TM(10%:90%)', 'IQM', 'PR(:300)', 'tc90']) {
      expect(MetricQuery.safeParse({ id: 'm1', metricStat: { metric, period: 60, stat } }).success).toBe(true);
    }
  });

  it('refuses a bad id, period, statistic or expression with the reason', () => {
    expect(issues(MetricQuery.safeParse({ id: 'M1', metricStat: { metric, period: 60, stat: 'Sum' } }))).toEqual(['The id M1 must start with a lowercase letter.']);
    expect(issues(MetricQuery.safeParse({ id: 'm1', metricStat: { metric, period: 90, stat: 'Sum' } }))).toEqual([
      'The period must be 1, 5, 10, 20 or 30 seconds, or a multiple of 60 seconds; 90 is neither.',
    ]);
    expect(issues(MetricQuery.safeParse({ id: 'm1', metricStat: { metric, period: 60, stat: 'average' } }))).toEqual([
      'Statistic names are case-sensitive: average should be Average.',
    ]);
    const [message] = issues(MetricQuery.safeParse({ id: 'e1', expression: '100*m2/' }));
    expect(message).toMatch(/\(at character \d+\)$/);
  });

  it('wants a metric or an expression in each query, not both', () => {
    expect(issues(MetricQuery.safeParse({ id: 'e1' }))).toEqual(['give a query either a metric (metricStat) or an expression, not both']);
    expect(MetricQuery.safeParse({ id: 'e1', expression: 'm1*2', metricStat: { metric, period: 60, stat: 'Sum' } }).success).toBe(false);
  });

  it('refuses a dimension named twice, repeated ids and an empty range', () => {
    const twice = { ...metric, dimensions: [...metric.dimensions, { name: 'FunctionName', value: 'other' }] };
    expect(issues(MetricQuery.safeParse({ id: 'm1', metricStat: { metric: twice, period: 60, stat: 'Sum' } }))).toEqual(['a metric cannot have the same dimension twice']);
    const query = { id: 'm1', metricStat: { metric, period: 60, stat: 'Sum' } };
    expect(issues(MetricDataRequest.safeParse({ queries: [query, query], startTime: 0, endTime: 1000 }))).toEqual(['every query needs its own id']);
    expect(issues(MetricDataRequest.safeParse({ queries: [query], startTime: 1000, endTime: 1000 }))).toEqual(['the start of the range must be before its end']);
  });
});
