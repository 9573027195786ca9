/**
 * What one period of one metric holds while a query adds its data up: the summary every datum has
 * (count, sum, minimum, maximum) and, while every datum came with its raw values, those values, so the
 * percentile family can be computed. A statistic set adds only to the summary (AWS cannot compute
 * percentiles from it), unless all its values are equal (SampleCount 1, or Minimum = Maximum and
 * Sum = Minimum × SampleCount): then it is that value, SampleCount times.
 */
import { computeStatistic, SortedSample, standardStatistic, type Statistic } from '../../../shared/metric-statistics';

export interface StatisticSet {
  readonly sampleCount: number;
  readonly sum: number;
  readonly minimum: number;
  readonly maximum: number;
}

const EMPTY = new Float64Array(0);

export class PeriodAggregate {
  count = 0;
  sum = 0;
  minimum = Infinity;
  maximum = -Infinity;
  /** The raw values, in `values[0..length)`; grown by doubling. */
  private values = EMPTY;
  private length = 0;
  private counts: number[] | undefined;
  /** Whether every datum so far came with raw values. */
  private raw = true;
  private sorted: SortedSample | undefined;

  get isEmpty(): boolean {
    return this.count === 0;
  }

  addValue(value: number, count = 1): void {
    if (count <= 0) return;
    this.count += count;
    this.sum += value * count;
    if (value < this.minimum) this.minimum = value;
    if (value > this.maximum) this.maximum = value;
    if (count !== 1 && this.counts === undefined) this.counts = Array.from({ length: this.length }, () => 1);
    if (this.length === this.values.length) this.reserve(Math.max(8, this.length));
    this.values[this.length++] = value;
    this.counts?.push(count);
    this.sorted = undefined;
  }

  /** Adds values that each occurred once (a datum's Values without Counts, or a Value). */
  addValues(values: readonly number[]): void {
    if (this.counts !== undefined) {
      for (const value of values) this.addValue(value);
      return;
    }
    if (this.length + values.length > this.values.length) this.reserve(Math.max(values.length, this.length));
    for (let i = 0; i < values.length; i++) {
      const value = values[i]!;
      this.sum += value;
      if (value < this.minimum) this.minimum = value;
      if (value > this.maximum) this.maximum = value;
      this.values[this.length++] = value;
    }
    this.count += values.length;
    this.sorted = undefined;
  }

  /** Room for `more` further values. */
  private reserve(more: number): void {
    const grown = new Float64Array(this.length + more);
    grown.set(this.values.subarray(0, this.length));
    this.values = grown;
  }

  addSet(set: StatisticSet): void {
    const uniform = set.minimum === set.maximum && set.sum === set.minimum * set.sampleCount;
    if (uniform || set.sampleCount === 1) {
      this.addValue(set.minimum, set.sampleCount);
      return;
    }
    this.count += set.sampleCount;
    this.sum += set.sum;
    this.minimum = Math.min(this.minimum, set.minimum);
    this.maximum = Math.max(this.maximum, set.maximum);
    this.raw = false;
  }

  /** The statistic of this period, or undefined when the data cannot give it. */
  statistic(statistic: Statistic): number | undefined {
    if (this.count === 0) return undefined;
    if (statistic.kind === 'standard') {
      return standardStatistic(statistic.name, { sampleCount: this.count, sum: this.sum, minimum: this.minimum, maximum: this.maximum });
    }
    if (!this.raw) return undefined;
    // Sorting in place keeps the values and their counts apart, so only the count-free case may do it.
    this.sorted ??= this.counts === undefined ? SortedSample.sortInPlace(this.values.subarray(0, this.length)) : SortedSample.of(this.values.subarray(0, this.length), this.counts);
    return computeStatistic(statistic, this.sorted);
  }
}
