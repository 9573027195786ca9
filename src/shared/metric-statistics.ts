/**
 * CloudWatch statistics ("CloudWatch statistics definitions" in the CloudWatch User Guide,
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/Statistics-definitions.html): their names as
 * people and the API write them, and how each is computed from a period's raw values. Shared so the
 * sandbox's answers, the app's forms and the app's backtests agree.
 *
 * - SampleCount, Sum, Average, Minimum, Maximum: from any data, statistic sets included.
 * - pNN / pNN.NN: percentile, 0 to 100 with up to 10 decimals. Nearest rank: the smallest value with at least
 *   NN% of the samples at or below it.
 * - TM, WM, TC, TS (trimmed mean, winsorized mean, trimmed count, trimmed sum): `tm90` (= `TM(:90%)`),
 *   `TM(10%:90%)` (percent bounds: that share of the samples by rank) or `TM(150:1000)` (absolute bounds: values > 150 and <= 1000).
 *   Either bound may be left out. IQM is `TM(25%:75%)`.
 * - PR(a:b), percentile rank: the percentage of values > a and <= b; `PR(:300)`, `PR(100:)`.
 *
 * Everything but the first five needs the raw values: AWS computes them only from values published one by
 * one (Value, or Values with Counts), not from statistic sets, except a set whose values are all equal.
 */

export type StandardStatistic = 'SampleCount' | 'Sum' | 'Average' | 'Minimum' | 'Maximum';

export const STANDARD_STATISTICS: readonly StandardStatistic[] = ['SampleCount', 'Average', 'Sum', 'Minimum', 'Maximum'];

export type TrimmedFamily = 'TM' | 'WM' | 'TC' | 'TS';

/** One end of a trimmed range: a percentage of the samples (by rank) or an absolute value. */
export interface StatisticBound {
  readonly value: number;
  readonly percent: boolean;
}

export type Statistic =
  | { readonly kind: 'standard'; readonly name: StandardStatistic }
  | { readonly kind: 'percentile'; readonly percent: number }
  | {
      readonly kind: 'trimmed';
      readonly family: TrimmedFamily;
      readonly lower: StatisticBound | undefined;
      readonly upper: StatisticBound | undefined;
    }
  | { readonly kind: 'percentileRank'; readonly lower: number | undefined; readonly upper: number | undefined };

export type StatisticParseResult =
  | { readonly ok: true; readonly statistic: Statistic }
  | { readonly ok: false; readonly message: string };

const NUMBER = String.raw`-?\d+(?:\.\d{1,10})?`;
const PERCENTILE = /^p(\d+(?:\.\d+)?)$/i;
const SHORT_TRIMMED = /^(tm|wm|tc|ts)(\d+(?:\.\d+)?)$/i;
const RANGE_FORM = new RegExp(`^(tm|wm|tc|ts|pr)\\((?:(${NUMBER})(%)?)?:(?:(${NUMBER})(%)?)?\\)$`, 'i');
const DECIMALS = /^\d+(?:\.\d{1,10})?$/;

function isStandard(text: string): text is StandardStatistic {
  return (STANDARD_STATISTICS as readonly string[]).includes(text);
}

/** A percentage as statistics take it: 0 to 100, at most 10 decimals. */
function percentage(text: string): number | undefined {
  if (!DECIMALS.test(text)) return undefined;
  const value = Number(text);
  return value >= 0 && value <= 100 ? value : undefined;
}

const HINT =
  'Use SampleCount, Average, Sum, Minimum, Maximum, a percentile such as p99 or p99.9, tm90, TM(10%:90%), wm90, tc90, ts90, PR(:300) or IQM.';

