/** Reading comparison operators, shared by JSON and space-delimited patterns. */
import type { ComparisonOperator } from './ast';
import { fail } from './errors';
import type { Scanner } from './scanner';

/** Longest first, so `<=` is not read as `<`. */
const OPERATORS: readonly ComparisonOperator[] = ['!=', '<=', '>=', '=', '<', '>'];

/** Reads a comparison operator if one comes next; mistakes like `==` get their own message. */
export function readOperator(scanner: Scanner): ComparisonOperator | null {
  if (scanner.startsWith('==')) fail('Use a single "=" to compare, not "==".', scanner.pos, 2);
  for (const operator of OPERATORS) {
    if (scanner.accept(operator)) return operator;
  }
  if (scanner.peek() === '!') fail('Expected "!=" here; "!" on its own is not an operator.', scanner.pos);
  return null;
}

/** Reads `&&` or `||` if one comes next; a single `&` or `|` is a mistake. */
export function readLogicalOperator(scanner: Scanner): '&&' | '||' | null {
  if (scanner.accept('&&')) return '&&';
  if (scanner.accept('||')) return '||';
  const ch = scanner.peek();
  if (ch === '&' || ch === '|') fail(`Expected "${ch}${ch}"; a single "${ch}" is not an operator.`, scanner.pos);
  return null;
}
