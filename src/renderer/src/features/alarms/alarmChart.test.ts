import { describe, expect, it } from 'vitest';
import { alarmDataRequest, chartSeriesOf, rangeAround, stateBands, thresholdsOf } from './alarmChart';
import { anomalyBandOf } from './anomalyBand';
import { metricAlarm } from './testAlarms';

const HOUR = 3600_000;

describe('rangeAround', () => {
  it('shows three quarters of the range before the change', () => {
    expect(rangeAround(10 * HOUR, 4 * HOUR, 100 * HOUR)).toEqual({ start: 7 * HOUR, end: 11 * HOUR });
  });

  it('ends now at the latest, in whole minutes', () => {
    expect(rangeAround(10 * HOUR, 4 * HOUR, 10 * HOUR + 30_000)).toEqual({ start: 6 * HOUR + 60_000, end: 10 * HOUR + 60_000 });
  });
});

describe('alarmDataRequest', () => {
  const range = { start: 0, end: HOUR };

  it('asks for a single-metric alarm’s statistic at its period', () => {
    expect(alarmDataRequest(metricAlarm(), range)?.queries).toEqual([
      {
        id: 'm1',
        label: 'p99 Latency',
        metricStat: { metric: { namespace: 'AWS/ApiGateway', metricName: 'Latency', dimensions: [{ name: 'ApiName', value: 'orders' }] }, stat: 'p99', period: 300, unit: 'Milliseconds' },
      },
    ]);
  });

  it('asks for a math alarm’s queries as they are', () => {
    const alarm = metricAlarm({
      metrics: [
        { id: 'e', metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [] }, period: 60, stat: 'Sum' }, returnData: false },
        { id: 'rate', expression: '100*e', label: 'Error rate', returnData: true },
      ],
    });
    expect(alarmDataRequest(alarm, range)?.queries.map((query) => [query.id, query.returnData, query.expression, query.label])).toEqual([
      ['e', false, undefined, undefined],
      ['rate', true, '100*e', 'Error rate'],
    ]);
  });

  it('has nothing to ask for an alarm on no metric', () => {
    expect(alarmDataRequest(metricAlarm({ namespace: undefined }), range)).toBeUndefined();
  });
});

describe('thresholds and bands', () => {
  it('draws a static threshold, not a band alarm’s', () => {
    expect(thresholdsOf(metricAlarm()).map((line) => [line.value, line.label])).toEqual([[1200, 'Threshold 1,200 ms']]);
    expect(thresholdsOf(metricAlarm({ threshold: undefined, thresholdMetricId: 'ad1' }))).toEqual([]);
  });

  it('shades ALARM and INSUFFICIENT_DATA, not OK', () => {
    const bands = stateBands([
      { start: 0, end: 1, state: 'INSUFFICIENT_DATA' },
      { start: 1, end: 2, state: 'OK' },
      { start: 2, end: 3, state: 'ALARM' },
    ]);
    expect(bands.map((band) => [band.start, band.label])).toEqual([
      [0, 'Insufficient data'],
      [2, 'In alarm'],
    ]);
  });
});

describe('a band alarm’s chart', () => {
  const series = (id: string, label: string, values: number[]) => ({ id, label, timestamps: values.map((_, index) => index * 60_000), values, status: 'Complete' as const, messages: [] });
  const data = { series: [series('m1', 'Latency', [5, 9]), series('band', 'Expected', [8, 12]), series('band', 'Expected', [2, 4])], messages: [], calls: 1 };

  it('draws the metric as a line and the band’s two series as one band, lower and upper told apart by value', () => {
    expect(chartSeriesOf(data, 'band').map((item) => item.label)).toEqual(['Latency']);
    expect(anomalyBandOf(data, 'band')?.points).toEqual([
      [0, 2, 8],
      [60_000, 4, 12],
    ]);
    expect(anomalyBandOf(data, undefined)).toBeUndefined();
    expect(chartSeriesOf(data).map((item) => item.label)).toEqual(['Latency', 'Expected', 'Expected']);
  });
});
