/**
 * Comparison values shared by JSON and space-delimited patterns: numbers, strings with `*`
 * wildcards, and `%regex%`; and how a value compares with a field from a log event.
 */
import type { ComparisonOperator, Value, WildcardMode } from './ast';
import { fail, quote } from './errors';
import { compileRegex } from './regex';
import type { Scanner } from './scanner';

/** AWS allows at most 2 regexes in one JSON or space-delimited filter pattern. */
export const MAX_REGEXES_PER_PATTERN = 2;

/** Counts the regexes of one pattern as they are parsed. */
export interface RegexBudget {
  used: number;
}

/** AWS number syntax: optional sign, integer or decimal, optional exponent (`10e-3`, `1e+3`, `+1000`, `55.5`). */
const NUMBER_LITERAL = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?$/;
/**
 * A field from a log event counts as a number only in plain decimal form; the AWS docs note that
 * strings don't support scientific notation.
 */
const NUMERIC_FIELD = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)$/;
/** Characters an unquoted value may contain; anything else must be in double quotes (AWS docs). */
const UNQUOTED_CHAR = /[A-Za-z0-9_.*+-]/;

export function isOrderingOperator(operator: ComparisonOperator): boolean {
  return operator !== '=' && operator !== '!=';
}

/** `operator` is the operator just read, for the message when the value is missing. */
export function parseValue(
  scanner: Scanner,
  operator: ComparisonOperator,
  isTerminator: (ch: string) => boolean,
  budget: RegexBudget,
): Value {
  const start = scanner.pos;
  const ch = scanner.peek();
  if (ch === '"') return stringValue(scanner.readQuoted());
  if (ch === '%') {
    budget.used++;
    if (budget.used > MAX_REGEXES_PER_PATTERN) {
      fail(`A filter pattern can contain at most ${MAX_REGEXES_PER_PATTERN} regular expressions.`, start);
    }
    const source = scanner.readRegexSource();
    return { type: 'regex', regex: compileRegex(source, start) };
  }
  while (!scanner.atEnd() && UNQUOTED_CHAR.test(scanner.peek())) scanner.pos++;
  const text = scanner.text.slice(start, scanner.pos);
  if (!scanner.atEnd() && !/\s/.test(scanner.peek()) && !isTerminator(scanner.peek())) {
    let end = scanner.pos;
    while (end < scanner.text.length && !/\s/.test(scanner.text.charAt(end)) && !isTerminator(scanner.text.charAt(end))) end++;
    const word = scanner.text.slice(start, end);
    const example = word.includes('"') ? '' : `, e.g. "${word}"`;
    fail(
      `Values containing "${scanner.peek()}" must be in double quotes${example}; unquoted values can only contain letters, digits and _ . * + -.`,
      scanner.pos,
    );
  }
  if (text === '') {
    return fail(`Expected a value after "${operator}": a number, a string or a %regex%.`, start, scanner.atEnd() ? 0 : 1);
  }
  if (NUMBER_LITERAL.test(text)) return { type: 'number', value: Number(text), text };
  return stringValue(text);
}

/** Checks that an ordering operator (`<` and friends) got a number. */
export function requireNumberFor(operator: ComparisonOperator, value: Value, valueOffset: number, valueLength: number): void {
  if (isOrderingOperator(operator) && value.type !== 'number') {
    const shown = value.type === 'regex' ? `%${value.regex.source}%` : value.text;
    fail(`"${operator}" compares numbers; expected a number after it, not ${quote(shown)}.`, valueOffset, Math.max(valueLength, 1));
  }
}

function stringValue(text: string): Value {
  const leading = text.startsWith('*');
  const trailing = text.length > 1 && text.endsWith('*');
  let mode: WildcardMode = 'exact';
  if (/^\*+$/.test(text)) mode = 'any';
  else if (leading && trailing) mode = 'contains';
  else if (leading) mode = 'suffix';
  else if (trailing) mode = 'prefix';
  const core = text.slice(leading ? 1 : 0, trailing ? -1 : undefined);
  return { type: 'string', text, mode, core };
}

function parseNumericField(text: string): number {
  return NUMERIC_FIELD.test(text) ? Number(text) : Number.NaN;
}

function matchesString(mode: WildcardMode, core: string, subject: string): boolean {
  switch (mode) {
    case 'any':
      return true;
    case 'exact':
      return subject === core;
    case 'prefix':
      return subject.startsWith(core);
    case 'suffix':
      return subject.endsWith(core);
    case 'contains':
      return subject.includes(core);
  }
}

function isEqual(value: Value, subject: string | number): boolean {
  const text = typeof subject === 'number' ? String(subject) : subject;
  switch (value.type) {
    case 'number': {
      const number = typeof subject === 'number' ? subject : parseNumericField(subject);
      return Number.isNaN(number) ? text === value.text : number === value.value;
    }
    case 'string':
      return matchesString(value.mode, value.core, text);
    case 'regex':
      return value.regex.test(text);
  }
}

/**
 * Compares a field from a log event (a JSON string or number, or a space-delimited field) with a
 * value. A string field that holds a plain decimal number compares numerically with a number.
 * `!=` is always the negation of `=`; ordering operators need a numeric field and never match otherwise.
 */
export function compareValue(operator: ComparisonOperator, value: Value, subject: string | number): boolean {
  if (operator === '=') return isEqual(value, subject);
  if (operator === '!=') return !isEqual(value, subject);
  if (value.type !== 'number') return false;
  const number = typeof subject === 'number' ? subject : parseNumericField(subject);
  if (Number.isNaN(number)) return false;
  switch (operator) {
    case '<':
      return number < value.value;
    case '<=':
      return number <= value.value;
    case '>':
      return number > value.value;
    case '>=':
      return number >= value.value;
  }
}
