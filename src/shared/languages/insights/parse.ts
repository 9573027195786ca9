/**
 * The Logs Insights parser: commands separated by `|`, `#` comments, expressions with AWS's precedence
 * (`or` < `and` < `not` < comparisons, `like`, `=~`, `in` < `+ -` < `* / %` < unary `-` < `^`).
 * Command names, keywords and function names are case-insensitive; field names are not. It stops at the
 * first mistake and reports where it is; text outside the supported subset is refused, never skipped.
 */
import type {
  CallExpression,
  Command,
  ComparisonOperator,
  Expression,
  FieldExpression,
  InsightsParseResult,
  InsightsQueryError,
  NamedExpression,
  ParsePattern,
  SortKey,
  Span,
  TextPattern,
} from './ast';
import { INSIGHTS_COMMANDS, INSIGHTS_KEYWORDS, insightsFunction, isAggregateFunction, UNSUPPORTED_COMMANDS, UNSUPPORTED_FUNCTIONS } from './catalogue';
import { parseDuration } from './duration';
import { INSIGHTS_MAX_RESULT_LIMIT } from './limits';
import { lex, type Lexeme } from './lexer';
import { compileRegexSource } from './regex';

class QuerySyntaxError extends Error {
  constructor(readonly error: InsightsQueryError) {
    super(error.message);
  }
}

function fail(message: string, span: Span, unsupported = false): never {
  throw new QuerySyntaxError({ message, start: span.start, end: span.end, ...(unsupported ? { unsupported } : {}) });
}

const COMPARISON_OPERATORS: ReadonlySet<string> = new Set(['=', '!=', '<', '>', '<=', '>=']);
const KEYWORDS: ReadonlySet<string> = new Set(INSIGHTS_KEYWORDS);
const COMMAND_NAMES = INSIGHTS_COMMANDS.map((command) => command.name).join(', ');
/** Functions whose last argument is a time period such as `5m`. */
const PERIOD_FUNCTIONS: ReadonlySet<string> = new Set(['bin', 'datefloor', 'dateceil']);

export function parseInsightsQuery(text: string): InsightsParseResult {
  try {
    return { ok: true, query: { text, commands: new Parser(text).parseQuery() } };
  } catch (error) {
    if (error instanceof QuerySyntaxError) return { ok: false, error: error.error };
    throw error;
  }
}

class Parser {
  private readonly lexemes: Lexeme[];
  private index = 0;

  constructor(private readonly text: string) {
    this.lexemes = lex(text).filter((lexeme) => lexeme.kind !== 'comment');
  }

  parseQuery(): Command[] {
    if (this.lexemes.length === 0) fail('The query is empty; start with a command such as fields, filter or stats.', { start: 0, end: this.text.length });
    const commands: Command[] = [];
    for (;;) {
      const command = this.parseCommand();
      if (command.kind !== 'limit' && commands.some((earlier) => earlier.kind === 'dedup')) {
        const name = (/^\w+/.exec(this.text.slice(command.start)) as RegExpExecArray)[0];
        fail(`Only limit can follow dedup; put ${name} before dedup.`, { start: command.start, end: command.start + name.length });
      }
      commands.push(command);
      const next = this.peek();
      if (next === undefined) return commands;
      if (!this.isPunctuation(next, '|')) this.unexpected(next, `after the ${command.kind} command; separate commands with |`);
      this.index++;
    }
  }

  // ---- commands ----

  private parseCommand(): Command {
    const token = this.peek();
    if (token === undefined || token.kind !== 'word') return this.unexpected(token, `where a command (${COMMAND_NAMES}) should start`);
    const name = token.text.toLowerCase();
    this.index++;
    const start = token.start;
    switch (name) {
      case 'fields':
      case 'display': {
        const items = this.parseNamedList();
        for (const item of items) this.checkScalar(item.expression);
        return { kind: name, items, start, end: this.lastEnd() };
      }
      case 'dedup':
        return { kind: 'dedup', fields: this.parseFieldNames(), start, end: this.lastEnd() };
      case 'filter':
      case 'where': {
        const condition = this.parseExpression();
        this.checkScalar(condition);
        return { kind: 'filter', condition, start, end: this.lastEnd() };
      }
      case 'stats':
        return this.parseStats(start);
      case 'sort':
        return { kind: 'sort', keys: this.parseSortKeys(), start, end: this.lastEnd() };
      case 'limit': {
        // `limit any N` stops the query once N events match, in no particular order.
        const any = this.isWord(this.peek(), 'any') && this.peek(1)?.kind === 'number';
        if (any) this.index++;
        return { kind: 'limit', count: this.parseLimit(), any, start, end: this.lastEnd() };
      }
      case 'parse':
        return this.parseParse(start);
      default:
        if (UNSUPPORTED_COMMANDS.includes(name)) fail(`The ${token.text} command is not supported by Cloudscope's query engine.`, token, true);
        return fail(`Unknown command "${token.text}"; commands are ${COMMAND_NAMES}.`, token);
    }
  }

