import { describe, expect, it } from 'vitest';
import type { MetricData } from '../../../../../shared/contract';
import { addExpression, addMetric, emptyGraph, updateSeries } from './graph';
import { chartSeriesOf, dataRequestOf, labelTimezone, withGaps } from './graphData';

const NOW = Date.UTC(2026, 10, 30, 12, 0);
const MINUTE = 60_000;
const range = { start: NOW - 60 * MINUTE, end: NOW };
const duration = { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [{ name: 'FunctionName', value: 'orders-api' }] };
const errors = { ...duration, metricName: 'Errors' };

function incidentGraph() {
  let graph = addMetric(emptyGraph(), duration, 'p99');
  graph = addMetric(graph, errors, 'Sum');
  graph = updateSeries(graph, 'm2', { axis: 'right', visible: false });
  return addExpression(graph, '100*m2/m1');
}

describe('dataRequestOf', () => {
  it('asks for each series at its period, inputs without returning them', () => {
    const request = dataRequestOf(incidentGraph(), range, NOW, 'utc');
    expect(request).toEqual({
      queries: [
        { id: 'm1', metricStat: { metric: duration, period: 60, stat: 'p99' }, label: undefined, returnData: true },
        { id: 'm2', metricStat: { metric: errors, period: 60, stat: 'Sum' }, label: undefined, returnData: false },
        { id: 'e1', expression: '100*m2/m1', label: undefined, returnData: true, period: undefined },
      ],
      startTime: range.start,
      endTime: range.end,
      labelTimezone: '+0000',
    });
  });

  it('writes a time zone offset as GetMetricData takes it', () => {
    expect(labelTimezone('utc', NOW)).toBe('+0000');
    expect(labelTimezone('local', NOW)).toMatch(/^[+-]\d{4}$/);
  });
});

describe('withGaps', () => {
  it('breaks the line where periods have no datapoint, never filling in zero', () => {
    const times = [0, 60_000, 180_000, 240_000];
    expect(withGaps(times, [1, 2, 3, 4], 60_000)).toEqual([
      [0, 1],
      [60_000, 2],
      [120_000, null],
      [180_000, 3],
      [240_000, 4],
    ]);
  });

  it('uses the data’s own step when it is longer than the period (a SEARCH with its own period)', () => {
    expect(withGaps([0, 300_000, 600_000], [1, 2, 3], 60_000)).toEqual([
      [0, 1],
      [300_000, 2],
      [600_000, 3],
    ]);
  });
});

describe('chartSeriesOf', () => {
  const data: MetricData = {
    series: [
      { id: 'm1', label: 'Duration', timestamps: [NOW - 2 * MINUTE, NOW - MINUTE], values: [120, 80], status: 'Complete', messages: [] },
      { id: 'e1', label: 'e1', timestamps: [NOW - MINUTE], values: [2.5], status: 'Complete', messages: [] },
    ],
    messages: [],
    calls: 1,
  };

  it('labels series by default with their metric and statistic, and keeps their axis', () => {
    const chart = chartSeriesOf(incidentGraph(), data, { range, now: NOW, zone: 'utc', region: 'us-east-1' });
    expect(chart.series.map((series) => [series.id, series.label, series.axis, series.color])).toEqual([
      ['m1', 'orders-api · Duration p99', 'left', '#1f77b4'],
      // The colour of its place: the hidden m2 keeps the second.
      ['e1', 'e1', 'left', '#2ca02c'],
    ]);
  });

  it('fills in dynamic labels the endpoint left as typed', () => {
    const graph = updateSeries(incidentGraph(), 'm1', { label: "${PROP('Dim.FunctionName')} max ${MAX}" });
    const unresolved = { ...data, series: [{ ...data.series[0]!, label: "${PROP('Dim.FunctionName')} max ${MAX}" }] };
    const chart = chartSeriesOf(graph, unresolved, { range, now: NOW, zone: 'utc', region: 'us-east-1' });
    expect(chart.series[0]?.label).toBe('orders-api max 120');
  });

  it('keeps the labels AWS resolved, and tells a SEARCH’s series apart', () => {
    const graph = addExpression(emptyGraph(), "SEARCH('{AWS/Lambda,FunctionName} Errors', 'Sum', 300)");
    const search: MetricData = {
      series: [
        { id: 'e1', label: 'orders-api', timestamps: [], values: [], status: 'Complete', messages: [] },
        { id: 'e1', label: 'payments', timestamps: [], values: [], status: 'Complete', messages: [] },
      ],
      messages: [],
      calls: 1,
    };
    const chart = chartSeriesOf(graph, search, { range, now: NOW, zone: 'utc', region: 'us-east-1' });
    expect(chart.series.map((series) => [series.id, series.label])).toEqual([
      ['e1:0', 'orders-api'],
      ['e1:1', 'payments'],
    ]);
  });
});
