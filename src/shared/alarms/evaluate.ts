/**
 * One evaluation of one alarm, as CloudWatch runs it each minute: place the datapoints into the evaluation
 * range's periods, decide the state (`rules.ts`), and explain it in AWS's StateReason / StateReasonData.
 */
import { javaDouble, JsonInteger, plural, reasonDataDate, reasonDate, stringifyJavaJson, type JavaJson } from './reason-format';
import { classifyDatapoint, decideState, ignoreKeptState, isLowSample, resolveRules, type AlarmRules, type DatapointClass, type WindowCounts } from './rules';
import type { AlarmConfig, AlarmDatapoint, AlarmState, ComparisonOperator, EvaluationResult } from './types';

export interface EvaluateOptions {
  /**
   * The evaluation time, epoch ms (StateReasonData's queryDate). The periods end at `now` rounded down to the
   * minute (to 10 seconds for high-resolution periods): the newest is [end - period, end), the one before it
   * [end - 2 period, end - period), and so on. AWS evaluates "every minute" with 5-minute windows "offset by
   * one minute each time" (at 12:15 it reads 12:00, 12:05, 12:10; at 12:16, 12:01, 12:06, 12:11 — "Limits",
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/alarm-limits.html; AWS's own example
   * evaluates a 5-minute alarm at 17:04:40 on the period starting 16:59:00 — "Alarm events and EventBridge",
   * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-and-eventbridge.html), so
   * callers aggregate datapoints on that grid.
   */
  readonly now: number;
  /** The state the alarm is in; a new alarm starts in INSUFFICIENT_DATA. */
  readonly currentState?: AlarmState;
  /** Periods in the evaluation range; default N + 2 (see `evaluationRangePeriods`). */
  readonly evaluationRange?: number;
}

interface Placed {
  readonly datapoint: AlarmDatapoint;
  readonly kind: Exclude<DatapointClass, 'missing'>;
  /** Periods ago: 1 for the newest period of the range. */
  readonly age: number;
}

/**
 * The real datapoints of the evaluation range, newest first: one per period (the latest timestamp wins when a
 * caller sends two for one period).
 */
function placeInRange(config: AlarmConfig, rules: AlarmRules, datapoints: readonly AlarmDatapoint[], end: number): Placed[] {
  const slots: (AlarmDatapoint | undefined)[] = new Array<AlarmDatapoint | undefined>(rules.evaluationRange).fill(undefined);
  for (const datapoint of datapoints) {
    const slot = Math.floor((end - datapoint.timestamp - 1) / rules.periodMs);
    if (slot < 0 || slot >= rules.evaluationRange) continue;
    const held = slots[slot];
    if (held === undefined || held.timestamp < datapoint.timestamp) slots[slot] = datapoint;
  }
  const placed: Placed[] = [];
  slots.forEach((datapoint, slot) => {
    if (datapoint === undefined) return;
    const kind = classifyDatapoint(config, rules.band, datapoint);
    if (kind !== 'missing') placed.push({ datapoint, kind, age: slot + 1 });
  });
  return placed;
}

/** The reason AWS gives a new alarm's INSUFFICIENT_DATA state ("Alarm events and EventBridge"). */
export const INITIAL_STATE_REASON = 'Unchecked: Initial alarm creation';

/** Where an evaluation at `now` ends its newest period: the minute (10 s for high-resolution alarms). */
export function evaluationEnd(now: number, periodSeconds: number): number {
  const step = periodSeconds < 60 ? 10_000 : 60_000;
  return Math.floor(now / step) * step;
}

export function evaluateAlarm(config: AlarmConfig, datapoints: readonly AlarmDatapoint[], options: EvaluateOptions): EvaluationResult {
  const rules = resolveRules(config, options.evaluationRange);
  const currentState = options.currentState ?? 'INSUFFICIENT_DATA';
  const end = evaluationEnd(options.now, config.period);
  const inRange = placeInRange(config, rules, datapoints, end);
  // "If some data points in the evaluation range are missing, but the total number of existing data points
  // … is equal to or more than the alarm's Evaluation Periods, CloudWatch evaluates the alarm state based on
  // the most recent real data points" (alarms-and-missing-data.html).
  const used = inRange.slice(0, rules.evaluationPeriods);
  const counts: WindowCounts = {
    real: used.length,
    breaching: used.filter((p) => p.kind === 'breaching').length,
    oldestAge: used[used.length - 1]?.age ?? 0,
  };
  const context: ReasonContext = { config, rules, used, counts, now: options.now, end, currentState };

  // EvaluateLowSampleCountPercentile = ignore: "the alarm state does not change during periods with too few
  // data points to be statistically significant" (percentiles-with-low-samples.html).
  const newest = inRange[0];
  if (newest !== undefined && isLowSample(rules, newest.datapoint)) {
    return result(currentState, currentState, lowSampleReason(context, newest.datapoint), reasonData(context, []));
  }

  const state = decideState(rules, counts, currentState);
  return result(state, currentState, reasonText(context, state), reasonData(context, evaluatedFor(context, state)));
}