  private parseStats(start: number): Command {
    const aggregations = this.parseNamedList();
    // An aggregation may use the names of those before it (AWS's sample: `max(a) as x, min(b) as y, x - y as spare`).
    aggregations.forEach((item, index) => this.checkAggregation(item.expression, new Set(aggregations.slice(0, index).map((earlier) => earlier.name))));
    let groups: NamedExpression[] = [];
    if (this.isWord(this.peek(), 'by')) {
      this.index++;
      groups = this.parseNamedList();
      for (const item of groups) this.checkScalar(item.expression);
    }
    return { kind: 'stats', aggregations, groups, start, end: this.lastEnd() };
  }

  /** `sort [by] key [asc|desc], ...`: AWS's own sample queries write `sort by`. */
  private parseSortKeys(): SortKey[] {
    const keys: SortKey[] = [];
    if (this.isWord(this.peek(), 'by')) this.index++;
    do {
      const expression = this.parseExpression();
      let descending = false;
      const order = this.peek();
      if (this.isWord(order, 'asc') || this.isWord(order, 'desc')) {
        descending = order?.text.toLowerCase() === 'desc';
        this.index++;
      }
      keys.push({ expression, descending, name: this.columnName(expression), start: expression.start, end: this.lastEnd() });
    } while (this.consumePunctuation(','));
    return keys;
  }

  private parseLimit(): number {
    const token = this.peek();
    if (token?.kind !== 'number') return this.unexpected(token, 'after limit; expected a number of results');
    const count = Number(token.text);
    if (!Number.isInteger(count) || count < 1) fail('limit takes a whole number of at least 1.', token);
    if (count > INSIGHTS_MAX_RESULT_LIMIT) fail(`limit can be at most ${INSIGHTS_MAX_RESULT_LIMIT.toLocaleString('en-US')}.`, token);
    this.index++;
    return count;
  }

