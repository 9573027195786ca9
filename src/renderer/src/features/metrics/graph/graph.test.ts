import { describe, expect, it } from 'vitest';
import { addExpression, addMetric, defaultLabel, emptyGraph, hasMetric, nextId, removeSeries, updateSeries } from './graph';

const duration = { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [{ name: 'FunctionName', value: 'orders-api' }] };

describe('graph', () => {
  it('gives new series the first free id of their kind', () => {
    let graph = addMetric(emptyGraph(), duration, 'p50');
    graph = addMetric(graph, duration, 'p90');
    graph = addExpression(graph, 'm1+m2');
    expect(graph.series.map((series) => series.id)).toEqual(['m1', 'm2', 'e1']);
    graph = removeSeries(graph, 'm1');
    expect(nextId(graph, 'm')).toBe('m1');
  });

  it('changes one series and leaves the others', () => {
    const graph = updateSeries(addMetric(addMetric(emptyGraph(), duration), duration, 'p99'), 'm2', { axis: 'right', label: '${MAX}' });
    expect(graph.series.map((series) => [series.axis, series.label])).toEqual([
      ['left', ''],
      ['right', '${MAX}'],
    ]);
  });

  it('knows which metric and statistic it draws, and labels series by default', () => {
    const graph = addMetric(emptyGraph(), duration, 'p99');
    expect(hasMetric(graph, duration, 'p99')).toBe(true);
    expect(hasMetric(graph, duration, 'p50')).toBe(false);
    expect(defaultLabel(graph.series[0]!)).toBe('orders-api · Duration p99');
  });
});
