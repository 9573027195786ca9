/**
 * Evaluates metric math expressions over the series of a GetMetricData request ("Using math expressions with
 * CloudWatch metrics" in the CloudWatch User Guide). A value is a scalar, one series, or a list of series
 * (METRICS(), SEARCH(), `[a, b]`). Arithmetic applies point by point at the timestamps both sides have; a
 * result that is not a finite number (division by zero) drops that point, which the result's Messages
 * report as AWS does. Scalars meet series at every point; SUM/AVG/MIN/MAX/STDDEV of one series is a scalar,
 * of a list the series of each timestamp's values.
 */
import type { BinaryOperator, MathExpression } from '../../../shared/languages/metric-math';
import { MATH_FUNCTIONS } from '../../../shared/languages/metric-math';
import { ServiceError } from '../../core/errors';
import { DEFAULT_BAND_WIDTH } from './anomaly/model';
import { acrossSeries, combine, mapValues, reducers, withPoints, type ReducerName, type TimeSeries } from './time-series';

export type MathValue =
  | { readonly kind: 'scalar'; readonly value: number }
  | { readonly kind: 'series'; readonly series: TimeSeries }
  | { readonly kind: 'list'; readonly list: readonly TimeSeries[] }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'keyword'; readonly word: string };

export interface MathEnvironment {
  /** The id's value (evaluating it first if it is another expression); throws when it is not a query id. */
  resolve(id: string): MathValue;
  /** The MetricStat queries whose id contains `filter` ('' for all), in request order. */
  metrics(filter: string): TimeSeries[];
  search(node: Extract<MathExpression, { kind: 'call' }>, statistic: string, period: number | undefined): TimeSeries[];
  /** The timestamps a series of this period has over the request's range (for FILL, TIME_SERIES, scalars). */
  grid(period: number): number[];
  /**
   * ANOMALY_DETECTION_BAND(argument, width): the band of the series `argument` names, upper series first
   * (anomaly/band.ts).
   */
  anomalyBand(argument: MathExpression, width: number): TimeSeries[];
  /** The period for values that have none of their own (the expression's Period, else the request's first). */
  readonly defaultPeriod: number;
  /** Counts points dropped because their value was not a finite number. */
  readonly dropped: { count: number };
}

/** A ValidationError about an expression, as GetMetricData reports it. */
export function expressionError(id: string, message: string): ServiceError {
  return new ServiceError('ValidationError', `Error in expression ${id}: ${message}`);
}

export function evaluate(node: MathExpression, env: MathEnvironment, id: string): MathValue {
  const fail = (message: string): never => {
    throw expressionError(id, message);
  };
  const value = (n: MathExpression): MathValue => evaluate(n, env, id);
  switch (node.kind) {
    case 'number':
      return { kind: 'scalar', value: node.value };
    case 'string':
      return { kind: 'string', value: node.value };
    case 'keyword':
      return { kind: 'keyword', word: node.word };
    case 'id':
      return env.resolve(node.id);
    case 'array': {
      const list: TimeSeries[] = [];
      for (const item of node.items) {
        const v = value(item);
        if (v.kind === 'series') list.push(v.series);
        else if (v.kind === 'list') list.push(...v.list);
        else fail('An array may contain only time series.');
      }
      return { kind: 'list', list };
    }
    case 'negate':
      return arithmetic('*', { kind: 'scalar', value: -1 }, value(node.operand), env, fail);
    case 'binary':
      return arithmetic(node.operator, value(node.left), value(node.right), env, fail);
    case 'call':
      return call(node, env, value, fail);
  }
}

const OPERATIONS: Readonly<Record<BinaryOperator, (x: number, y: number) => number>> = {
  '+': (x, y) => x + y,
  '-': (x, y) => x - y,
  '*': (x, y) => x * y,
  '/': (x, y) => x / y,
  '^': (x, y) => x ** y,
  '==': (x, y) => Number(x === y),
  '!=': (x, y) => Number(x !== y),
  '<': (x, y) => Number(x < y),
  '<=': (x, y) => Number(x <= y),
  '>': (x, y) => Number(x > y),
  '>=': (x, y) => Number(x >= y),
  AND: (x, y) => Number(x !== 0 && y !== 0),
  OR: (x, y) => Number(x !== 0 || y !== 0),
};