  /** `parse [field] pattern`: without a field, parse reads @message. */
  private parseParse(start: number): Command {
    const first = this.peek();
    let source: Expression;
    if (first?.kind === 'string' || first?.kind === 'regex') {
      source = { kind: 'field', name: '@message', start: first.start, end: first.start };
    } else {
      source = this.parseOperand();
      this.checkScalar(source);
    }
    const token = this.peek();
    let pattern: ParsePattern;
    if (token?.kind === 'string') {
      this.index++;
      const stars = (token.value ?? '').split('*').length - 1;
      if (stars === 0) fail('The parse pattern has no * to extract a field with.', token);
      const as = this.peek();
      if (!this.isWord(as, 'as')) return this.unexpected(as, `after the parse pattern; expected "as" and ${stars} field name${stars === 1 ? '' : 's'}`);
      this.index++;
      const names = this.parseFieldNames();
      if (names.length !== stars) {
        fail(`The parse pattern has ${stars} * but ${names.length} field name${names.length === 1 ? '' : 's'} follow "as".`, { start: token.start, end: this.lastEnd() });
      }
      pattern = { kind: 'glob', text: token.value ?? '', names, start: token.start, end: this.lastEnd() };
    } else if (token?.kind === 'regex') {
      this.index++;
      const regex = this.regexPattern(token);
      const names = [...regex.source.matchAll(/\(\?<([A-Za-z_$][\w$]*)>/g)].map((match) => match[1] as string);
      if (names.length === 0) fail('The regular expression has no named groups such as (?<name>...) to extract fields with.', token);
      pattern = { kind: 'regex', source: regex.source, flags: regex.flags, names, start: token.start, end: token.end };
    } else {
      return this.unexpected(token, 'in parse; expected a "pattern with *" or a /regular expression/');
    }
    return { kind: 'parse', source, pattern, start, end: this.lastEnd() };
  }

  private parseFieldNames(): FieldExpression[] {
    const fields: FieldExpression[] = [];
    do fields.push(this.parseFieldName());
    while (this.consumePunctuation(','));
    return fields;
  }

  private parseFieldName(): FieldExpression {
    const token = this.peek();
    if (token?.kind === 'backquoted') {
      this.index++;
      if (token.value === '') fail('A field name cannot be empty.', token);
      return { kind: 'field', name: token.value ?? '', start: token.start, end: token.end };
    }
    if (token?.kind === 'word' && !KEYWORDS.has(token.text.toLowerCase())) {
      this.index++;
      return { kind: 'field', name: token.text, start: token.start, end: token.end };
    }
    return this.unexpected(token, 'where a field name should be');
  }

  private parseNamedList(): NamedExpression[] {
    const items: NamedExpression[] = [];
    do {
      const expression = this.parseExpression();
      let alias: FieldExpression | undefined;
      if (this.isWord(this.peek(), 'as')) {
        this.index++;
        alias = this.parseFieldName();
      }
      const name = alias?.name ?? this.columnName(expression);
      items.push({ expression, name, start: expression.start, end: this.lastEnd(), ...(alias === undefined ? {} : { alias }) });
    } while (this.consumePunctuation(','));
    return items;
  }

  /** A column is named by its field, or by the expression as written (`count(*)`). */
  private columnName(expression: Expression): string {
    return expression.kind === 'field' ? expression.name : this.text.slice(expression.start, expression.end);
  }

  // ---- expressions ----

  private parseExpression(): Expression {
    return this.parseOr();
  }

  private parseOr(): Expression {
    let left = this.parseAnd();
    while (this.isWord(this.peek(), 'or')) {
      this.index++;
      const right = this.parseAnd();
      left = { kind: 'logical', operator: 'or', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseAnd(): Expression {
    let left = this.parseNot();
    while (this.isWord(this.peek(), 'and')) {
      this.index++;
      const right = this.parseNot();
      left = { kind: 'logical', operator: 'and', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseNot(): Expression {
    const token = this.peek();
    if (this.isWord(token, 'not')) {
      this.index++;
      const operand = this.parseNot();
      return { kind: 'not', operand, start: (token as Lexeme).start, end: operand.end };
    }
    return this.parseComparison();
  }

  private parseComparison(): Expression {
    const left = this.parseAdditive();
    const token = this.peek();
    if (token === undefined) return left;
    if (token.kind === 'operator' && COMPARISON_OPERATORS.has(token.text)) {
      this.index++;
      const right = this.parseAdditive();
      return { kind: 'comparison', operator: token.text as ComparisonOperator, left, right, start: left.start, end: right.end };
    }
    if (token.kind === 'operator' && token.text === '=~') {
      this.index++;
      const pattern = this.parseTextPattern('=~');
      return { kind: 'match', subject: left, pattern, negated: false, start: left.start, end: pattern.end };
    }
    let negated = false;
    if (this.isWord(token, 'not') && (this.isWord(this.peek(1), 'like') || this.isWord(this.peek(1), 'in'))) {
      negated = true;
      this.index++;
    }
    const keyword = this.peek();
    if (this.isWord(keyword, 'like')) {
      this.index++;
      const pattern = this.parseTextPattern('like');
      return { kind: 'match', subject: left, pattern, negated, start: left.start, end: pattern.end };
    }
    if (this.isWord(keyword, 'in')) {
      this.index++;
      const { values, end } = this.parseList();
      return { kind: 'in', subject: left, values, negated, start: left.start, end };
    }
    return left;
  }

  private parseTextPattern(after: string): TextPattern {
    const token = this.peek();
    if (token?.kind === 'string') {
      this.index++;
      return { kind: 'substring', text: token.value ?? '', start: token.start, end: token.end };
    }
    if (token?.kind === 'regex') {
      this.index++;
      const { source, flags } = this.regexPattern(token);
      return { kind: 'regex', source, flags, start: token.start, end: token.end };
    }
    return this.unexpected(token, `after ${after}; expected a "string" or a /regular expression/`);
  }

  private regexPattern(token: Lexeme): { source: string; flags: string } {
    const compiled = compileRegexSource(token.value ?? '');
    if (!compiled.ok) fail(`Invalid regular expression: ${compiled.message}`, token);
    return { source: compiled.source, flags: compiled.flags };
  }

  private parseList(): { values: Expression[]; end: number } {
    const open = this.peek();
    if (!this.isPunctuation(open, '[')) return this.unexpected(open, 'after in; expected a list such as ["a", "b"]');
    this.index++;
    const values: Expression[] = [];
    if (!this.isPunctuation(this.peek(), ']')) {
      do {
        const value = this.parseAdditive();
        this.checkScalar(value);
        values.push(value);
      } while (this.consumePunctuation(','));
    }
    const close = this.peek();
    if (!this.isPunctuation(close, ']')) return this.unexpected(close, 'in the list; expected , or ]');
    this.index++;
    return { values, end: (close as Lexeme).end };
  }

  private parseAdditive(): Expression {
    let left = this.parseMultiplicative();
    for (let token = this.peek(); this.isOperator(token, '+') || this.isOperator(token, '-'); token = this.peek()) {
      this.index++;
      const right = this.parseMultiplicative();
      left = { kind: 'arithmetic', operator: (token as Lexeme).text as '+' | '-', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseMultiplicative(): Expression {
    let left = this.parseUnary();
    for (let token = this.peek(); this.isOperator(token, '*') || this.isOperator(token, '/') || this.isOperator(token, '%'); token = this.peek()) {
      this.index++;
      const right = this.parseUnary();
      left = { kind: 'arithmetic', operator: (token as Lexeme).text as '*' | '/' | '%', left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private parseUnary(): Expression {
    const token = this.peek();
    if (this.isOperator(token, '-')) {
      this.index++;
      const operand = this.parseUnary();
      return { kind: 'negate', operand, start: (token as Lexeme).start, end: operand.end };
    }
    return this.parsePower();
  }

  private parsePower(): Expression {
    const base = this.parseOperand();
    if (!this.isOperator(this.peek(), '^')) return base;
    this.index++;
    const exponent = this.parseUnary();
    return { kind: 'arithmetic', operator: '^', left: base, right: exponent, start: base.start, end: exponent.end };
  }

  private parseOperand(): Expression {
    const token = this.peek();
    if (token === undefined) return this.unexpected(token, 'where a value or field was expected');
    switch (token.kind) {
      case 'number':
        this.index++;
        return { kind: 'number', value: Number(token.text), start: token.start, end: token.end };
      case 'string':
        this.index++;
        return { kind: 'string', value: token.value ?? '', start: token.start, end: token.end };
      case 'duration': {
        this.index++;
        const duration = parseDuration(token.text);
        if (duration === undefined) return fail(`"${token.text}" is not a time period.`, token);
        return { kind: 'duration', duration, start: token.start, end: token.end };
      }
      case 'backquoted':
        return this.parseFieldName();
      case 'regex':
        return fail('A regular expression is only allowed after like, =~ or in parse.', token);
      case 'word': {
        if (this.isPunctuation(this.peek(1), '(')) return this.parseCall(token);
        if (KEYWORDS.has(token.text.toLowerCase())) return this.unexpected(token, 'where a value or field was expected');
        this.index++;
        return { kind: 'field', name: token.text, start: token.start, end: token.end };
      }
      case 'punctuation':
        if (token.text === '(') {
          this.index++;
          const inner = this.parseExpression();
          const close = this.peek();
          if (!this.isPunctuation(close, ')')) return this.unexpected(close, 'where ) should close the parenthesis');
          this.index++;
          // The parentheses belong to the expression's text (its column name, its span).
          return { ...inner, start: token.start, end: (close as Lexeme).end };
        }
        return this.unexpected(token, 'where a value or field was expected');
      default:
        return this.unexpected(token, 'where a value or field was expected');
    }
  }

  private parseCall(nameToken: Lexeme): CallExpression {
    const name = nameToken.text.toLowerCase();
    const info = insightsFunction(name);
    if (info === undefined) {
      if (UNSUPPORTED_FUNCTIONS.includes(name)) fail(`The function ${nameToken.text} is not supported by Cloudscope's query engine.`, nameToken, true);
      fail(`Unknown function "${nameToken.text}".`, nameToken);
    }
    this.index += 2;
    const args: Expression[] = [];
    let star = false;
    if (this.isOperator(this.peek(), '*') && this.isPunctuation(this.peek(1), ')')) {
      const starToken = this.peek() as Lexeme;
      if (name !== 'count') fail(`* is only allowed in count(*), not in ${nameToken.text}().`, starToken);
      star = true;
      this.index++;
    } else if (!this.isPunctuation(this.peek(), ')')) {
      do args.push(this.parseExpression());
      while (this.consumePunctuation(','));
    }
    const close = this.peek();
    if (!this.isPunctuation(close, ')')) return this.unexpected(close, `in the arguments of ${nameToken.text}; expected , or )`);
    this.index++;
    const span = { start: nameToken.start, end: (close as Lexeme).end };
    if (!star && (args.length < info.minArgs || args.length > info.maxArgs)) {
      fail(`${info.signature.split(' |')[0]} takes ${describeArity(info.minArgs, info.maxArgs)}; found ${args.length}.`, span);
    }
    if (PERIOD_FUNCTIONS.has(name)) {
      const period = args[args.length - 1] as Expression;
      if (period.kind !== 'duration') fail(`The last argument of ${nameToken.text} is a time period such as 5m, 1h or 1d.`, period);
    }
    return { kind: 'call', name, nameSpan: { start: nameToken.start, end: nameToken.end }, args, star, ...span };
  }

  // ---- checks ----

  /** Outside stats aggregations: no aggregate functions, and periods only where a function takes one. */
  private checkScalar(expression: Expression): void {
    visit(expression, (node, parent) => {
      if (node.kind === 'call' && isAggregateFunction(node.name)) fail(`The aggregate function ${node.name} is only allowed in stats.`, node.nameSpan);
      checkPeriodPlacement(node, parent);
    });
  }

  /** A stats aggregation: built from aggregate functions (or earlier aggregations' names), with fields only inside them, none nested. */
  private checkAggregation(expression: Expression, earlierNames: ReadonlySet<string>): void {
    let aggregates = 0;
    const walk = (node: Expression, parent: Expression | undefined, insideAggregate: boolean): void => {
      checkPeriodPlacement(node, parent);
      if (node.kind === 'call' && isAggregateFunction(node.name)) {
        if (insideAggregate) fail(`Aggregate functions cannot be nested; ${node.name} is inside another.`, node.nameSpan);
        aggregates++;
        for (const arg of node.args) walk(arg, node, true);
        return;
      }
      if (node.kind === 'field' && !insideAggregate) {
        if (!earlierNames.has(node.name)) fail(`The field ${node.name} must be inside an aggregate function such as count, sum or avg; group by it with "by".`, node);
        aggregates++;
      }
      for (const child of children(node)) walk(child, node, insideAggregate);
    };
    walk(expression, undefined, false);
    if (aggregates === 0) fail('stats needs an aggregate function such as count(*), sum(field) or avg(field).', expression);
  }

  // ---- tokens ----

  private peek(ahead = 0): Lexeme | undefined {
    return this.lexemes[this.index + ahead];
  }

  private lastEnd(): number {
    return this.lexemes[this.index - 1]?.end ?? 0;
  }

  private isWord(token: Lexeme | undefined, word: string): boolean {
    return token?.kind === 'word' && token.text.toLowerCase() === word;
  }

  private isOperator(token: Lexeme | undefined, operator: string): boolean {
    return token?.kind === 'operator' && token.text === operator;
  }

  private isPunctuation(token: Lexeme | undefined, punctuation: string): boolean {
    return token?.kind === 'punctuation' && token.text === punctuation;
  }

  private consumePunctuation(punctuation: string): boolean {
    if (!this.isPunctuation(this.peek(), punctuation)) return false;
    this.index++;
    return true;
  }

  private unexpected(token: Lexeme | undefined, where: string): never {
    if (token === undefined) {
      const end = this.text.length;
      return fail(`Unexpected end of query ${where}.`, { start: end, end });
    }
    if (token.kind === 'invalid') return fail(token.value ?? `Unexpected ${quote(token.text)}.`, token);
    return fail(`Unexpected ${quote(token.text)} ${where}.`, token);
  }
}

function checkPeriodPlacement(node: Expression, parent: Expression | undefined): void {
  if (node.kind !== 'duration') return;
  const allowed = parent?.kind === 'call' && PERIOD_FUNCTIONS.has(parent.name) && parent.args[parent.args.length - 1] === node;
  if (!allowed) fail('A time period such as 5m is only allowed as the period of bin, datefloor or dateceil.', node);
}

function children(node: Expression): readonly Expression[] {
  switch (node.kind) {
    case 'call':
      return node.args;
    case 'not':
    case 'negate':
      return [node.operand];
    case 'logical':
    case 'comparison':
    case 'arithmetic':
      return [node.left, node.right];
    case 'match':
      return [node.subject];
    case 'in':
      return [node.subject, ...node.values];
    default:
      return [];
  }
}

/** Calls `action` on every node of the expression, parents first. */
export function visit(expression: Expression, action: (node: Expression, parent: Expression | undefined) => void, parent?: Expression): void {
  action(expression, parent);
  for (const child of children(expression)) visit(child, action, expression);
}

function describeArity(min: number, max: number): string {
  const plural = (n: number): string => `${n} argument${n === 1 ? '' : 's'}`;
  if (max === Infinity) return `at least ${plural(min)}`;
  if (min === max) return plural(min);
  return `${min} to ${plural(max)}`;
}

function quote(text: string): string {
  return `"${text.length > 40 ? `${text.slice(0, 37)}...` : text}"`;
}