/** Reads a statistic as the API takes it (`Average`, `p99.9`, `TM(10%:90%)`, `IQM`). */
export function parseStatistic(text: string): StatisticParseResult {
  if (isStandard(text)) return { ok: true, statistic: { kind: 'standard', name: text } };
  if (text.toUpperCase() === 'IQM') return { ok: true, statistic: IQM };
  const percentile = PERCENTILE.exec(text);
  if (percentile !== null) {
    const percent = percentage(percentile[1]!);
    return percent === undefined
      ? { ok: false, message: `The percentile in ${text} must be between 0 and 100, with at most 10 decimal places.` }
      : { ok: true, statistic: { kind: 'percentile', percent } };
  }
  const short = SHORT_TRIMMED.exec(text);
  if (short !== null) {
    const percent = percentage(short[2]!);
    if (percent === undefined) return { ok: false, message: `The percentage in ${text} must be between 0 and 100, with at most 10 decimal places.` };
    return { ok: true, statistic: { kind: 'trimmed', family: short[1]!.toUpperCase() as TrimmedFamily, lower: undefined, upper: { value: percent, percent: true } } };
  }
  const range = RANGE_FORM.exec(text);
  if (range !== null) return parseRange(text, range);
  if (/^pr\d/i.test(text)) return { ok: false, message: `Percentile rank takes its bounds in parentheses, e.g. PR(:300) or PR(100:2000); got ${text}.` };
  const known = STANDARD_STATISTICS.find((name) => name.toLowerCase() === text.toLowerCase());
  if (known !== undefined) return { ok: false, message: `Statistic names are case-sensitive: ${text} should be ${known}.` };
  return { ok: false, message: `${text === '' ? 'The statistic is empty' : `${text} is not a statistic`}. ${HINT}` };
}

function parseRange(text: string, match: RegExpExecArray): StatisticParseResult {
  const family = match[1]!.toUpperCase();
  const [lowerText, lowerPercent, upperText, upperPercent] = [match[2], match[3] === '%', match[4], match[5] === '%'];
  if (lowerText === undefined && upperText === undefined) return { ok: false, message: `${text} needs at least one bound, e.g. ${family}(:90%).` };
  if (family === 'PR') {
    if (lowerPercent || upperPercent) return { ok: false, message: `Percentile rank bounds are values, not percentages: ${text}.` };
    const lower = lowerText === undefined ? undefined : Number(lowerText);
    const upper = upperText === undefined ? undefined : Number(upperText);
    if (lower !== undefined && upper !== undefined && lower >= upper) return { ok: false, message: `In ${text} the lower bound must be below the upper bound.` };
    return { ok: true, statistic: { kind: 'percentileRank', lower, upper } };
  }
  if (lowerText !== undefined && upperText !== undefined && lowerPercent !== upperPercent) {
    return { ok: false, message: `Both bounds of ${text} must be percentages, or both values.` };
  }
  const bound = (value: string | undefined, percent: boolean): StatisticBound | undefined | 'invalid' => {
    if (value === undefined) return undefined;
    if (!percent) return { value: Number(value), percent };
    const checked = percentage(value);
    return checked === undefined ? 'invalid' : { value: checked, percent };
  };
  const lower = bound(lowerText, lowerPercent);
  const upper = bound(upperText, upperPercent);
  if (lower === 'invalid' || upper === 'invalid') return { ok: false, message: `The percentages in ${text} must be between 0 and 100.` };
  if (lower !== undefined && upper !== undefined && lower.value >= upper.value) return { ok: false, message: `In ${text} the lower bound must be below the upper bound.` };
  return { ok: true, statistic: { kind: 'trimmed', family: family as TrimmedFamily, lower, upper } };
}

const IQM: Statistic = { kind: 'trimmed', family: 'TM', lower: { value: 25, percent: true }, upper: { value: 75, percent: true } };

/** Whether the API calls it an extended statistic (GetMetricStatistics' ExtendedStatistics): all but the five. */
export function isExtendedStatistic(statistic: Statistic): boolean {
  return statistic.kind !== 'standard';
}

/** The summary of a period that any data has, statistic sets included. */
export interface StatisticSummary {
  readonly sampleCount: number;
  readonly sum: number;
  readonly minimum: number;
  readonly maximum: number;
}

