/**
 * Replays an alarm over a metric's history: one evaluation at the end of every period (AWS evaluates every
 * minute on sliding windows; for 1-minute alarms that is the same, for longer periods the backtest sees the
 * period-aligned evaluations only, which is what a chart of period datapoints can show), each deciding exactly
 * as `evaluateAlarm` would at that time (both go through `decideState`), in time linear in the history. Per
 * period it keeps prefix sums of real and breaching datapoints, so each evaluation reads its window's counts
 * in constant time instead of rescanning it.
 */
import { evaluateAlarm, evaluationEnd } from './evaluate';
import { classifyDatapoint, decideState, isLowSample, resolveRules } from './rules';
import type { AlarmConfig, AlarmDatapoint, AlarmState, AlarmTransition, BacktestResult } from './types';

export interface BacktestOptions {
  /**
   * The start of the first period, epoch ms; default the first datapoint's timestamp. Rounded down to the
   * minute (10 s for high-resolution periods), as evaluateAlarm places its periods.
   */
  readonly start?: number;
  /** The last evaluation time, epoch ms; default the end of the last datapoint's period. */
  readonly end?: number;
  /** The state before the first evaluation; default INSUFFICIENT_DATA, as for a new alarm. */
  readonly initialState?: AlarmState;
  /** Also write each transition's StateReason and StateReasonData (computed only at transitions). */
  readonly withReasons?: boolean;
  readonly evaluationRange?: number;
}

const MISSING = 0;
const NOT_BREACHING = 1;
const BREACHING = 2;

function sortedByTime(history: readonly AlarmDatapoint[]): readonly AlarmDatapoint[] {
  for (let i = 1; i < history.length; i++) {
    if (history[i]!.timestamp < history[i - 1]!.timestamp) return [...history].sort((a, b) => a.timestamp - b.timestamp);
  }
  return history;
}

/** The index of the first datapoint at or after `time`. */
function firstAtOrAfter(history: readonly AlarmDatapoint[], time: number): number {
  let low = 0;
  let high = history.length;
  while (low < high) {
    const mid = (low + high) >>> 1;
    if (history[mid]!.timestamp < time) low = mid + 1;
    else high = mid;
  }
  return low;
}

