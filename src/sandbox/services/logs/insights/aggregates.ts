/**
 * The stats functions: one accumulator per group and aggregation, fed every row of its group. count_distinct
 * and pct are exact here (AWS approximates them over very many values).
 */
import type { CallExpression, Expression } from '../../../../shared/languages/insights';
import { QueryCompileError } from './compile-error';
import type { CompiledExpression, Evaluate } from './compile-expression';
import type { Row } from './row';
import { compareValues, groupKey, isPresent, toNumber, type Value, type ValueType } from './values';

export interface Accumulator {
  add(row: Row): void;
  result(): Value;
}

export interface CompiledAggregate {
  readonly create: () => Accumulator;
  readonly type: ValueType;
}

type CompileArgument = (argument: Expression) => CompiledExpression;

export function compileAggregate(call: CallExpression, compile: CompileArgument): CompiledAggregate {
  if (call.name === 'count' && (call.star || call.args.length === 0)) return { create: () => new CountAll(), type: 'other' };
  const argument = compile(call.args[0] as Expression);
  const value = argument.evaluate;
  switch (call.name) {
    case 'count':
      return { create: () => new CountPresent(value), type: 'other' };
    case 'count_distinct':
      return { create: () => new CountDistinct(value), type: 'other' };
    case 'sum':
      return { create: () => new Total(value, false), type: 'other' };
    case 'avg':
      return { create: () => new Total(value, true), type: 'other' };
    case 'min':
      return { create: () => new Extreme(value, -1), type: argument.type };
    case 'max':
      return { create: () => new Extreme(value, 1), type: argument.type };
    case 'stddev':
      return { create: () => new StandardDeviation(value), type: 'other' };
    case 'pct': {
      const percentile = percentileOf(call);
      return { create: () => new Percentile(value, percentile), type: argument.type };
    }
    case 'earliest':
      return { create: () => new ByTime(value, -1), type: argument.type };
    case 'latest':
      return { create: () => new ByTime(value, 1), type: argument.type };
    default:
      throw new QueryCompileError(`The aggregate function ${call.name} is not supported.`, call.nameSpan);
  }
}

function percentileOf(call: CallExpression): number {
  const argument = call.args[1] as Expression;
  const percentile = argument.kind === 'number' ? argument.value : Number.NaN;
  if (!(percentile >= 0 && percentile <= 100)) throw new QueryCompileError('The percentile of pct is a number from 0 to 100.', argument);
  return percentile;
}

class CountAll implements Accumulator {
  private count = 0;
  add(): void {
    this.count++;
  }
  result(): Value {
    return this.count;
  }
}

class CountPresent implements Accumulator {
  private count = 0;
  constructor(private readonly value: Evaluate) {}
  add(row: Row): void {
    if (isPresent(this.value(row))) this.count++;
  }
  result(): Value {
    return this.count;
  }
}

class CountDistinct implements Accumulator {
  private readonly seen = new Set<string>();
  constructor(private readonly value: Evaluate) {}
  add(row: Row): void {
    const value = this.value(row);
    if (isPresent(value)) this.seen.add(groupKey(value));
  }
  result(): Value {
    return this.seen.size;
  }
}

/** sum (or, with `mean`, avg) of the values that read as numbers; missing when there are none. */
class Total implements Accumulator {
  private sum = 0;
  private count = 0;
  constructor(
    private readonly value: Evaluate,
    private readonly mean: boolean,
  ) {}
  add(row: Row): void {
    const value = toNumber(this.value(row));
    if (value === undefined) return;
    this.sum += value;
    this.count++;
  }
  result(): Value {
    if (this.count === 0) return undefined;
    return this.mean ? this.sum / this.count : this.sum;
  }
}

/** min (direction -1) or max (1): numbers compare as numbers, else as text. */
class Extreme implements Accumulator {
  private best: Value;
  constructor(
    private readonly value: Evaluate,
    private readonly direction: -1 | 1,
  ) {}
  add(row: Row): void {
    const value = this.value(row);
    if (!isPresent(value)) return;
    if (this.best === undefined || (compareValues(value, this.best) as number) * this.direction > 0) this.best = value;
  }
  result(): Value {
    return this.best;
  }
}

/** Sample standard deviation (Welford's method: one pass, no stored values). */
class StandardDeviation implements Accumulator {
  private count = 0;
  private mean = 0;
  private squares = 0;
  constructor(private readonly value: Evaluate) {}
  add(row: Row): void {
    const value = toNumber(this.value(row));
    if (value === undefined) return;
    this.count++;
    const delta = value - this.mean;
    this.mean += delta / this.count;
    this.squares += delta * (value - this.mean);
  }
  result(): Value {
    if (this.count === 0) return undefined;
    return this.count === 1 ? 0 : Math.sqrt(this.squares / (this.count - 1));
  }
}

/** The nearest-rank percentile: the smallest value with at least p% of values at or below it. */
class Percentile implements Accumulator {
  private readonly values: number[] = [];
  constructor(
    private readonly value: Evaluate,
    private readonly percentile: number,
  ) {}
  add(row: Row): void {
    const value = toNumber(this.value(row));
    if (value !== undefined) this.values.push(value);
  }
  result(): Value {
    if (this.values.length === 0) return undefined;
    const sorted = Float64Array.from(this.values).sort();
    const rank = Math.max(1, Math.ceil((this.percentile / 100) * sorted.length));
    return sorted[rank - 1];
  }
}

/**
 * earliest (-1) or latest (1): the value from the row with the earliest or latest @timestamp; rows
 * without one (after an earlier stats) count in the order they come.
 */
class ByTime implements Accumulator {
  private best: Value;
  private bestTime = Number.NaN;
  constructor(
    private readonly value: Evaluate,
    private readonly direction: -1 | 1,
  ) {}
  add(row: Row): void {
    const value = this.value(row);
    if (!isPresent(value)) return;
    const time = toNumber(row.get('@timestamp')) ?? Number.NaN;
    // Ties (and rows without a time) go to the later row for latest, the earlier one for earliest.
    const better = this.direction > 0 ? !(time < this.bestTime) : time < this.bestTime;
    if (this.best === undefined || better) {
      this.best = value;
      this.bestTime = time;
    }
  }
  result(): Value {
    return this.best;
  }
}
