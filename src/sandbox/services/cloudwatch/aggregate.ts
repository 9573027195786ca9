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

export class PeriodAggregate {
  count = 0;
  sum = 0;
  minimum = Infinity;
  maximum = -Infinity;
  private values: number[] = [];
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
    if (count !== 1 && this.counts === undefined) this.counts = this.values.map(() => 1);
    this.values.push(value);
    this.counts?.push(count);
    this.sorted = undefined;
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
    this.sorted ??= SortedSample.of(this.values, this.counts);
    return computeStatistic(statistic, this.sorted);
  }
}
