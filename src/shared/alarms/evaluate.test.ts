import { describe, expect, it } from 'vitest';
import { evaluateAlarm } from './evaluate';
import { minimumSamplesFor } from './rules';
import type { AlarmConfig, AlarmDatapoint, AlarmState, ComparisonOperator, TreatMissingData } from './types';

const PERIOD = 60;
const NOW = Date.UTC(2026, 10, 30, 16, 45, 0);

function config(overrides: Partial<AlarmConfig> = {}): AlarmConfig {
  return { period: PERIOD, evaluationPeriods: 3, threshold: 50, comparisonOperator: 'GreaterThanThreshold', statistic: 'Average', ...overrides };
}

/** AWS's notation, oldest period on the left: `X` breaching, `0` within the threshold, `-` missing. */
function pattern(text: string): AlarmDatapoint[] {
  const cells = text.split(' ');
  return cells.flatMap((cell, index) => {
    if (cell === '-') return [];
    const timestamp = NOW - (cells.length - index) * PERIOD * 1000;
    return [{ timestamp, value: cell === 'X' ? 95 : 10, sampleCount: 60 }];
  });
}

function stateOf(text: string, overrides: Partial<AlarmConfig>, currentState: AlarmState = 'INSUFFICIENT_DATA'): AlarmState {
  return evaluateAlarm(config(overrides), pattern(text), { now: NOW, currentState }).state;
}

// "How alarm state is evaluated when data is missing", both tables, every row, newest datapoint on the right
// (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarms-and-missing-data.html; the text is
// in awsdocs/amazon-cloudwatch-user-guide, doc_source/AlarmThatSendsEmail.md). 'keep' is the tables'
// "Retain current state": checked from each starting state. `fills` is the column "# of data points that must
// be filled".
type Outcome = AlarmState | 'keep';
const TREATMENTS: readonly TreatMissingData[] = ['missing', 'ignore', 'breaching', 'notBreaching'];
interface TableRow {
  readonly m: number;
  readonly points: string;
  readonly fills: number;
  readonly outcomes: readonly [Outcome, Outcome, Outcome, Outcome];
}
const AWS_TABLES: readonly TableRow[] = [
  // Datapoints to Alarm 3, Evaluation Periods 3, evaluation range 5.
  { m: 3, points: '0 - X - X', fills: 0, outcomes: ['OK', 'OK', 'OK', 'OK'] },
  { m: 3, points: '0 - - - -', fills: 2, outcomes: ['OK', 'OK', 'OK', 'OK'] },
  { m: 3, points: '- - - - -', fills: 3, outcomes: ['INSUFFICIENT_DATA', 'keep', 'ALARM', 'OK'] },
  { m: 3, points: '0 X X - X', fills: 0, outcomes: ['ALARM', 'ALARM', 'ALARM', 'ALARM'] },
  { m: 3, points: '- - X - -', fills: 2, outcomes: ['ALARM', 'keep', 'ALARM', 'OK'] },
  // Datapoints to Alarm 2, Evaluation Periods 3.
  { m: 2, points: '0 - X - X', fills: 0, outcomes: ['ALARM', 'ALARM', 'ALARM', 'ALARM'] },
  { m: 2, points: '0 0 X 0 X', fills: 0, outcomes: ['ALARM', 'ALARM', 'ALARM', 'ALARM'] },
  { m: 2, points: '0 - X - -', fills: 1, outcomes: ['OK', 'OK', 'ALARM', 'OK'] },
  { m: 2, points: '- - - - 0', fills: 2, outcomes: ['OK', 'OK', 'ALARM', 'OK'] },
  { m: 2, points: '- - - X -', fills: 2, outcomes: ['ALARM', 'keep', 'ALARM', 'OK'] },
];
// "Avoiding premature transitions to alarm state" (same page), 3 of 3: `- - - - X` and `- - - X -` do not go
// to ALARM at once (the guide's earlier table: "Insufficient data", "Retain current state"), and become OK
// when the next datapoint is within the threshold.
const PREMATURE_ROWS: readonly TableRow[] = [
  { m: 3, points: '- - - - X', fills: 2, outcomes: ['INSUFFICIENT_DATA', 'keep', 'ALARM', 'OK'] },
  { m: 3, points: '- - - X -', fills: 2, outcomes: ['INSUFFICIENT_DATA', 'keep', 'ALARM', 'OK'] },
  { m: 3, points: '- - - X 0', fills: 1, outcomes: ['OK', 'OK', 'OK', 'OK'] },
  { m: 3, points: '- - X - 0', fills: 1, outcomes: ['OK', 'OK', 'OK', 'OK'] },
];

