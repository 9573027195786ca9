/**
 * Parses a metric math expression. Precedence, loosest first: OR / `||`, AND / `&&`, comparisons
 * (`== != < <= > >=`), `+ -`, `* /`, unary minus, `^` (right-associative). Operands: numbers, strings, query
 * ids (a lowercase letter first), function calls (upper-case names), `[a, b]` lists, and the bare words
 * some functions take (FILL's REPEAT, SORT's DESC).
 */
import type { BinaryOperator, MathExpression } from './ast';
import { MetricMathSyntaxError, type MetricMathError } from './errors';
import { MATH_FUNCTIONS, MATH_KEYWORDS, QUERY_ID_PATTERN } from './functions';
import { parseSearchQuery } from './search-query';
import { stringValue, tokenizeMetricMath, type MathToken } from './tokenize';

/** The model's limit on an expression's length. */
export const METRIC_EXPRESSION_MAX_LENGTH = 2048;

export type MetricMathParseResult =
  | { readonly ok: true; readonly expression: MathExpression }
  | { readonly ok: false; readonly error: MetricMathError };

const COMPARISONS: readonly string[] = ['==', '!=', '<', '<=', '>', '>='];

/** Parses an expression; never throws: a mistake comes back with its position. */
export function parseMetricMath(text: string): MetricMathParseResult {
  if (text.length > METRIC_EXPRESSION_MAX_LENGTH) {
    return {
      ok: false,
      error: {
        message: `An expression can be at most ${METRIC_EXPRESSION_MAX_LENGTH} characters; this one has ${text.length}.`,
        start: METRIC_EXPRESSION_MAX_LENGTH,
        end: text.length,
      },
    };
  }
  try {
    return { ok: true, expression: new Parser(text).parseAll() };
  } catch (error) {
    if (error instanceof MetricMathSyntaxError) return { ok: false, error: error.error };
    throw error;
  }
}

class Parser {
  private readonly tokens: MathToken[];
  private index = 0;

  constructor(private readonly text: string) {
    this.tokens = tokenizeMetricMath(text);
  }

  parseAll(): MathExpression {
    if (this.tokens.length === 0) this.fail('The expression is empty.');
    const expression = this.parseOr();
    const extra = this.peek();
    if (extra?.kind === 'invalid') this.parsePrimary();
    if (extra !== undefined) this.fail(`Unexpected "${extra.text}" after a complete expression; is an operator missing?`, extra);
    return expression;
  }

  private peek(): MathToken | undefined {
    return this.tokens[this.index];
  }

  private next(): MathToken {
    const token = this.peek();
    if (token === undefined) this.fail('The expression ends too early; expected a value.');
    this.index++;
    return token!;
  }

  private fail(message: string, token = this.peek()): never {
    const start = token?.start ?? this.text.length;
    throw new MetricMathSyntaxError(message, start, token?.end ?? start);
  }

  private isOperator(...operators: readonly string[]): boolean {
    const token = this.peek();
    return token !== undefined && token.kind === 'operator' && operators.includes(token.text);
  }

  private isWord(...words: readonly string[]): boolean {
    const token = this.peek();
    return token !== undefined && token.kind === 'name' && words.includes(token.text);
  }

  private isPunctuation(text: string): boolean {
    const token = this.peek();
    return token !== undefined && token.kind === 'punctuation' && token.text === text;
  }

  private binary(operator: BinaryOperator, left: MathExpression, right: MathExpression): MathExpression {
    return { kind: 'binary', operator, left, right, start: left.start, end: right.end };
  }

  private parseOr(): MathExpression {
    let left = this.parseAnd();
    while (this.isWord('OR') || this.isOperator('||')) {
      this.index++;
      left = this.binary('OR', left, this.parseAnd());
    }
    return left;
  }

  private parseAnd(): MathExpression {
    let left = this.parseComparison();
    while (this.isWord('AND') || this.isOperator('&&')) {
      this.index++;
      left = this.binary('AND', left, this.parseComparison());
    }
    return left;
  }