function result(state: AlarmState, currentState: AlarmState, reason: string, data: string): EvaluationResult {
  return { state, changed: state !== currentState, reason, reasonData: data };
}

interface ReasonContext {
  readonly config: AlarmConfig;
  readonly rules: AlarmRules;
  /** The datapoints that decided, newest first. */
  readonly used: readonly Placed[];
  readonly counts: WindowCounts;
  readonly now: number;
  readonly end: number;
  readonly currentState: AlarmState;
}

function fills(context: ReasonContext): number {
  return Math.max(context.rules.evaluationPeriods - context.used.length, 0);
}

const STATIC_PHRASES: Partial<Record<ComparisonOperator, string>> = {
  GreaterThanOrEqualToThreshold: 'greater than or equal to',
  GreaterThanThreshold: 'greater than',
  LessThanThreshold: 'less than',
  LessThanOrEqualToThreshold: 'less than or equal to',
};

function listed(points: readonly Placed[]): string {
  return `[${points.map((p) => `${javaDouble(p.datapoint.value)} (${reasonDate(p.datapoint.timestamp)})`).join(', ')}]`;
}

function bounds(points: readonly Placed[], side: 'lower' | 'upper'): string {
  return `[${points.map((p) => javaDouble(p.datapoint[side] ?? Number.NaN)).join(', ')}]`;
}

/**
 * "greater than the threshold (80.0)", or a band's "less than the lower thresholds [..] or greater than the
 * upper thresholds [..]"; negated, "not greater than …" and "not less than … or not greater than …", as in
 * AWS's examples ("Alarm events and EventBridge").
 */
function comparisonPhrase(context: ReasonContext, points: readonly Placed[], negated: boolean): string {
  const not = negated ? 'not ' : '';
  const operator = context.config.comparisonOperator;
  const lower = `${not}less than the lower thresholds ${bounds(points, 'lower')}`;
  const upper = `${not}greater than the upper thresholds ${bounds(points, 'upper')}`;
  if (operator === 'LessThanLowerOrGreaterThanUpperThreshold') return `${lower} or ${upper}`;
  if (operator === 'LessThanLowerThreshold') return lower;
  if (operator === 'GreaterThanUpperThreshold') return upper;
  return `${not}${STATIC_PHRASES[operator] ?? operator} the threshold (${javaDouble(context.config.threshold ?? Number.NaN)})`;
}

function treatedAs(context: ReasonContext): string | undefined {
  const treatment = context.rules.treatMissingData;
  if (treatment === 'breaching') return 'Breaching';
  if (treatment === 'notBreaching') return 'NonBreaching';
  return undefined;
}

function fillClause(context: ReasonContext): string {
  const count = fills(context);
  const treatment = treatedAs(context);
  if (count === 0 || treatment === undefined) return '';
  return ` and ${count} missing ${plural(count, 'datapoint')} ${plural(count, 'was', 'were')} treated as [${treatment}]`;
}

/** "out of the last N datapoints": N counts the filled datapoints, not the ones left missing. */
function outOf(context: ReasonContext): number {
  const treatment = context.rules.treatMissingData;
  return treatment === 'breaching' || treatment === 'notBreaching' ? context.rules.evaluationPeriods : context.used.length;
}

function crossed(context: ReasonContext): string {
  return context.rules.band ? 'Thresholds Crossed' : 'Threshold Crossed';
}

/** Only fills: "no datapoints were received for 3 periods and 3 missing datapoints were treated as [Breaching]." */
function noDatapointsReason(context: ReasonContext): string {
  const count = fills(context);
  return `${crossed(context)}: no datapoints were received for ${count} ${plural(count, 'period')}${fillClause(context)}.`;
}