describe("AWS's missing-data tables", () => {
  for (const row of [...AWS_TABLES, ...PREMATURE_ROWS]) {
    TREATMENTS.forEach((treatMissingData, column) => {
      const outcome = row.outcomes[column]!;
      it(`${row.m} of 3, ${row.points}, ${treatMissingData} → ${outcome}`, () => {
        const overrides = { datapointsToAlarm: row.m, treatMissingData };
        for (const current of ['OK', 'ALARM', 'INSUFFICIENT_DATA'] as const) {
          const result = evaluateAlarm(config(overrides), pattern(row.points), { now: NOW, currentState: current });
          expect(result.state).toBe(outcome === 'keep' ? current : outcome);
          expect(JSON.parse(result.reasonData).recentDatapoints).toHaveLength(3 - row.fills);
        }
      });
    });
  }
});

describe('M out of N', () => {
  it('alarms when M of the last N breach, not necessarily consecutive', () => {
    expect(stateOf('X 0 X', { evaluationPeriods: 3, datapointsToAlarm: 2 })).toBe('ALARM');
    expect(stateOf('X 0 0', { evaluationPeriods: 3, datapointsToAlarm: 2 })).toBe('OK');
    expect(stateOf('X X X 0 0 0', { evaluationPeriods: 3, datapointsToAlarm: 1 })).toBe('OK');
  });

  it('defaults M to N', () => {
    expect(stateOf('X X 0', { evaluationPeriods: 3 })).toBe('OK');
    expect(stateOf('X X X', { evaluationPeriods: 3 })).toBe('ALARM');
  });

  it('reads only the N most recent real datapoints of the range when there are enough', () => {
    // Five real datapoints: the two oldest breach, the three newest do not.
    expect(stateOf('X X 0 0 0', { evaluationPeriods: 3, datapointsToAlarm: 1 })).toBe('OK');
  });

  it('looks no further back than the evaluation range', () => {
    // N = 1: the range is 3 periods; the breach 4 periods ago is outside it.
    expect(stateOf('X - - -', { evaluationPeriods: 1, treatMissingData: 'missing' })).toBe('INSUFFICIENT_DATA');
    expect(stateOf('X - - -', { evaluationPeriods: 1, treatMissingData: 'missing' }, 'ALARM')).toBe('INSUFFICIENT_DATA');
    expect(evaluateAlarm(config({ evaluationPeriods: 1 }), pattern('X - - -'), { now: NOW, evaluationRange: 4 }).state).toBe('ALARM');
  });

  it('starts in INSUFFICIENT_DATA and leaves it once data arrives', () => {
    const first = evaluateAlarm(config(), [], { now: NOW });
    expect(first).toMatchObject({ state: 'INSUFFICIENT_DATA', changed: false });
    expect(evaluateAlarm(config(), pattern('0 0 0'), { now: NOW })).toMatchObject({ state: 'OK', changed: true });
  });

  it('ignores datapoints from the future and keeps the latest one of a period', () => {
    const future = { timestamp: NOW, value: 95 };
    expect(evaluateAlarm(config({ evaluationPeriods: 1 }), [future], { now: NOW }).state).toBe('INSUFFICIENT_DATA');
    const twice = [
      { timestamp: NOW - 60_000, value: 95 },
      { timestamp: NOW - 30_000, value: 10 },
    ];
    expect(evaluateAlarm(config({ evaluationPeriods: 1 }), twice, { now: NOW }).state).toBe('OK');
  });
});