  private parseComparison(): MathExpression {
    const left = this.parseSum();
    if (!this.isOperator(...COMPARISONS)) return left;
    const operator = this.next().text as BinaryOperator;
    const right = this.parseSum();
    if (this.isOperator(...COMPARISONS)) this.fail('Comparisons cannot be chained; join them with AND or OR.');
    return this.binary(operator, left, right);
  }

  private parseSum(): MathExpression {
    let left = this.parseProduct();
    while (this.isOperator('+', '-')) {
      const operator = this.next().text as BinaryOperator;
      left = this.binary(operator, left, this.parseProduct());
    }
    return left;
  }

  private parseProduct(): MathExpression {
    let left = this.parseUnary();
    while (this.isOperator('*', '/')) {
      const operator = this.next().text as BinaryOperator;
      left = this.binary(operator, left, this.parseUnary());
    }
    return left;
  }

  private parseUnary(): MathExpression {
    if (this.isOperator('-', '+')) {
      const sign = this.next();
      const operand = this.parseUnary();
      return sign.text === '+' ? operand : { kind: 'negate', operand, start: sign.start, end: operand.end };
    }
    return this.parsePower();
  }

  private parsePower(): MathExpression {
    const base = this.parsePrimary();
    if (!this.isOperator('^')) return base;
    this.index++;
    return this.binary('^', base, this.parseUnary());
  }

  private parsePrimary(): MathExpression {
    const token = this.peek();
    if (token === undefined) return this.fail('The expression ends too early; expected a value.');
    switch (token.kind) {
      case 'number':
        this.index++;
        return { kind: 'number', value: Number(token.text), start: token.start, end: token.end };
      case 'string':
        this.index++;
        return { kind: 'string', value: stringValue(token), start: token.start, end: token.end };
      case 'name':
        return this.parseName();
      case 'punctuation':
        if (token.text === '(') return this.parseGroup();
        if (token.text === '[') return this.parseArray();
        return this.fail(`Expected a value but found "${token.text}".`);
      case 'operator':
        return this.fail(`Expected a value but found the operator "${token.text}".`);
      case 'invalid':
        return this.fail(
          token.text.startsWith('"') || token.text.startsWith("'") ? 'This string has no closing quote.' : `"${token.text}" is not allowed in an expression.`,
        );
    }
  }

  private parseGroup(): MathExpression {
    const open = this.next();
    const inner = this.parseOr();
    if (!this.isPunctuation(')')) this.fail(`Expected ")" to close the "(" at character ${open.start + 1}.`);
    const close = this.next();
    return { ...inner, start: open.start, end: close.end };
  }

  private parseArray(): MathExpression {
    const open = this.next();
    const items: MathExpression[] = [];
    if (!this.isPunctuation(']')) {
      for (;;) {
        items.push(this.parseOr());
        if (this.isPunctuation(',')) {
          this.index++;
          continue;
        }
        break;
      }
    }
    if (!this.isPunctuation(']')) this.fail(`Expected "," or "]" to close the list opened at character ${open.start + 1}.`);
    const close = this.next();
    return { kind: 'array', items, start: open.start, end: close.end };
  }

  private parseName(): MathExpression {
    const token = this.next();
    const name = token.text;
    if (this.isPunctuation('(')) return this.parseCall(token);
    if (QUERY_ID_PATTERN.test(name)) return { kind: 'id', id: name, start: token.start, end: token.end };
    if (Object.hasOwn(MATH_FUNCTIONS, name)) this.fail(`${name} is a function; call it with parentheses, e.g. ${name}(m1).`, token);
    if (Object.hasOwn(MATH_FUNCTIONS, name.toUpperCase())) this.fail(`Function names are upper-case: ${name.toUpperCase()}.`, token);
    if (MATH_KEYWORDS.includes(name)) this.fail(`${name} can only be an argument of FILL or SORT.`, token);
    return this.fail(`Unknown name ${name}: metric ids must start with a lowercase letter and contain only letters, numbers and underscores.`, token);
  }