export function standardStatistic(name: StandardStatistic, summary: StatisticSummary): number {
  switch (name) {
    case 'SampleCount':
      return summary.sampleCount;
    case 'Sum':
      return summary.sum;
    case 'Average':
      return summary.sum / summary.sampleCount;
    case 'Minimum':
      return summary.minimum;
    case 'Maximum':
      return summary.maximum;
  }
}

/**
 * A period's raw values in ascending order with running totals, so that every statistic is a binary search.
 * Counts may be fractional (PutMetricData's Counts are doubles); a value's count is its weight.
 */
export class SortedSample {
  /** cumulativeCount[i]: the count of values[0..i]; undefined while every count is 1 (then it is i + 1). */
  private readonly cumulativeCount: Float64Array | undefined;
  /** cumulativeSum[i]: the sum of values[0..i], each times its count; built when first needed. */
  private cumulativeSumCache: Float64Array | undefined;

  private constructor(
    readonly values: Float64Array,
    private readonly sortedCounts: Float64Array | undefined,
  ) {
    if (sortedCounts !== undefined) {
      this.cumulativeCount = new Float64Array(values.length);
      let count = 0;
      for (let i = 0; i < values.length; i++) this.cumulativeCount[i] = count += sortedCounts[i]!;
    }
  }

  /** Takes ownership of `values` (each occurring once) and sorts them in place: no copy. */
  static sortInPlace(values: Float64Array): SortedSample {
    return new SortedSample(values.sort(), undefined);
  }

  /** From values and, optionally, how many times each occurred (default 1). */
  static of(values: ArrayLike<number>, counts?: ArrayLike<number>): SortedSample {
    if (counts === undefined) return new SortedSample(new Float64Array(values as ArrayLike<number> & Iterable<number>).sort(), undefined);
    const order = Array.from({ length: values.length }, (_, i) => i).sort((a, b) => values[a]! - values[b]!);
    return new SortedSample(
      Float64Array.from(order, (i) => values[i]!),
      Float64Array.from(order, (i) => counts[i]!),
    );
  }

  private countThrough(i: number): number {
    return this.cumulativeCount === undefined ? i + 1 : this.cumulativeCount[i]!;
  }

  private get cumulativeSum(): Float64Array {
    if (this.cumulativeSumCache === undefined) {
      const sums = new Float64Array(this.values.length);
      let sum = 0;
      for (let i = 0; i < this.values.length; i++) sums[i] = sum += this.values[i]! * (this.sortedCounts?.[i] ?? 1);
      this.cumulativeSumCache = sums;
    }
    return this.cumulativeSumCache;
  }

  get count(): number {
    return this.values.length === 0 ? 0 : this.countThrough(this.values.length - 1);
  }

  get sum(): number {
    return this.values.length === 0 ? 0 : this.cumulativeSum[this.values.length - 1]!;
  }

  /** The index of the value holding weight position `rank` (the first with cumulative count >= rank). */
  private indexAtRank(rank: number): number {
    if (this.cumulativeCount === undefined) return Math.min(this.values.length - 1, Math.max(0, Math.ceil(rank) - 1));
    let low = 0;
    let high = this.values.length - 1;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.cumulativeCount[mid]! >= rank) high = mid;
      else low = mid + 1;
    }
    return low;
  }

  /** The value at a rank (1-based, by count). */
  valueAtRank(rank: number): number {
    return this.values[this.indexAtRank(rank)]!;
  }

  /** The sum of the lowest `rank` samples by weight (a value split at the boundary counts in part). */
  sumBelowRank(rank: number): number {
    if (rank <= 0) return 0;
    if (rank >= this.count) return this.sum;
    const i = this.indexAtRank(rank);
    const before = i === 0 ? 0 : this.countThrough(i - 1);
    const sumBefore = i === 0 ? 0 : this.cumulativeSum[i - 1]!;
    return sumBefore + (rank - before) * this.values[i]!;
  }

  /** The count of samples whose value is <= x. */
  countAtOrBelow(x: number): number {
    let low = 0;
    let high = this.values.length;
    while (low < high) {
      const mid = (low + high) >>> 1;
      if (this.values[mid]! <= x) low = mid + 1;
      else high = mid;
    }
    return low === 0 ? 0 : this.countThrough(low - 1);
  }
}