describe('comparison operators', () => {
  const cases: readonly [ComparisonOperator, number, boolean][] = [
    ['GreaterThanOrEqualToThreshold', 50, true],
    ['GreaterThanOrEqualToThreshold', 49.9, false],
    ['GreaterThanThreshold', 50, false],
    ['GreaterThanThreshold', 50.1, true],
    ['LessThanThreshold', 50, false],
    ['LessThanThreshold', 49.9, true],
    ['LessThanOrEqualToThreshold', 50, true],
    ['LessThanOrEqualToThreshold', 50.1, false],
  ];
  for (const [operator, value, alarms] of cases) {
    it(`${value} ${operator} 50 → ${alarms ? 'ALARM' : 'OK'}`, () => {
      const result = evaluateAlarm(config({ comparisonOperator: operator, evaluationPeriods: 1 }), [{ timestamp: NOW - 60_000, value }], { now: NOW });
      expect(result.state).toBe(alarms ? 'ALARM' : 'OK');
    });
  }

  const band = { lower: 20, upper: 80 };
  const bandCases: readonly [ComparisonOperator, number, boolean][] = [
    ['LessThanLowerOrGreaterThanUpperThreshold', 10, true],
    ['LessThanLowerOrGreaterThanUpperThreshold', 90, true],
    ['LessThanLowerOrGreaterThanUpperThreshold', 20, false],
    ['LessThanLowerOrGreaterThanUpperThreshold', 80, false],
    ['LessThanLowerThreshold', 10, true],
    ['LessThanLowerThreshold', 90, false],
    ['GreaterThanUpperThreshold', 90, true],
    ['GreaterThanUpperThreshold', 10, false],
  ];
  for (const [operator, value, alarms] of bandCases) {
    it(`${value} ${operator} band [20, 80] → ${alarms ? 'ALARM' : 'OK'}`, () => {
      const bandConfig = config({ comparisonOperator: operator, threshold: undefined, thresholdMetricId: 'ad1', evaluationPeriods: 1 });
      const result = evaluateAlarm(bandConfig, [{ timestamp: NOW - 60_000, value, ...band }], { now: NOW });
      expect(result.state).toBe(alarms ? 'ALARM' : 'OK');
    });
  }

  it('treats a period without a band as missing (the model has not covered it)', () => {
    const bandConfig = config({ comparisonOperator: 'GreaterThanUpperThreshold', threshold: undefined, thresholdMetricId: 'ad1', evaluationPeriods: 1 });
    expect(evaluateAlarm(bandConfig, [{ timestamp: NOW - 60_000, value: 1e9 }], { now: NOW }).state).toBe('INSUFFICIENT_DATA');
  });
});

describe('low-sample percentiles', () => {
  it("needs AWS's documented sample counts", () => {
    expect(minimumSamplesFor('p99')).toBe(1000);
    expect(minimumSamplesFor('p99.9')).toBe(10000);
    expect(minimumSamplesFor('p90')).toBe(100);
    expect(minimumSamplesFor('p50')).toBe(20);
    expect(minimumSamplesFor('p10')).toBe(100);
    expect(minimumSamplesFor('p25')).toBe(40);
    expect(minimumSamplesFor('p0')).toBe(0);
    expect(minimumSamplesFor('p100')).toBe(0);
    expect(minimumSamplesFor('tm90')).toBe(0);
    expect(minimumSamplesFor(undefined)).toBe(0);
  });

  const p99 = config({ statistic: undefined, extendedStatistic: 'p99', evaluationPeriods: 1 });
  const breach = (sampleCount: number): AlarmDatapoint[] => [{ timestamp: NOW - 60_000, value: 95, sampleCount }];

  it('keeps the state while the newest period has too few samples, with ignore', () => {
    const ignore = { ...p99, evaluateLowSampleCountPercentile: 'ignore' as const };
    expect(evaluateAlarm(ignore, breach(999), { now: NOW, currentState: 'OK' })).toMatchObject({ state: 'OK', changed: false });
    expect(evaluateAlarm(ignore, breach(1000), { now: NOW, currentState: 'OK' })).toMatchObject({ state: 'ALARM', changed: true });
  });

  it('evaluates whatever the sample count with evaluate or by default', () => {
    expect(evaluateAlarm(p99, breach(3), { now: NOW, currentState: 'OK' }).state).toBe('ALARM');
    expect(evaluateAlarm({ ...p99, evaluateLowSampleCountPercentile: 'evaluate' }, breach(3), { now: NOW, currentState: 'OK' }).state).toBe('ALARM');
  });
});

describe('metric-math alarms', () => {
  it('compare the expression series with the threshold and write no statistic', () => {
    const math = config({ statistic: undefined, metricMath: true, evaluationPeriods: 2 });
    const series = [
      { timestamp: NOW - 120_000, value: 60 },
      { timestamp: NOW - 60_000, value: 70 },
    ];
    const result = evaluateAlarm(math, series, { now: NOW });
    expect(result.state).toBe('ALARM');
    expect(JSON.parse(result.reasonData)).not.toHaveProperty('statistic');
  });
});

