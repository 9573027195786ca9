/**
 * Turns an expression of the syntax tree into a closure over a row, once per query, so that running it
 * on an event is a few calls rather than a walk of the tree. Types are tracked only as far as output
 * needs them: which values are timestamps (shown as dates).
 */
import type { CallExpression, Expression, TextPattern } from '../../../../shared/languages/insights';
import { isAggregateFunction } from '../../../../shared/languages/insights';
import { QueryCompileError } from './compile-error';
import type { Row } from './row';
import { SCALAR_FUNCTIONS } from './scalar-functions';
import { compareValues, isPresent, isTrue, toNumber, toText, type Value, type ValueType } from './values';

export type Evaluate = (row: Row) => Value;

export interface CompiledExpression {
  readonly evaluate: Evaluate;
  readonly type: ValueType;
}

export interface ExpressionScope {
  /** The type of a field as earlier commands left it. */
  typeOf(field: string): ValueType;
  /** Replaces an aggregate call (inside stats); without it, aggregates are refused. */
  aggregate?(call: CallExpression): CompiledExpression;
}

export function compileExpression(expression: Expression, scope: ExpressionScope): CompiledExpression {
  switch (expression.kind) {
    case 'field': {
      const { name } = expression;
      return { evaluate: (row) => row.get(name), type: scope.typeOf(name) };
    }
    case 'string':
    case 'number': {
      const { value } = expression;
      return { evaluate: () => value, type: 'other' };
    }
    case 'duration':
      throw new QueryCompileError('A time period is only allowed as the period of bin, datefloor or dateceil.', expression);
    case 'not': {
      const operand = compileExpression(expression.operand, scope).evaluate;
      return { evaluate: (row) => !isTrue(operand(row)), type: 'other' };
    }
    case 'negate': {
      const operand = compileExpression(expression.operand, scope).evaluate;
      return {
        evaluate: (row) => {
          const value = toNumber(operand(row));
          return value === undefined ? undefined : -value;
        },
        type: 'other',
      };
    }
    case 'logical': {
      const left = compileExpression(expression.left, scope).evaluate;
      const right = compileExpression(expression.right, scope).evaluate;
      const evaluate: Evaluate =
        expression.operator === 'and' ? (row) => isTrue(left(row)) && isTrue(right(row)) : (row) => isTrue(left(row)) || isTrue(right(row));
      return { evaluate, type: 'other' };
    }
    case 'comparison':
      return { evaluate: compileComparison(expression.operator, compileExpression(expression.left, scope).evaluate, compileExpression(expression.right, scope).evaluate), type: 'other' };
    case 'arithmetic':
      return { evaluate: compileArithmetic(expression.operator, compileExpression(expression.left, scope).evaluate, compileExpression(expression.right, scope).evaluate), type: 'other' };
    case 'match': {
      const subject = compileExpression(expression.subject, scope).evaluate;
      const matches = compileTextPattern(expression.pattern);
      const { negated } = expression;
      return {
        evaluate: (row) => {
          const text = toText(subject(row));
          if (text === undefined) return false;
          return matches(text) !== negated;
        },
        type: 'other',
      };
    }
    case 'in': {
      const subject = compileExpression(expression.subject, scope).evaluate;
      const values = expression.values.map((value) => compileExpression(value, scope).evaluate);
      const { negated } = expression;
      return {
        evaluate: (row) => {
          const value = subject(row);
          if (!isPresent(value)) return false;
          const found = values.some((candidate) => compareValues(value, candidate(row)) === 0);
          return found !== negated;
        },
        type: 'other',
      };
    }
    case 'call':
      return compileCall(expression, scope);
  }
}

/** A substring test or a regex test; `like "text"` is case-sensitive, as on AWS. */
export function compileTextPattern(pattern: TextPattern): (text: string) => boolean {
  if (pattern.kind === 'substring') {
    const needle = pattern.text;
    return (text) => text.includes(needle);
  }
  const regex = new RegExp(pattern.source, pattern.flags);
  return (text) => regex.test(text);
}

function compileComparison(operator: string, left: Evaluate, right: Evaluate): Evaluate {
  const test = (row: Row): number | undefined => compareValues(left(row), right(row));
  switch (operator) {
    case '=':
      return (row) => test(row) === 0;
    case '!=':
      return (row) => {
        const order = test(row);
        return order !== undefined && order !== 0;
      };
    case '<':
      return (row) => (test(row) ?? 0) < 0;
    case '>':
      return (row) => (test(row) ?? 0) > 0;
    case '<=':
      return (row) => {
        const order = test(row);
        return order !== undefined && order <= 0;
      };
    default:
      return (row) => {
        const order = test(row);
        return order !== undefined && order >= 0;
      };
  }
}

function compileArithmetic(operator: string, left: Evaluate, right: Evaluate): Evaluate {
  const apply = ARITHMETIC[operator] as (a: number, b: number) => number;
  return (row) => {
    const a = toNumber(left(row));
    if (a === undefined) return undefined;
    const b = toNumber(right(row));
    if (b === undefined) return undefined;
    const result = apply(a, b);
    return Number.isFinite(result) ? result : undefined;
  };
}

const ARITHMETIC: Readonly<Record<string, (a: number, b: number) => number>> = {
  '+': (a, b) => a + b,
  '-': (a, b) => a - b,
  '*': (a, b) => a * b,
  '/': (a, b) => a / b,
  '%': (a, b) => a % b,
  '^': (a, b) => a ** b,
};

function compileCall(call: CallExpression, scope: ExpressionScope): CompiledExpression {
  if (isAggregateFunction(call.name)) {
    if (scope.aggregate === undefined) throw new QueryCompileError(`The aggregate function ${call.name} is only allowed in stats.`, call.nameSpan);
    return scope.aggregate(call);
  }
  const implementation = SCALAR_FUNCTIONS[call.name];
  if (implementation === undefined) throw new QueryCompileError(`The function ${call.name} is not supported.`, call.nameSpan);
  return implementation(call, (argument) => compileExpression(argument, scope));
}
