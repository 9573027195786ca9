import { describe, expect, it } from 'vitest';
import { resultChart, shapeOfText } from './chartData';

describe('statsShape', () => {
  it('finds the bin, the other groups and the aggregations of the last stats', () => {
    expect(shapeOfText('filter @message like /x/ | stats count(*) as n, avg(d) by bin(5m), status')).toEqual({
      binColumn: 'bin(5m)',
      groupColumns: ['status'],
      valueColumns: ['n', 'avg(d)'],
    });
    expect(shapeOfText('fields @message')).toBeUndefined();
    expect(shapeOfText('stats count(*) by')).toBeUndefined();
  });
});

describe('resultChart', () => {
  it('draws one time series per group-by value, in time order', () => {
    const shape = { binColumn: 'bin(1m)', groupColumns: ['status'], valueColumns: ['count(*)'] };
    const chart = resultChart(shape, [
      { 'bin(1m)': '2024-05-01 00:01:00.000', status: '200', 'count(*)': '5' },
      { 'bin(1m)': '2024-05-01 00:00:00.000', status: '200', 'count(*)': '3' },
      { 'bin(1m)': '2024-05-01 00:00:00.000', status: '500', 'count(*)': '1' },
    ]);
    const t0 = Date.UTC(2024, 4, 1);
    expect(chart).toEqual({
      kind: 'time',
      range: { start: t0, end: t0 + 60_000 },
      series: [
        { id: '200', label: '200', points: [[t0, 3], [t0 + 60_000, 5]] },
        { id: '500', label: '500', points: [[t0, 1]] },
      ],
    });
  });

  it('names series by aggregation when there are several, and reads a non-number as a gap', () => {
    const shape = { binColumn: 'b', groupColumns: [], valueColumns: ['n', 'p99'] };
    const chart = resultChart(shape, [{ b: '2024-05-01 00:00:00.000', n: '2', p99: '' }]);
    expect(chart?.kind === 'time' && chart.series.map((series) => [series.label, series.points[0]?.[1]])).toEqual([
      ['n', 2],
      ['p99', null],
    ]);
  });

  it('draws bars per group-by value without a bin', () => {
    const chart = resultChart({ groupColumns: ['status'], valueColumns: ['n'] }, [
      { status: '200', n: '7' },
      { status: '500', n: '2' },
    ]);
    expect(chart).toEqual({ kind: 'category', categories: ['200', '500'], series: [{ label: 'n', values: [7, 2] }] });
  });

  it('has no chart for rows without numbers', () => {
    expect(resultChart({ groupColumns: ['a'], valueColumns: ['b'] }, [{ a: 'x', b: 'y' }])).toBeUndefined();
    expect(resultChart({ groupColumns: [], valueColumns: ['n'] }, [])).toBeUndefined();
  });
});