function arithmetic(operator: BinaryOperator, left: MathValue, right: MathValue, env: MathEnvironment, fail: (message: string) => never): MathValue {
  const f = OPERATIONS[operator];
  if (left.kind === 'scalar' && right.kind === 'scalar') return { kind: 'scalar', value: f(left.value, right.value) };
  if (left.kind === 'list' && right.kind === 'list') return fail(`The operator ${operator} cannot combine two arrays of time series.`);
  if (left.kind === 'list') return { kind: 'list', list: left.list.map((s) => seriesOf(arithmetic(operator, { kind: 'series', series: s }, right, env, fail))) };
  if (right.kind === 'list') return { kind: 'list', list: right.list.map((s) => seriesOf(arithmetic(operator, left, { kind: 'series', series: s }, env, fail))) };
  if (left.kind === 'series' && right.kind === 'scalar') return { kind: 'series', series: mapValues(left.series, (x) => f(x, right.value), env.dropped) };
  if (left.kind === 'scalar' && right.kind === 'series') return { kind: 'series', series: mapValues(right.series, (y) => f(left.value, y), env.dropped) };
  if (left.kind === 'series' && right.kind === 'series') return { kind: 'series', series: combine(left.series, right.series, f, env.dropped) };
  return fail(`The operator ${operator} takes numbers and time series.`);
}

function seriesOf(value: MathValue): TimeSeries {
  if (value.kind !== 'series') throw new Error('expected a series');
  return value.series;
}

