/**
 * The general, string, numeric and datetime functions, as the "Boolean, comparison, numeric, datetime,
 * and other functions" page defines them. A missing argument makes most functions' result missing too.
 */
import type { CallExpression, Duration, Expression } from '../../../../shared/languages/insights';
import type { CompiledExpression, Evaluate } from './compile-expression';
import { ceilToPeriod, floorToPeriod } from './time-periods';
import { isPresent, toNumber, toText, type Value } from './values';

type CompileArgument = (argument: Expression) => CompiledExpression;
type ScalarFunction = (call: CallExpression, compile: CompileArgument) => CompiledExpression;

const other = (evaluate: Evaluate): CompiledExpression => ({ evaluate, type: 'other' });
const timestamp = (evaluate: Evaluate): CompiledExpression => ({ evaluate, type: 'timestamp' });

function argumentsOf(call: CallExpression, compile: CompileArgument): Evaluate[] {
  return call.args.map((argument) => compile(argument).evaluate);
}

/** A function of one text argument. */
function text(transform: (value: string) => Value): ScalarFunction {
  return (call, compile) => {
    const [argument] = argumentsOf(call, compile) as [Evaluate];
    return other((row) => {
      const value = toText(argument(row));
      return value === undefined ? undefined : transform(value);
    });
  };
}

/** A function of one number. */
function numeric(transform: (value: number) => number): ScalarFunction {
  return (call, compile) => {
    const [argument] = argumentsOf(call, compile) as [Evaluate];
    return other((row) => {
      const value = toNumber(argument(row));
      if (value === undefined) return undefined;
      const result = transform(value);
      return Number.isFinite(result) ? result : undefined;
    });
  };
}

/** A function of any number of numbers; missing ones are skipped. */
function numbers(combine: (values: number[]) => number): ScalarFunction {
  return (call, compile) => {
    const args = argumentsOf(call, compile);
    return other((row) => {
      const values: number[] = [];
      for (const argument of args) {
        const value = toNumber(argument(row));
        if (value !== undefined) values.push(value);
      }
      return values.length === 0 ? undefined : combine(values);
    });
  };
}

function periodOf(call: CallExpression): Duration {
  const period = call.args[call.args.length - 1] as Expression;
  if (period.kind !== 'duration') throw new Error('the parser guarantees a period');
  return period.duration;
}

/** Milliseconds from a timestamp, a number of milliseconds, or a date text. */
function timeOf(value: Value): number | undefined {
  const number = toNumber(value);
  if (number !== undefined) return number;
  if (typeof value !== 'string') return undefined;
  const parsed = Date.parse(value.includes('T') || value.endsWith('Z') ? value : `${value.replace(' ', 'T')}Z`);
  return Number.isNaN(parsed) ? undefined : parsed;
}

function rounding(round: (ms: number, period: Duration) => number): ScalarFunction {
  return (call, compile) => {
    const source = compile(call.args[0] as Expression).evaluate;
    const period = periodOf(call);
    return timestamp((row) => {
      const ms = timeOf(source(row));
      return ms === undefined ? undefined : round(ms, period);
    });
  };
}

export const SCALAR_FUNCTIONS: Readonly<Record<string, ScalarFunction>> = {
  ispresent: (call, compile) => {
    const [argument] = argumentsOf(call, compile) as [Evaluate];
    return other((row) => isPresent(argument(row)));
  },
  coalesce: (call, compile) => {
    const compiled = call.args.map(compile);
    const args = compiled.map((argument) => argument.evaluate);
    return {
      evaluate: (row) => {
        for (const argument of args) {
          const value = argument(row);
          if (isPresent(value)) return value;
        }
        return undefined;
      },
      type: compiled.every((argument) => argument.type === 'timestamp') ? 'timestamp' : 'other',
    };
  },
  strlen: text((value) => value.length),
  toupper: text((value) => value.toUpperCase()),
  tolower: text((value) => value.toLowerCase()),
  trim: text((value) => value.trim()),
  ltrim: text((value) => value.trimStart()),
  rtrim: text((value) => value.trimEnd()),
  isempty: (call, compile) => {
    const [argument] = argumentsOf(call, compile) as [Evaluate];
    return other((row) => ((toText(argument(row)) ?? '') === '' ? 1 : 0));
  },
  isblank: (call, compile) => {
    const [argument] = argumentsOf(call, compile) as [Evaluate];
    return other((row) => ((toText(argument(row)) ?? '').trim() === '' ? 1 : 0));
  },
  concat: (call, compile) => {
    const args = argumentsOf(call, compile);
    return other((row) => args.map((argument) => toText(argument(row)) ?? '').join(''));
  },
  substr: (call, compile) => {
    const [source, start, length] = argumentsOf(call, compile) as [Evaluate, Evaluate, Evaluate | undefined];
    return other((row) => {
      const value = toText(source(row));
      const from = toNumber(start(row));
      if (value === undefined || from === undefined) return undefined;
      const begin = Math.max(0, Math.trunc(from));
      if (length === undefined) return value.slice(begin);
      const count = toNumber(length(row));
      return count === undefined ? undefined : value.slice(begin, begin + Math.max(0, Math.trunc(count)));
    });
  },
  replace: (call, compile) => {
    const [source, search, replacement] = argumentsOf(call, compile) as [Evaluate, Evaluate, Evaluate];
    return other((row) => {
      const value = toText(source(row));
      const needle = toText(search(row));
      if (value === undefined || needle === undefined) return undefined;
      return needle === '' ? value : value.split(needle).join(toText(replacement(row)) ?? '');
    });
  },
  strcontains: (call, compile) => {
    const [source, search] = argumentsOf(call, compile) as [Evaluate, Evaluate];
    return other((row) => {
      const value = toText(source(row));
      const needle = toText(search(row));
      if (value === undefined || needle === undefined) return undefined;
      return value.includes(needle) ? 1 : 0;
    });
  },
  abs: numeric(Math.abs),
  ceil: numeric(Math.ceil),
  floor: numeric(Math.floor),
  log: numeric(Math.log),
  sqrt: numeric(Math.sqrt),
  greatest: numbers((values) => Math.max(...values)),
  least: numbers((values) => Math.min(...values)),
  bin: (call) => {
    const period = periodOf(call);
    return timestamp((row) => {
      const ms = toNumber(row.get('@timestamp'));
      return ms === undefined ? undefined : floorToPeriod(ms, period);
    });
  },
  datefloor: rounding(floorToPeriod),
  dateceil: rounding(ceilToPeriod),
  frommillis: (call, compile) => {
    const [argument] = argumentsOf(call, compile) as [Evaluate];
    return timestamp((row) => toNumber(argument(row)));
  },
  tomillis: (call, compile) => {
    const [argument] = argumentsOf(call, compile) as [Evaluate];
    return other((row) => timeOf(argument(row)));
  },
};