describe('StateReason and StateReasonData', () => {
  it("writes a transition to ALARM in AWS's words", () => {
    const result = evaluateAlarm(config({ threshold: 80 }), pattern('X X X'), { now: NOW, currentState: 'OK' });
    expect(result.reason).toBe(
      'Threshold Crossed: 3 out of the last 3 datapoints [95.0 (30/11/26 16:44:00), 95.0 (30/11/26 16:43:00), 95.0 (30/11/26 16:42:00)] ' +
        'were greater than the threshold (80.0) (minimum 3 datapoints for OK -> ALARM transition).',
    );
    expect(result.reasonData).toBe(
      '{"version":"1.0","queryDate":"2026-11-30T16:45:00.000+0000","startDate":"2026-11-30T16:42:00.000+0000","statistic":"Average",' +
        '"period":60,"recentDatapoints":[95.0,95.0,95.0],"threshold":80.0,"evaluatedDatapoints":[' +
        '{"timestamp":"2026-11-30T16:44:00.000+0000","sampleCount":60.0,"value":95.0},' +
        '{"timestamp":"2026-11-30T16:43:00.000+0000","sampleCount":60.0,"value":95.0},' +
        '{"timestamp":"2026-11-30T16:42:00.000+0000","sampleCount":60.0,"value":95.0}]}',
    );
  });

  it('lists only the M newest breaching datapoints as evaluated', () => {
    const result = evaluateAlarm(config({ datapointsToAlarm: 1 }), pattern('X X X'), { now: NOW, currentState: 'OK' });
    expect(result.reason).toContain('(minimum 1 datapoint for OK -> ALARM transition)');
    expect(JSON.parse(result.reasonData).evaluatedDatapoints).toHaveLength(1);
  });

  it('explains OK, filled datapoints, unknown ones and band thresholds', () => {
    expect(evaluateAlarm(config({ datapointsToAlarm: 2 }), pattern('0 X 0'), { now: NOW, currentState: 'ALARM' }).reason).toBe(
      'Threshold Crossed: 2 out of the last 3 datapoints [10.0 (30/11/26 16:44:00), 10.0 (30/11/26 16:42:00)] ' +
        'were not greater than the threshold (50.0) (minimum 2 datapoints for ALARM -> OK transition).',
    );
    expect(evaluateAlarm(config({ treatMissingData: 'breaching' }), [], { now: NOW, currentState: 'OK' }).reason).toBe(
      'Threshold Crossed: no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching].',
    );
    expect(evaluateAlarm(config(), [], { now: NOW, currentState: 'OK' }).reason).toBe('Insufficient Data: 5 datapoints were unknown.');
    const band = config({ comparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold', threshold: undefined, thresholdMetricId: 'ad1', evaluationPeriods: 1 });
    const banded = evaluateAlarm(band, [{ timestamp: NOW - 60_000, value: 12, lower: 2.5, upper: 9 }], { now: NOW, currentState: 'OK' });
    expect(banded.reason).toBe(
      'Thresholds Crossed: 1 out of the last 1 datapoints [12.0 (30/11/26 16:44:00)] was less than the lower thresholds [2.5] ' +
        'or greater than the upper thresholds [9.0] (minimum 1 datapoint for OK -> ALARM transition).',
    );
    expect(JSON.parse(banded.reasonData)).not.toHaveProperty('threshold');
  });
});

// AWS's published state changes ("Alarm events and EventBridge",
// https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html), reproduced
// from their alarms and datapoints. Those 2019 examples predate StateReasonData's evaluatedDatapoints, so it is
// compared apart.
describe("AWS's published examples", () => {
  function withoutEvaluated(reasonData: string): unknown {
    const { evaluatedDatapoints: _evaluated, ...rest } = JSON.parse(reasonData) as Record<string, unknown>;
    return rest;
  }

  it('single-metric alarm, OK -> ALARM and ALARM -> OK', () => {
    const cpu = config({ period: 300, evaluationPeriods: 1, threshold: 50 });
    const alarm = evaluateAlarm(cpu, [{ timestamp: Date.parse('2019-10-02T16:59:00Z'), value: 99.50160229693434 }], {
      now: Date.parse('2019-10-02T17:04:40.985Z'),
      currentState: 'OK',
    });
    expect(alarm.reason).toBe(
      'Threshold Crossed: 1 out of the last 1 datapoints [99.50160229693434 (02/10/19 16:59:00)] was greater than the threshold (50.0) (minimum 1 datapoint for OK -> ALARM transition).',
    );
    expect(withoutEvaluated(alarm.reasonData)).toEqual(
      JSON.parse(
        '{"version":"1.0","queryDate":"2019-10-02T17:04:40.985+0000","startDate":"2019-10-02T16:59:00.000+0000","statistic":"Average","period":300,"recentDatapoints":[99.50160229693434],"threshold":50.0}',
      ),
    );
    const ok = evaluateAlarm(cpu, [{ timestamp: Date.parse('2019-10-01T13:46:00Z'), value: 0.0666851903306472 }], {
      now: Date.parse('2019-10-01T13:56:40.985Z'),
      currentState: 'ALARM',
    });
    expect(ok.reason).toBe(
      'Threshold Crossed: 1 out of the last 1 datapoints [0.0666851903306472 (01/10/19 13:46:00)] was not greater than the threshold (50.0) (minimum 1 datapoint for ALARM -> OK transition).',
    );
    // Evaluated at 13:56:40, the newest period (13:51) had no data yet: the evaluation range reached back to 13:46.
    expect(withoutEvaluated(ok.reasonData)).toEqual(
      JSON.parse(
        '{"version":"1.0","queryDate":"2019-10-01T13:56:40.985+0000","startDate":"2019-10-01T13:46:00.000+0000","statistic":"Average","period":300,"recentDatapoints":[0.0666851903306472],"threshold":50.0}',
      ),
    );
  });

  it('metric-math alarm: no statistic', () => {
    const math = config({ period: 300, evaluationPeriods: 1, threshold: 10000, statistic: undefined, metricMath: true });
    const result = evaluateAlarm(math, [{ timestamp: Date.parse('2019-10-02T17:10:00Z'), value: 45628 }], {
      now: Date.parse('2019-10-02T17:20:48.551Z'),
      currentState: 'INSUFFICIENT_DATA',
    });
    expect(result.reason).toBe(
      'Threshold Crossed: 1 out of the last 1 datapoints [45628.0 (02/10/19 17:10:00)] was greater than the threshold (10000.0) (minimum 1 datapoint for INSUFFICIENT_DATA -> ALARM transition).',
    );
    expect(withoutEvaluated(result.reasonData)).toEqual({
      version: '1.0',
      queryDate: '2019-10-02T17:20:48.551+0000',
      startDate: '2019-10-02T17:10:00.000+0000',
      period: 300,
      recentDatapoints: [45628],
      threshold: 10000,
    });
  });

  it('anomaly-band alarm, OK -> ALARM and ALARM -> OK', () => {
    const band = config({
      comparisonOperator: 'LessThanLowerOrGreaterThanUpperThreshold',
      threshold: undefined,
      thresholdMetricId: 'ad1',
      statistic: undefined,
      metricMath: true,
      evaluationPeriods: 1,
    });
    const alarm = evaluateAlarm(
      band,
      [{ timestamp: Date.parse('2019-10-03T15:58:00Z'), value: 0, lower: 0.020599444741798756, upper: 0.3006915352732461 }],
      { now: Date.parse('2019-10-03T16:00:04.650Z'), currentState: 'OK' },
    );
    expect(alarm.reason).toBe(
      'Thresholds Crossed: 1 out of the last 1 datapoints [0.0 (03/10/19 15:58:00)] was less than the lower thresholds [0.020599444741798756] or greater than the upper thresholds [0.3006915352732461] (minimum 1 datapoint for OK -> ALARM transition).',
    );
    expect(withoutEvaluated(alarm.reasonData)).toEqual({
      version: '1.0',
      queryDate: '2019-10-03T16:00:04.650+0000',
      startDate: '2019-10-03T15:58:00.000+0000',
      period: 60,
      recentDatapoints: [0],
      recentLowerThresholds: [0.020599444741798756],
      recentUpperThresholds: [0.3006915352732461],
    });
    const ok = evaluateAlarm(
      band,
      [{ timestamp: Date.parse('2019-10-03T15:57:00Z'), value: 0.166666666664241, lower: 0.0206719426210418, upper: 0.30076870222143803 }],
      { now: Date.parse('2019-10-03T15:59:04.670Z'), currentState: 'ALARM' },
    );
    expect(ok.reason).toBe(
      'Thresholds Crossed: 1 out of the last 1 datapoints [0.166666666664241 (03/10/19 15:57:00)] was not less than the lower thresholds [0.0206719426210418] or not greater than the upper thresholds [0.30076870222143803] (minimum 1 datapoint for ALARM -> OK transition).',
    );
  });
});