function call(
  node: Extract<MathExpression, { kind: 'call' }>,
  env: MathEnvironment,
  value: (n: MathExpression) => MathValue,
  fail: (message: string) => never,
): MathValue {
  const { name } = node;
  if (!MATH_FUNCTIONS[name]!.evaluable) fail(`${name} is not supported by the sandbox.`);
  // These take their arguments unevaluated: a query to run, or (the band) an Id to train a model on.
  const args = node.name === 'SEARCH' || node.name === 'METRICS' || node.name === 'ANOMALY_DETECTION_BAND' ? [] : node.args.map(value);
  /** Applies a per-series function to a series or each series of a list. */
  const perSeries = (arg: MathValue | undefined, f: (s: TimeSeries) => TimeSeries): MathValue => {
    if (arg?.kind === 'series') return { kind: 'series', series: f(arg.series) };
    if (arg?.kind === 'list') return { kind: 'list', list: arg.list.map(f) };
    return fail(`${name} takes a time series or an array of time series.`);
  };
  const pointwise = (f: (x: number) => number): MathValue => {
    const arg = args[0];
    if (arg?.kind === 'scalar') return { kind: 'scalar', value: f(arg.value) };
    return perSeries(arg, (s) => mapValues(s, f, env.dropped));
  };
  switch (name) {
    case 'ABS':
      return pointwise(Math.abs);
    case 'CEIL':
      return pointwise(Math.ceil);
    case 'FLOOR':
      return pointwise(Math.floor);
    case 'LOG':
      return pointwise(Math.log);
    case 'LOG10':
      return pointwise(Math.log10);
    case 'SUM':
    case 'AVG':
    case 'MIN':
    case 'MAX':
    case 'STDDEV': {
      const reduce = reducers[name as ReducerName];
      const arg = args[0]!;
      if (arg.kind === 'scalar') return arg;
      if (arg.kind === 'series') return arg.series.values.length === 0 ? { kind: 'list', list: [] } : { kind: 'scalar', value: reduce(arg.series.values) };
      if (arg.kind === 'list') return { kind: 'series', series: acrossSeries(arg.list, reduce, arg.list[0]?.period ?? env.defaultPeriod, name) };
      return fail(`${name} takes a time series or an array of time series.`);
    }
    case 'DATAPOINT_COUNT': {
      const arg = args[0]!;
      if (arg.kind === 'series') return { kind: 'scalar', value: arg.series.values.length };
      if (arg.kind === 'list') return { kind: 'series', series: acrossSeries(arg.list, (v) => v.length, arg.list[0]?.period ?? env.defaultPeriod, name) };
      return fail('DATAPOINT_COUNT takes a time series or an array of time series.');
    }
    case 'METRIC_COUNT': {
      const arg = args[0]!;
      return { kind: 'scalar', value: arg.kind === 'list' ? arg.list.length : arg.kind === 'series' ? 1 : fail('METRIC_COUNT takes an array of time series.') };
    }
    case 'DIFF':
      return perSeries(args[0], (s) => differences(s, (v, pv) => v - pv, env));
    case 'DIFF_TIME':
      return perSeries(args[0], (s) => differences(s, (_v, _pv, t, pt) => (t - pt) / 1000, env));
    case 'RATE':
      return perSeries(args[0], (s) => differences(s, (v, pv, t, pt) => (v - pv) / ((t - pt) / 1000), env));
    case 'RUNNING_SUM':
      return perSeries(args[0], (s) => {
        let total = 0;
        return withPoints(s, s.timestamps, s.values.map((v) => (total += v)));
      });
    case 'PERIOD': {
      const arg = args[0]!;
      if (arg.kind === 'series') return { kind: 'scalar', value: arg.series.period };
      if (arg.kind === 'list' && arg.list.length > 0) return { kind: 'scalar', value: arg.list[0]!.period };
      return fail('PERIOD takes a time series.');
    }
    case 'FILL':
      return perSeries(args[0], (s) => fill(s, args[1]!, env, fail));
    case 'IF':
      return conditional(args, env, fail);
    case 'TIME_SERIES': {
      const arg = args[0]!;
      if (arg.kind !== 'scalar') return fail('TIME_SERIES takes a number.');
      const timestamps = env.grid(env.defaultPeriod);
      return { kind: 'series', series: { timestamps, values: timestamps.map(() => arg.value), period: env.defaultPeriod, label: 'TIME_SERIES' } };
    }
    case 'REMOVE_EMPTY': {
      const arg = args[0]!;
      if (arg.kind === 'list') return { kind: 'list', list: arg.list.filter((s) => s.values.length > 0) };
      return arg;
    }
    case 'FIRST':
    case 'LAST': {
      const arg = args[0]!;
      if (arg.kind !== 'list') return fail(`${name} takes an array of time series.`);
      const picked = name === 'FIRST' ? arg.list[0] : arg.list[arg.list.length - 1];
      return picked === undefined ? { kind: 'list', list: [] } : { kind: 'series', series: picked };
    }
    case 'SORT': {
      const [list, by, order, limit] = args;
      if (list?.kind !== 'list') return fail('SORT takes an array of time series.');
      const reduce = reducers[(by as { word: ReducerName }).word];
      const keyed = list.list.map((s) => ({ s, key: s.values.length === 0 ? -Infinity : reduce(s.values) }));
      keyed.sort((a, b) => ((order as { word: string }).word === 'ASC' ? a.key - b.key : b.key - a.key));
      const sorted = keyed.map(({ s }) => s);
      return { kind: 'list', list: limit?.kind === 'scalar' ? sorted.slice(0, limit.value) : sorted };
    }
    case 'ANOMALY_DETECTION_BAND': {
      const width = node.args[1] === undefined ? { kind: 'scalar' as const, value: DEFAULT_BAND_WIDTH } : value(node.args[1]);
      if (width.kind !== 'scalar' || !(width.value > 0) || !Number.isFinite(width.value)) {
        return fail('The second argument of ANOMALY_DETECTION_BAND, the band width in standard deviations, must be a positive number.');
      }
      return { kind: 'list', list: env.anomalyBand(node.args[0]!, width.value) };
    }
    case 'METRICS': {
      const filter = node.args[0]?.kind === 'string' ? node.args[0].value : '';
      return { kind: 'list', list: env.metrics(filter) };
    }
    case 'SEARCH': {
      const statistic = (node.args[1] as { value: string }).value;
      const period = node.args[2]?.kind === 'number' ? node.args[2].value : undefined;
      return { kind: 'list', list: env.search(node, statistic, period) };
    }
    default:
      return fail(`${name} is not supported by the sandbox.`);
  }
}