  private parseCall(nameToken: MathToken): MathExpression {
    const name = nameToken.text;
    const definition = Object.hasOwn(MATH_FUNCTIONS, name) ? MATH_FUNCTIONS[name] : undefined;
    if (definition === undefined) {
      const upper = name.toUpperCase();
      const hint = Object.hasOwn(MATH_FUNCTIONS, upper) ? ` Function names are upper-case: ${upper}.` : '';
      this.fail(`Unknown function ${name}.${hint}`, nameToken);
    }
    const open = this.next();
    const args: MathExpression[] = [];
    if (!this.isPunctuation(')')) {
      for (;;) {
        args.push(this.parseArgument());
        if (!this.isPunctuation(',')) break;
        this.index++;
      }
    }
    if (!this.isPunctuation(')')) this.fail(`Expected "," or ")" in the arguments of ${name}, opened at character ${open.start + 1}.`);
    const close = this.next();
    const node = { kind: 'call' as const, name, args, start: nameToken.start, end: close.end };
    const { minArgs, maxArgs } = definition!;
    if (args.length < minArgs || args.length > maxArgs) {
      const expected = minArgs === maxArgs ? `${minArgs}` : `${minArgs} to ${maxArgs}`;
      throw new MetricMathSyntaxError(`${name} takes ${expected} argument${maxArgs === 1 ? '' : 's'}; it was given ${args.length}.`, node.start, node.end);
    }
    return this.checkArguments(node);
  }

  /** An argument: an expression, or one of the bare words (REPEAT, DESC, …) standing alone. */
  private parseArgument(): MathExpression {
    const token = this.peek();
    const after = this.tokens[this.index + 1];
    const alone = after !== undefined && after.kind === 'punctuation' && (after.text === ',' || after.text === ')');
    if (token?.kind === 'name' && MATH_KEYWORDS.includes(token.text) && alone) {
      this.index++;
      return { kind: 'keyword', word: token.text, start: token.start, end: token.end };
    }
    return this.parseOr();
  }

  /** The argument kinds a few functions insist on; the rest take any value. */
  private checkArguments(node: Extract<MathExpression, { kind: 'call' }>): MathExpression {
    const { name, args } = node;
    const expectString = (arg: MathExpression | undefined, what: string): void => {
      if (arg !== undefined && arg.kind !== 'string') throw new MetricMathSyntaxError(`${name} takes ${what} in quotes.`, arg.start, arg.end);
    };
    const keywordsOnlyIn = (allowed: readonly (readonly string[])[]): void => {
      args.forEach((arg, i) => {
        if (arg.kind === 'keyword' && !(allowed[i] ?? []).includes(arg.word)) {
          throw new MetricMathSyntaxError(`${arg.word} is not an argument of ${name} here.`, arg.start, arg.end);
        }
      });
    };
    switch (name) {
      case 'METRICS':
        expectString(args[0], 'a filter string');
        return node;
      case 'SEARCH': {
        expectString(args[0], 'a search query');
        expectString(args[1], 'a statistic');
        const period = args[2];
        if (period !== undefined && period.kind !== 'number') throw new MetricMathSyntaxError('SEARCH takes its period as a number of seconds.', period.start, period.end);
        const query = args[0] as Extract<MathExpression, { kind: 'string' }>;
        return { ...node, search: parseSearchQuery(query.value, query.start + 1) };
      }
      case 'FILL':
        keywordsOnlyIn([[], ['REPEAT', 'LINEAR']]);
        return node;
      case 'SORT':
        keywordsOnlyIn([[], ['SUM', 'AVG', 'MIN', 'MAX', 'STDDEV'], ['ASC', 'DESC']]);
        if (args[1]?.kind !== 'keyword') throw new MetricMathSyntaxError('SORT sorts by SUM, AVG, MIN, MAX or STDDEV.', args[1]!.start, args[1]!.end);
        if (args[2]?.kind !== 'keyword') throw new MetricMathSyntaxError('SORT takes ASC or DESC.', args[2]!.start, args[2]!.end);
        return node;
      default:
        keywordsOnlyIn([]);
        return node;
    }
  }
}