function reasonText(context: ReasonContext, state: AlarmState): string {
  const { rules, used } = context;
  if (state === 'INSUFFICIENT_DATA' && used.length === 0) {
    const count = rules.evaluationRange;
    return `Insufficient Data: ${count} ${plural(count, 'datapoint was', 'datapoints were')} unknown.`;
  }
  if (ignoreKeptState(rules, context.counts)) {
    const count = fills(context);
    return `Missing data ignored: ${used.length} of the last ${rules.evaluationPeriods} datapoints received and ${count} missing ${plural(count, 'datapoint')} do not decide the state, so it stays ${state} (TreatMissingData is ignore).`;
  }
  if (state === 'INSUFFICIENT_DATA') {
    const m = rules.datapointsToAlarm;
    return (
      `Insufficient Data: ${used.length} out of the last ${rules.evaluationPeriods} datapoints ${listed(used)} ` +
      `${plural(used.length, 'was', 'were')} ${comparisonPhrase(context, used, false)} and the rest were missing ` +
      `(minimum ${m} ${plural(m, 'datapoint')} for ALARM).`
    );
  }
  if (state === 'ALARM') {
    const breaching = used.filter((p) => p.kind === 'breaching');
    if (breaching.length === 0) return noDatapointsReason(context);
    const m = rules.datapointsToAlarm;
    return (
      `${crossed(context)}: ${breaching.length} out of the last ${outOf(context)} datapoints ${listed(breaching)} ` +
      `${plural(breaching.length, 'was', 'were')} ${comparisonPhrase(context, breaching, false)}${fillClause(context)} ` +
      `(minimum ${m} ${plural(m, 'datapoint')} for ${context.currentState} -> ALARM transition).`
    );
  }
  const within = used.filter((p) => p.kind === 'notBreaching');
  if (within.length === 0) return noDatapointsReason(context);
  // Fewer than M breaching takes N - M + 1 datapoints within the threshold.
  const minimum = rules.evaluationPeriods - rules.datapointsToAlarm + 1;
  return (
    `${crossed(context)}: ${within.length} out of the last ${outOf(context)} datapoints ${listed(within)} ` +
    `${plural(within.length, 'was', 'were')} ${comparisonPhrase(context, within, true)}${fillClause(context)} ` +
    `(minimum ${minimum} ${plural(minimum, 'datapoint')} for ${context.currentState} -> OK transition).`
  );
}

function lowSampleReason(context: ReasonContext, newest: AlarmDatapoint): string {
  const samples = newest.sampleCount ?? 0;
  return (
    `Insufficient samples: the most recent datapoint [${javaDouble(newest.value)} (${reasonDate(newest.timestamp)})] has ` +
    `${samples} ${plural(samples, 'sample')}; ${context.config.extendedStatistic ?? ''} needs at least ${context.rules.minimumSamples}, ` +
    `so the state stays ${context.currentState} (EvaluateLowSampleCountPercentile is ignore).`
  );
}

/**
 * The datapoints StateReasonData lists as evaluated, newest first. In AWS's example a 1-of-1 alarm with three
 * breaching datapoints lists only the newest: the M that made the transition. Going to OK, the datapoints
 * within the threshold.
 */
function evaluatedFor(context: ReasonContext, state: AlarmState): readonly Placed[] {
  if (state === 'ALARM') return context.used.filter((p) => p.kind === 'breaching').slice(0, context.rules.datapointsToAlarm);
  if (state === 'OK') return context.used.filter((p) => p.kind === 'notBreaching');
  return [];
}

function reasonData(context: ReasonContext, evaluated: readonly Placed[]): string {
  const { config, rules, used, now } = context;
  const oldestFirst = [...used].reverse();
  const rangeStart = context.end - rules.evaluationRange * rules.periodMs;
  const data: { [key: string]: JavaJson | undefined } = {
    version: '1.0',
    queryDate: reasonDataDate(now),
    startDate: reasonDataDate(oldestFirst[0]?.datapoint.timestamp ?? rangeStart),
    unit: config.unit,
    statistic: config.metricMath === true ? undefined : (config.statistic ?? config.extendedStatistic),
    period: new JsonInteger(config.period),
    recentDatapoints: oldestFirst.map((p) => p.datapoint.value),
    // A band alarm's bounds per datapoint, and no threshold (AWS's anomaly example in "Alarm events and EventBridge").
    recentLowerThresholds: rules.band ? oldestFirst.map((p) => p.datapoint.lower ?? Number.NaN) : undefined,
    recentUpperThresholds: rules.band ? oldestFirst.map((p) => p.datapoint.upper ?? Number.NaN) : undefined,
    threshold: rules.band ? undefined : config.threshold,
    evaluatedDatapoints: evaluated.map((p) => ({
      timestamp: reasonDataDate(p.datapoint.timestamp),
      sampleCount: p.datapoint.sampleCount,
      value: p.datapoint.value,
    })),
  };
  return stringifyJavaJson(data);
}
