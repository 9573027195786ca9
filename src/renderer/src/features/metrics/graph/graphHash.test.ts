import { describe, expect, it } from 'vitest';
import { addExpression, addMetric, DEFAULT_RANGE, emptyGraph, updateSeries } from './graph';
import { fromParameters, toParameters } from './graphHash';

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
