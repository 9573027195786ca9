import { describe, expect, it } from 'vitest';
import { renameIds, sparklineBatches, sparklinePath, sparklineQueries, sparklinesOf } from './sparklines';
import { metricAlarm } from './testAlarms';

const mathAlarm = metricAlarm({
  name: 'error-rate',
  namespace: undefined,
  metricName: undefined,
  extendedStatistic: undefined,
  period: undefined,
  metrics: [
    { id: 'e', metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [] }, period: 60, stat: 'Sum' }, returnData: false },
    { id: 'i', metricStat: { metric: { namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: [] }, period: 60, stat: 'Sum' }, returnData: false },
    { id: 'rate', expression: '100*e/MAX([i, e])', returnData: true },
  ],
});

describe('sparklineQueries', () => {
  it('asks for a single-metric alarm’s metric with its statistic, at no finer than a minute', () => {
    expect(sparklineQueries(metricAlarm({ period: 10 }), 'a0_')).toEqual({
      queries: [{ id: 'a0_m', metricStat: { metric: { namespace: 'AWS/ApiGateway', metricName: 'Latency', dimensions: [{ name: 'ApiName', value: 'orders' }] }, stat: 'p99', period: 60, unit: 'Milliseconds' } }],
      resultId: 'a0_m',
      period: 60,
    });
  });

  it('gives a math alarm’s queries ids of their own and rewrites its expression', () => {
    const asked = sparklineQueries(mathAlarm, 'a4_');
    expect(asked?.resultId).toBe('a4_rate');
    expect(asked?.queries.map((query) => [query.id, query.returnData, query.expression])).toEqual([
      ['a4_e', false, undefined],
      ['a4_i', false, undefined],
      ['a4_rate', true, '100*a4_e/MAX([a4_i, a4_e])'],
    ]);
  });

  it('renames ids only, never functions or strings', () => {
    expect(renameIds(`SEARCH('m1', 'Sum') + m1`, new Map([['m1', 'x_m1']]))).toBe(`SEARCH('m1', 'Sum') + x_m1`);
  });
});

describe('sparklineBatches', () => {
  it('splits at 500 queries a call', () => {
    const alarms = Array.from({ length: 700 }, (_, index) => metricAlarm({ name: `alarm-${index}`, period: 300 }));
    const batches = sparklineBatches(alarms, 3 * 3600_000);
    expect(batches.map((batch) => batch.queries.length)).toEqual([500, 200]);
    expect(batches[1]?.owners.get('a500_m')).toBe('alarm-500');
  });

  it('splits at 100,800 datapoints a call', () => {
    // 3 hours at one minute: 180 points an alarm, so 560 alarms fill a call.
    const alarms = Array.from({ length: 600 }, (_, index) => metricAlarm({ name: `alarm-${index}`, period: 60 }));
    expect(sparklineBatches(alarms, 3 * 3600_000).map((batch) => batch.queries.length)).toEqual([500, 100]);
    // 14 days at one minute: 20,160 points an alarm, five a call.
    const long = Array.from({ length: 6 }, (_, index) => metricAlarm({ name: `alarm-${index}`, period: 60 }));
    expect(sparklineBatches(long, 14 * 24 * 3600_000).map((batch) => batch.queries.length)).toEqual([5, 1]);
  });

  it('maps the answer back to alarms, without missing values, and gives an alarm left out of it no points', () => {
    const [batch] = sparklineBatches([metricAlarm({ name: 'one' }), metricAlarm({ name: 'two' })], 3600_000);
    const lines = sparklinesOf(batch!, {
      series: [{ id: 'a0_m', label: 'x', timestamps: [1, 2, 3], values: [5, Number.NaN, 7], status: 'Complete', messages: [] }],
      messages: [],
      calls: 1,
    });
    expect(lines.get('one')).toEqual([
      [1, 5],
      [3, 7],
    ]);
    expect(lines.get('two')).toEqual([]);
  });
});

describe('sparklinePath', () => {
  it('leaves missing datapoints as gaps, a lone point as a dot', () => {
    const { path } = sparklinePath(
      [
        [0, 0],
        [1, 10],
        [4, 10],
        [6, 0],
        [7, 10],
      ],
      undefined,
      { start: 0, end: 10 },
      100,
      23,
    );
    expect(path).toBe('M0.0,21.5L10.0,1.5M40.0,1.5h0.1M60.0,21.5L70.0,1.5');
  });

  it('scales the points and the threshold into the box, the threshold always inside', () => {
    const { path, thresholdY } = sparklinePath(
      [
        [0, 0],
        [10, 10],
      ],
      20,
      { start: 0, end: 10 },
      100,
      23,
    );
    expect(path).toBe('M0.0,21.5L100.0,11.5');
    expect(thresholdY).toBe(1.5);
  });
});
