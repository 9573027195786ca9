import { describe, expect, it } from 'vitest';
import { alarmIntervals, backtest } from './backtest';
import { evaluateAlarm } from './evaluate';
import { COMPARISON_OPERATORS, TREAT_MISSING_DATA, type AlarmConfig, type AlarmDatapoint, type AlarmState, type AlarmTransition } from './types';
import { isBandOperator } from './rules';

const T0 = Date.UTC(2026, 10, 16, 0, 0, 0);
const MINUTE = 60_000;

/** A small deterministic generator (mulberry32), so a failing case can be replayed from its seed. */
function random(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function pick<T>(next: () => number, items: readonly T[]): T {
  return items[Math.floor(next() * items.length)]!;
}

function randomCase(seed: number): { config: AlarmConfig; history: AlarmDatapoint[]; periods: number } {
  const next = random(seed);
  const n = 1 + Math.floor(next() * 5);
  const operator = pick(next, COMPARISON_OPERATORS);
  const band = isBandOperator(operator);
  const percentile = next() < 0.3;
  const config: AlarmConfig = {
    period: pick(next, [60, 300]),
    evaluationPeriods: n,
    datapointsToAlarm: next() < 0.3 ? undefined : 1 + Math.floor(next() * n),
    comparisonOperator: operator,
    threshold: band ? undefined : 50,
    thresholdMetricId: band ? 'ad1' : undefined,
    treatMissingData: next() < 0.2 ? undefined : pick(next, TREAT_MISSING_DATA),
    statistic: percentile ? undefined : 'Average',
    extendedStatistic: percentile ? 'p90' : undefined,
    evaluateLowSampleCountPercentile: percentile ? pick(next, ['evaluate', 'ignore'] as const) : undefined,
  };
  const periods = 50 + Math.floor(next() * 150);
  const gapRate = next() * 0.6;
  const history: AlarmDatapoint[] = [];
  for (let i = 0; i < periods; i++) {
    if (next() < gapRate) continue;
    history.push({
      timestamp: T0 + i * config.period * 1000,
      value: Math.round(next() * 100),
      sampleCount: 1 + Math.floor(next() * 200),
      lower: next() < 0.05 ? undefined : 30,
      upper: 70,
    });
  }
  return { config, history, periods };
}

/** The reference: evaluateAlarm at the end of each period, fed the state it left. */
function stepByStep(config: AlarmConfig, history: readonly AlarmDatapoint[], periods: number): AlarmTransition[] {
  const transitions: AlarmTransition[] = [];
  let state: AlarmState = 'INSUFFICIENT_DATA';
  for (let i = 1; i <= periods; i++) {
    const now = T0 + i * config.period * 1000;
    const result = evaluateAlarm(config, history, { now, currentState: state });
    if (result.state !== state) transitions.push({ timestamp: now, from: state, to: result.state, reason: result.reason, reasonData: result.reasonData });
    state = result.state;
  }
  return transitions;
}

describe('backtest', () => {
  it('agrees with evaluating step by step, reasons included (500 random alarms and histories)', () => {
    for (let seed = 1; seed <= 500; seed++) {
      const { config, history, periods } = randomCase(seed);
      const end = T0 + periods * config.period * 1000;
      const expected = stepByStep(config, history, periods);
      const actual = backtest(config, history, { start: T0, end, withReasons: true });
      expect(actual.transitions, `seed ${seed}`).toEqual(expected);
      expect(actual.evaluations).toBe(periods);
    }
  });

  it('counts the times it went to ALARM and the time spent there', () => {
    const config: AlarmConfig = { period: 60, evaluationPeriods: 2, threshold: 50, comparisonOperator: 'GreaterThanThreshold', statistic: 'Maximum' };
    const values = [10, 90, 90, 90, 10, 10, 90, 90, 10, 10];
    const history = values.map((value, i) => ({ timestamp: T0 + i * MINUTE, value }));
    const result = backtest(config, history);
    expect(result.transitions.map((t) => [t.to, (t.timestamp - T0) / MINUTE])).toEqual([
      ['OK', 1],
      ['ALARM', 3],
      ['OK', 5],
      ['ALARM', 8],
      ['OK', 9],
    ]);
    expect(result.alarmCount).toBe(2);
    expect(result.alarmMs).toBe(3 * MINUTE);
    expect(alarmIntervals(result).map((i) => [(i.start - T0) / MINUTE, (i.end - T0) / MINUTE])).toEqual([
      [3, 5],
      [8, 9],
    ]);
    expect(result.finalState).toBe('OK');
    expect(result).toMatchObject({ start: T0 + MINUTE, end: T0 + 10 * MINUTE, evaluations: 10 });
  });

  it('keeps evaluating after the data stops: the last datapoint decides until it leaves the evaluation range', () => {
    const config: AlarmConfig = {
      period: 60,
      evaluationPeriods: 1,
      threshold: 50,
      comparisonOperator: 'GreaterThanThreshold',
      statistic: 'Sum',
      treatMissingData: 'breaching',
    };
    const history = [{ timestamp: T0, value: 1 }];
    const result = backtest(config, history, { end: T0 + 5 * MINUTE });
    // N = 1, range 3: the datapoint at T0 is read at 1, 2 and 3 minutes; at 4 minutes only fills remain.
    expect(result.transitions.map((t) => [t.to, (t.timestamp - T0) / MINUTE])).toEqual([
      ['OK', 1],
      ['ALARM', 4],
    ]);
    expect(result.alarmMs).toBe(MINUTE);
    expect(alarmIntervals(result)).toEqual([{ start: T0 + 4 * MINUTE, end: T0 + 5 * MINUTE }]);
  });

  it('starts from the state it is given', () => {
    const config: AlarmConfig = { period: 60, evaluationPeriods: 1, threshold: 50, comparisonOperator: 'GreaterThanThreshold', statistic: 'Maximum' };
    const history = [0, 1, 2, 3].map((i) => ({ timestamp: T0 + i * MINUTE, value: 90 }));
    const result = backtest(config, history, { initialState: 'ALARM' });
    expect(result).toMatchObject({ transitions: [], alarmCount: 0, alarmMs: 3 * MINUTE, finalState: 'ALARM' });
    expect(alarmIntervals(result, 'ALARM')).toEqual([{ start: T0 + MINUTE, end: T0 + 4 * MINUTE }]);
  });

  it('accepts a history out of order', () => {
    const { config, history, periods } = randomCase(7);
    const end = T0 + periods * config.period * 1000;
    const shuffled = [...history].reverse();
    expect(backtest(config, shuffled, { start: T0, end }).transitions).toEqual(backtest(config, history, { start: T0, end }).transitions);
  });

  it('is empty for an empty history', () => {
    const config: AlarmConfig = { period: 60, evaluationPeriods: 1, threshold: 1, comparisonOperator: 'GreaterThanThreshold', statistic: 'Sum' };
    expect(backtest(config, [])).toMatchObject({ transitions: [], evaluations: 0, alarmCount: 0, alarmMs: 0, finalState: 'INSUFFICIENT_DATA' });
  });
});