export function backtest(config: AlarmConfig, history: readonly AlarmDatapoint[], options: BacktestOptions = {}): BacktestResult {
  const rules = resolveRules(config, options.evaluationRange);
  const points = sortedByTime(history);
  const periodMs = rules.periodMs;
  const start = evaluationEnd(options.start ?? points[0]?.timestamp ?? 0, config.period);
  const lastEnd = points.length > 0 ? points[points.length - 1]!.timestamp + periodMs : start;
  const end = options.end ?? lastEnd;
  const periods = Math.max(Math.floor((end - start) / periodMs), 0);
  const initialState = options.initialState ?? 'INSUFFICIENT_DATA';

  // One class per period; the latest datapoint of a period wins, as in evaluateAlarm.
  const kinds = new Uint8Array(periods);
  const lowSample = new Uint8Array(periods);
  const chosen = new Float64Array(periods).fill(Number.NEGATIVE_INFINITY);
  for (const datapoint of points) {
    const slot = Math.floor((datapoint.timestamp - start) / periodMs);
    if (slot < 0 || slot >= periods || datapoint.timestamp < chosen[slot]!) continue;
    chosen[slot] = datapoint.timestamp;
    const kind = classifyDatapoint(config, rules.band, datapoint);
    kinds[slot] = kind === 'missing' ? MISSING : kind === 'breaching' ? BREACHING : NOT_BREACHING;
    lowSample[slot] = kind !== 'missing' && isLowSample(rules, datapoint) ? 1 : 0;
  }

  // realBefore[i]: real datapoints in periods < i; breachingBefore likewise. realSlot[r]: the period of the
  // r-th real datapoint; breachingByRank[r]: breaching among the first r real datapoints.
  const realBefore = new Int32Array(periods + 1);
  const breachingBefore = new Int32Array(periods + 1);
  const realSlot: number[] = [];
  const breachingByRank: number[] = [0];
  for (let i = 0; i < periods; i++) {
    const kind = kinds[i]!;
    realBefore[i + 1] = realBefore[i]! + (kind === MISSING ? 0 : 1);
    breachingBefore[i + 1] = breachingBefore[i]! + (kind === BREACHING ? 1 : 0);
    if (kind !== MISSING) {
      realSlot.push(i);
      breachingByRank.push(breachingByRank[breachingByRank.length - 1]! + (kind === BREACHING ? 1 : 0));
    }
  }

  const n = rules.evaluationPeriods;
  const transitions: AlarmTransition[] = [];
  let state = initialState;
  let alarmCount = 0;
  let alarmMs = 0;
  let alarmSince = state === 'ALARM' ? start + periodMs : undefined;
  for (let i = 0; i < periods; i++) {
    const now = start + (i + 1) * periodMs;
    const oldest = Math.max(i - rules.evaluationRange + 1, 0);
    const realInRange = realBefore[i + 1]! - realBefore[oldest]!;
    const newestRank = realBefore[i + 1]! - 1;
    if (realInRange > 0 && lowSample[realSlot[newestRank]!] === 1) continue;
    let breaching: number;
    if (realInRange >= n) breaching = breachingByRank[newestRank + 1]! - breachingByRank[newestRank + 1 - n]!;
    else breaching = breachingBefore[i + 1]! - breachingBefore[oldest]!;
    // With fewer than N real datapoints all of them take part, the oldest being the first one in the range.
    const oldestAge = realInRange === 0 ? 0 : realInRange >= n ? i - realSlot[newestRank + 1 - n]! + 1 : i - realSlot[realBefore[oldest]!]! + 1;
    const next = decideState(rules, { real: Math.min(realInRange, n), breaching, oldestAge }, state);
    if (next === state) continue;
    transitions.push(transition(config, points, options, { now, from: state, to: next, rangeStart: now - rules.evaluationRange * periodMs }));
    if (next === 'ALARM') {
      alarmCount += 1;
      alarmSince = now;
    } else if (alarmSince !== undefined) {
      alarmMs += now - alarmSince;
      alarmSince = undefined;
    }
    state = next;
  }
  const lastEvaluation = start + periods * periodMs;
  if (alarmSince !== undefined) alarmMs += Math.max(lastEvaluation - alarmSince, 0);
  return { transitions, evaluations: periods, alarmCount, alarmMs, finalState: state, start: start + periodMs, end: lastEvaluation };
}

interface Step {
  readonly now: number;
  readonly from: AlarmState;
  readonly to: AlarmState;
  readonly rangeStart: number;
}

function transition(config: AlarmConfig, points: readonly AlarmDatapoint[], options: BacktestOptions, step: Step): AlarmTransition {
  if (options.withReasons !== true) return { timestamp: step.now, from: step.from, to: step.to };
  const window = points.slice(firstAtOrAfter(points, step.rangeStart), firstAtOrAfter(points, step.now));
  const evaluated = evaluateAlarm(config, window, { now: step.now, currentState: step.from, evaluationRange: options.evaluationRange });
  return { timestamp: step.now, from: step.from, to: step.to, reason: evaluated.reason, reasonData: evaluated.reasonData };
}

export interface AlarmInterval {
  /** When the alarm went to ALARM (an evaluation time, epoch ms). */
  readonly start: number;
  /** When it left ALARM, or the backtest's last evaluation if it was still in ALARM then. */
  readonly end: number;
}

/** The stretches a backtest spent in ALARM, for shading them on a chart. */
export function alarmIntervals(result: BacktestResult, initialState: AlarmState = 'INSUFFICIENT_DATA'): AlarmInterval[] {
  const intervals: AlarmInterval[] = [];
  let since = initialState === 'ALARM' ? result.start : undefined;
  for (const transition of result.transitions) {
    if (transition.to === 'ALARM') since = transition.timestamp;
    else if (since !== undefined) {
      intervals.push({ start: since, end: transition.timestamp });
      since = undefined;
    }
  }
  if (since !== undefined) intervals.push({ start: since, end: result.end });
  return intervals;
}
