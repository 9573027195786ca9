import { describe, expect, it } from 'vitest';
import { addExpression, addMetric, DEFAULT_RANGE, emptyGraph, updateSeries } from './graph';
import { fromParameters, toParameters } from './graphHash';
import { metricGraphHash } from '../../../app/links/metrics';
import { parametersOf } from '../../../app/viewParameters';

const NOW = Date.UTC(2026, 10, 30, 12, 0);
const duration = { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [{ name: 'FunctionName', value: 'orders-api' }] };

describe('graph in the hash', () => {
  it('comes back as it went in, absolute and relative ranges alike', () => {
    let graph = addMetric({ ...emptyGraph(), title: 'Latency', view: 'stackedArea', period: 300 }, duration, 'p99');
    graph = updateSeries(addExpression(graph, 'm1*2'), 'e1', { axis: 'right', color: '#ff0000', label: '${MAX}' });
    const absolute = { ...graph, range: { kind: 'absolute' as const, start: NOW - 3_600_000, end: NOW } };
    expect(fromParameters(toParameters(absolute), NOW)).toEqual(absolute);
    expect(fromParameters(toParameters(graph), NOW)).toEqual(graph);
  });

  it('holds nothing when the parameter is missing or does not read', () => {
    expect(fromParameters(new URLSearchParams(), NOW)).toBeUndefined();
    expect(fromParameters(new URLSearchParams('graph={not json'), NOW)).toBeUndefined();
    expect(fromParameters(new URLSearchParams(`graph=${encodeURIComponent('{"series":[{"kind":"metric","id":"M1"}]}')}`), NOW)).toBeUndefined();
  });

  it('falls back to the default range when the range does not read', () => {
    const graph = fromParameters(new URLSearchParams(`graph=${encodeURIComponent('{"range":"yesterday-ish"}')}`), NOW);
    expect(graph?.range).toEqual(DEFAULT_RANGE);
  });
});

describe('metricGraphHash (app/links/metrics)', () => {
  it('builds a graph this view reads back, ids numbered per kind', () => {
    const hash = metricGraphHash({
      title: 'Latency of /ecs/orders',
      range: '-30m',
      refreshSeconds: 10,
      series: [{ metric: { namespace: 'Shop', metricName: 'Errors', dimensions: [] }, stat: 'Sum' }, { expression: `SEARCH('{Shop,Route} MetricName="Latency"', 'Average', 60)` }],
    });
    const graph = fromParameters(parametersOf(hash, '/metrics'), Date.UTC(2026, 10, 30, 12));
    expect(graph?.title).toBe('Latency of /ecs/orders');
    expect(graph?.range).toEqual({ kind: 'relative', startAgoMs: 30 * 60_000, endAgoMs: 0 });
    expect(graph?.refreshSeconds).toBe(10);
    expect(graph?.series.map((series) => [series.kind, series.id])).toEqual([
      ['metric', 'm1'],
      ['expression', 'e1'],
    ]);
  });
});
