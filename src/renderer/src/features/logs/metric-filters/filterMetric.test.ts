import { describe, expect, it } from 'vitest';
import { parseMetricMath } from '../../../../../shared/languages/metric-math';
import { filterMetricQuery, filterStat } from './filterMetric';

const filter = (metricValue: string, dimensions?: Record<string, string>) => ({
  transformation: { metricNamespace: 'Shop/Orders', metricName: 'Latency', metricValue, ...(dimensions ? { dimensions } : {}) },
});

describe('filterMetricQuery', () => {
  it('reads a filter without dimensions as its one metric, counts as a Sum', () => {
    expect(filterStat(filter('1'))).toBe('Sum');
    expect(filterMetricQuery(filter('1'), 60)).toEqual({
      id: 'm1',
      metricStat: { metric: { namespace: 'Shop/Orders', metricName: 'Latency', dimensions: [] }, period: 60, stat: 'Sum' },
      label: 'Latency',
    });
  });

  it('searches every value combination of a filter with dimensions, values as an Average', () => {
    const query = filterMetricQuery(filter('$.latencyMs', { Route: '$.path', Method: '$.method' }), 60);
    expect(query.expression).toBe(`SEARCH('{"Shop/Orders","Method","Route"} MetricName="Latency"', 'Average', 60)`);
    expect(parseMetricMath(query.expression ?? '').ok).toBe(true);
  });

  it('quotes names with quotes in them so the expression still parses', () => {
    const query = filterMetricQuery({ transformation: { metricNamespace: "it's", metricName: 'a "b"', metricValue: '1', dimensions: { D: '$d' } } }, 60);
    expect(parseMetricMath(query.expression ?? '').ok).toBe(true);
  });
});