/** Nearest rank of a percentage of n samples: ceil(p·n/100), at least 1 (tolerating float error). */
function rankOf(percent: number, n: number): number {
  return Math.min(n, Math.max(1, Math.ceil((percent * n) / 100 - 1e-9)));
}

/**
 * The kept part of a trimmed range, as weight positions (low, high]: a percentage bound cuts at exactly that
 * share of the samples (a sample straddling the cut counts in part, so IQM of 1..10 is 5.5, the mean of the
 * middle five); a value bound cuts after the samples at or below it.
 */
function trimmedRanks(sample: SortedSample, lower: StatisticBound | undefined, upper: StatisticBound | undefined): { low: number; high: number } {
  const n = sample.count;
  const at = (bound: StatisticBound): number => (bound.percent ? (bound.value * n) / 100 : sample.countAtOrBelow(bound.value));
  const low = lower === undefined ? 0 : at(lower);
  const high = upper === undefined ? n : at(upper);
  return { low, high: Math.max(low, high) };
}

/**
 * A statistic of a period's raw values; undefined when there is nothing to compute it from (no samples, or
 * a trimmed range that keeps none), as CloudWatch then returns no datapoint.
 */
export function computeStatistic(statistic: Statistic, sample: SortedSample): number | undefined {
  const n = sample.count;
  if (n <= 0) return undefined;
  switch (statistic.kind) {
    case 'standard':
      return standardStatistic(statistic.name, {
        sampleCount: n,
        sum: sample.sum,
        minimum: sample.values[0]!,
        maximum: sample.values[sample.values.length - 1]!,
      });
    case 'percentile':
      return sample.valueAtRank(rankOf(statistic.percent, n));
    case 'percentileRank': {
      const above = statistic.lower === undefined ? 0 : sample.countAtOrBelow(statistic.lower);
      const atOrBelow = statistic.upper === undefined ? n : sample.countAtOrBelow(statistic.upper);
      return (100 * Math.max(0, atOrBelow - above)) / n;
    }
    case 'trimmed':
      return trimmed(statistic.family, statistic.lower, statistic.upper, sample);
  }
}

function trimmed(family: TrimmedFamily, lower: StatisticBound | undefined, upper: StatisticBound | undefined, sample: SortedSample): number | undefined {
  const { low, high } = trimmedRanks(sample, lower, upper);
  const keptCount = high - low;
  const keptSum = sample.sumBelowRank(high) - sample.sumBelowRank(low);
  switch (family) {
    case 'TC':
      return keptCount;
    case 'TS':
      return keptCount > 0 ? keptSum : undefined;
    case 'TM':
      return keptCount > 0 ? keptSum / keptCount : undefined;
    case 'WM': {
      if (keptCount <= 0) return undefined;
      // Values beyond a bound count as the value at that edge of the kept range.
      const lowEdge = sample.valueAtRank(low + 1e-9);
      const highEdge = sample.valueAtRank(high);
      return (keptSum + low * lowEdge + (sample.count - high) * highEdge) / sample.count;
    }
  }
}

/** How the API spells a parsed statistic (canonical: `p99`, `TM(10%:90%)`, `IQM` becomes `TM(25%:75%)`). */
export function formatStatistic(statistic: Statistic): string {
  switch (statistic.kind) {
    case 'standard':
      return statistic.name;
    case 'percentile':
      return `p${statistic.percent}`;
    case 'percentileRank':
      return `PR(${statistic.lower ?? ''}:${statistic.upper ?? ''})`;
    case 'trimmed': {
      const bound = (b: StatisticBound | undefined): string => (b === undefined ? '' : `${b.value}${b.percent ? '%' : ''}`);
      return `${statistic.family}(${bound(statistic.lower)}:${bound(statistic.upper)})`;
    }
  }
}