/** A series of f(value, previous value, time, previous time) from its second point on. */
function differences(s: TimeSeries, f: (v: number, pv: number, t: number, pt: number) => number, env: MathEnvironment): TimeSeries {
  const timestamps: number[] = [];
  const values: number[] = [];
  for (let i = 1; i < s.values.length; i++) {
    const value = f(s.values[i]!, s.values[i - 1]!, s.timestamps[i]!, s.timestamps[i - 1]!);
    if (Number.isFinite(value)) {
      timestamps.push(s.timestamps[i]!);
      values.push(value);
    } else {
      env.dropped.count++;
    }
  }
  return withPoints(s, timestamps, values);
}

/** FILL(m, value | REPEAT | LINEAR) over the series' grid; REPEAT and LINEAR leave gaps before the first value. */
function fill(s: TimeSeries, how: MathValue, env: MathEnvironment, fail: (message: string) => never): TimeSeries {
  const grid = env.grid(s.period);
  const known = new Map<number, number>();
  s.timestamps.forEach((t, i) => known.set(t, s.values[i]!));
  const timestamps: number[] = [];
  const values: number[] = [];
  if (how.kind === 'scalar' || how.kind === 'series') {
    const fillAt = (t: number): number | undefined => (how.kind === 'scalar' ? how.value : valueAt(how.series, t));
    for (const t of grid) {
      const v = known.get(t) ?? fillAt(t);
      if (v !== undefined) {
        timestamps.push(t);
        values.push(v);
      }
    }
    return withPoints(s, timestamps, values);
  }
  if (how.kind !== 'keyword') return fail('FILL fills with a number, a time series, REPEAT or LINEAR.');
  let previous: { t: number; v: number } | undefined;
  for (let i = 0; i < grid.length; i++) {
    const t = grid[i]!;
    const v = known.get(t);
    if (v !== undefined) {
      previous = { t, v };
      timestamps.push(t);
      values.push(v);
      continue;
    }
    if (previous === undefined) continue;
    if (how.word === 'REPEAT') {
      timestamps.push(t);
      values.push(previous.v);
      continue;
    }
    const nextIndex = grid.findIndex((g, j) => j > i && known.has(g));
    if (nextIndex < 0) continue;
    const next = { t: grid[nextIndex]!, v: known.get(grid[nextIndex]!)! };
    timestamps.push(t);
    values.push(previous.v + ((next.v - previous.v) * (t - previous.t)) / (next.t - previous.t));
  }
  return withPoints(s, timestamps, values);
}

function valueAt(series: TimeSeries, t: number): number | undefined {
  const i = series.timestamps.indexOf(t);
  return i < 0 ? undefined : series.values[i];
}

/** IF(condition, a[, b]): at each point of the condition, a where it is not 0, else b (or no point). */
function conditional(args: readonly MathValue[], env: MathEnvironment, fail: (message: string) => never): MathValue {
  const [condition, whenTrue, whenFalse] = args;
  const pick = (branch: MathValue | undefined, t: number): number | undefined => {
    if (branch === undefined) return undefined;
    if (branch.kind === 'scalar') return branch.value;
    if (branch.kind === 'series') return valueAt(branch.series, t);
    return fail('IF chooses between numbers and time series.');
  };
  if (condition?.kind === 'scalar') {
    const chosen = condition.value !== 0 ? whenTrue : whenFalse;
    return chosen ?? { kind: 'list', list: [] };
  }
  if (condition?.kind !== 'series') return fail('The condition of IF must be a time series or a number.');
  const timestamps: number[] = [];
  const values: number[] = [];
  condition.series.timestamps.forEach((t, i) => {
    const v = pick(condition.series.values[i] !== 0 ? whenTrue : whenFalse, t);
    if (v !== undefined) {
      timestamps.push(t);
      values.push(v);
    }
  });
  const template = whenTrue?.kind === 'series' ? whenTrue.series : condition.series;
  return { kind: 'series', series: { ...withPoints(template, timestamps, values), period: condition.series.period ?? env.defaultPeriod } };
}
