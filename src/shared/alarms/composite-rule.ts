/**
 * The rule language of composite alarms (PutCompositeAlarm's `AlarmRule`), as the API reference and the user
 * guide's "Create a composite alarm" / "Composite alarms" document it:
 *
 * - `ALARM(x)`, `OK(x)`, `INSUFFICIENT_DATA(x)` are TRUE when alarm `x` (a name or an ARN) is in that state.
 *   "Alarm names specified in AlarmRule can be surrounded with double-quotes ("), but do not have to be."
 *   A name with spaces, parentheses or commas needs the quotes: AWS rejects `ALARM(SampleQueue Oldest Age)`
 *   with "Unsupported token 'Oldest' at char 67, must be: ')'" (aws/aws-cdk#13953).
 * - `TRUE` and `FALSE` always evaluate to TRUE and FALSE.
 * - `AND`, `OR` and `NOT` combine them, and parentheses group. AWS does not document the operators' precedence;
 *   this parser uses the conventional one (NOT binds tighter than AND, AND tighter than OR), which every
 *   documented example agrees with. Keywords are upper case, as documented.
 * - `AT_LEAST(threshold, state, (x, y, …))` (CloudWatch, November 2025): TRUE when at least `threshold` of the
 *   listed alarms — a count such as `2`, or a percentage such as `60%` — are in `state`, which is ALARM, OK,
 *   INSUFFICIENT_DATA or one of them after NOT ("at least 60% are NOT in OK").
 *
 * Limits (botocore cloudwatch/2010-08-01 service-2.json, `AlarmRule`): 1 to 10,240 characters; "as many as 100
 * 'children' alarms"; "as many as 500 elements. Elements are child alarms, TRUE or FALSE statements, and
 * parentheses" — here each alarm reference, each TRUE/FALSE and each pair of grouping parentheses counts one.
 *
 * Errors read as AWS words them ("Unsupported token ')' at char 1" for `()` — a zero-based offset), with the
 * position as `start`/`end` like the other shared languages; `awsAlarmRuleMessage` adds AWS's
 * "Error in AlarmRule [...]" wrapping for the sandbox's ValidationError.
 */
import type { AlarmState } from './types';

export const ALARM_RULE_MAX_LENGTH = 10_240;
export const ALARM_RULE_MAX_CHILDREN = 100;
export const ALARM_RULE_MAX_ELEMENTS = 500;

export type AlarmRule =
  | { readonly kind: 'constant'; readonly value: boolean }
  | { readonly kind: 'state'; readonly state: AlarmState; readonly alarm: string }
  | { readonly kind: 'not'; readonly operand: AlarmRule }
  | { readonly kind: 'and' | 'or'; readonly operands: readonly AlarmRule[] }
  | {
      readonly kind: 'atLeast';
      /** A count of alarms, or a percentage of the listed alarms when `percent` is true. */
      readonly threshold: number;
      readonly percent: boolean;
      readonly state: AlarmState;
      /** True for `NOT ALARM` and the like: counts the alarms that are not in `state`. */
      readonly negated: boolean;
      readonly alarms: readonly string[];
    };

export interface AlarmRuleError {
  readonly message: string;
  /** Zero-based offset of the first character of the mistake. */
  readonly start: number;
  /** Offset just after it (equal to `start` at the end of the text). */
  readonly end: number;
}

export type AlarmRuleParseResult =
  | { readonly ok: true; readonly rule: AlarmRule }
  | { readonly ok: false; readonly error: AlarmRuleError };

const STATE_FUNCTIONS: ReadonlySet<string> = new Set<AlarmState>(['ALARM', 'OK', 'INSUFFICIENT_DATA']);

interface Token {
  readonly kind: 'open' | 'close' | 'comma' | 'word' | 'quoted';
  /** The word, or a quoted name without its quotes and escapes. */
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

class RuleSyntaxError extends Error {
  constructor(
    message: string,
    readonly start: number,
    readonly end: number,
  ) {
    super(message);
  }
}

/** Parses a rule; never throws: a mistake comes back with its position. */
export function parseAlarmRule(text: string): AlarmRuleParseResult {
  if (text.length > ALARM_RULE_MAX_LENGTH) {
    return fail(`The rule has ${text.length} characters; at most ${ALARM_RULE_MAX_LENGTH} are allowed.`, ALARM_RULE_MAX_LENGTH, text.length);
  }
  try {
    const parser = new Parser(text);
    const rule = parser.parseAll();
    const references = alarmRuleReferences(rule);
    if (references.length > ALARM_RULE_MAX_CHILDREN) {
      const at = parser.referencePositions.get(references[ALARM_RULE_MAX_CHILDREN]!)!;
      return fail(`The rule references ${references.length} alarms; at most ${ALARM_RULE_MAX_CHILDREN} are allowed.`, at.start, at.end);
    }
    return { ok: true, rule };
  } catch (error) {
    if (error instanceof RuleSyntaxError) return fail(error.message, error.start, error.end);
    throw error;
  }
}

function fail(message: string, start: number, end: number): AlarmRuleParseResult {
  return { ok: false, error: { message, start, end } };
}

/** The message of the ValidationError AWS returns for a rule it cannot parse. */
export function awsAlarmRuleMessage(error: AlarmRuleError): string {
  return `Error in AlarmRule [${error.message}]`;
}

/**
 * The rule's value when each referenced alarm is in the state `stateOf` gives. An alarm `stateOf` does not know
 * (deleted, or in another account) is in none of the states, so ALARM(x), OK(x) and INSUFFICIENT_DATA(x) are all
 * FALSE for it.
 */
export function evaluateAlarmRule(rule: AlarmRule, stateOf: (alarmNameOrArn: string) => AlarmState | undefined): boolean {
  switch (rule.kind) {
    case 'constant':
      return rule.value;
    case 'state':
      return stateOf(rule.alarm) === rule.state;
    case 'not':
      return !evaluateAlarmRule(rule.operand, stateOf);
    case 'and':
      return rule.operands.every((operand) => evaluateAlarmRule(operand, stateOf));
    case 'or':
      return rule.operands.some((operand) => evaluateAlarmRule(operand, stateOf));
    case 'atLeast': {
      let matching = 0;
      for (const alarm of rule.alarms) if ((stateOf(alarm) === rule.state) !== rule.negated) matching++;
      return rule.percent ? matching * 100 >= rule.threshold * rule.alarms.length : matching >= rule.threshold;
    }
  }
}

/** Every alarm name or ARN the rule references, once each, in the order they first appear. */
export function alarmRuleReferences(rule: AlarmRule): readonly string[] {
  const seen = new Set<string>();
  const visit = (node: AlarmRule): void => {
    switch (node.kind) {
      case 'constant':
        return;
      case 'state':
        seen.add(node.alarm);
        return;
      case 'not':
        visit(node.operand);
        return;
      case 'and':
      case 'or':
        node.operands.forEach(visit);
        return;
      case 'atLeast':
        node.alarms.forEach((alarm) => seen.add(alarm));
        return;
    }
  };
  visit(rule);
  return [...seen];
}

const ALARM_ARN = /^arn:[^:]+:cloudwatch:[^:]*:[^:]*:alarm:(.+)$/;

/** The alarm name a reference names: the reference itself, or the last part of an alarm ARN. */
export function alarmNameOfReference(reference: string): string {
  return ALARM_ARN.exec(reference)?.[1] ?? reference;
}

/** Whitespace, the punctuation and the quote end an unquoted word. */
function isWordCharacter(char: string): boolean {
  return !/[\s(),"]/.test(char);
}

function tokenize(text: string): Token[] {
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index]!;
    if (/\s/.test(char)) {
      index++;
    } else if (char === '(' || char === ')' || char === ',') {
      tokens.push({ kind: char === '(' ? 'open' : char === ')' ? 'close' : 'comma', text: char, start: index, end: index + 1 });
      index++;
    } else if (char === '"') {
      const start = index;
      let value = '';
      index++;
      while (index < text.length && text[index] !== '"') {
        // A backslash keeps the next character as written, so a name can hold a double quote.
        if (text[index] === '\\' && index + 1 < text.length) index++;
        value += text[index];
        index++;
      }
      if (index >= text.length) throw new RuleSyntaxError(`Unterminated quoted alarm name at char ${start}, must be: '"'`, start, text.length);
      index++;
      tokens.push({ kind: 'quoted', text: value, start, end: index });
    } else {
      const start = index;
      while (index < text.length && isWordCharacter(text[index]!)) index++;
      tokens.push({ kind: 'word', text: text.slice(start, index), start, end: index });
    }
  }
  return tokens;
}

class Parser {
  private readonly tokens: Token[];
  private index = 0;
  private elements = 0;
  /** Where each reference first appears, to point at the one past the limit. */
  readonly referencePositions = new Map<string, { start: number; end: number }>();

  constructor(private readonly text: string) {
    this.tokens = tokenize(text);
  }

  parseAll(): AlarmRule {
    if (this.tokens.length === 0) throw new RuleSyntaxError('The rule is empty; it needs at least one alarm function, TRUE or FALSE.', 0, this.text.length);
    const rule = this.parseOr();
    const extra = this.peek();
    if (extra !== undefined) this.unsupported(extra, extra.kind === 'close' ? undefined : "AND', 'OR");
    return rule;
  }

  private peek(): Token | undefined {
    return this.tokens[this.index];
  }

  private isWord(word: string): boolean {
    const token = this.peek();
    return token?.kind === 'word' && token.text === word;
  }

  private unsupported(token: Token | undefined, expected?: string): never {
    const must = expected === undefined ? '' : `, must be: '${expected}'`;
    if (token === undefined) throw new RuleSyntaxError(`Unexpected end of the rule at char ${this.text.length}${must}`, this.text.length, this.text.length);
    const written = this.text.slice(token.start, token.end);
    throw new RuleSyntaxError(`Unsupported token '${written}' at char ${token.start}${must}`, token.start, token.end);
  }

  private expect(kind: Token['kind'], expected: string): Token {
    const token = this.peek();
    if (token?.kind !== kind) this.unsupported(token, expected);
    this.index++;
    return token;
  }

  private countElement(token: Token): void {
    this.elements++;
    if (this.elements > ALARM_RULE_MAX_ELEMENTS) {
      throw new RuleSyntaxError(`The rule has more than ${ALARM_RULE_MAX_ELEMENTS} elements (alarms, TRUE/FALSE and parentheses).`, token.start, token.end);
    }
  }

  private parseOr(): AlarmRule {
    const operands = [this.parseAnd()];
    while (this.isWord('OR')) {
      this.index++;
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'or', operands };
  }

  private parseAnd(): AlarmRule {
    const operands = [this.parseNot()];
    while (this.isWord('AND')) {
      this.index++;
      operands.push(this.parseNot());
    }
    return operands.length === 1 ? operands[0]! : { kind: 'and', operands };
  }

  private parseNot(): AlarmRule {
    if (!this.isWord('NOT')) return this.parsePrimary();
    this.index++;
    return { kind: 'not', operand: this.parseNot() };
  }

  private parsePrimary(): AlarmRule {
    const token = this.peek();
    // AWS names no expected token here ("Unsupported token ')' at char 1" for `()`).
    if (token === undefined) this.unsupported(token);
    if (token.kind === 'open') {
      this.countElement(token);
      this.index++;
      const inner = this.parseOr();
      this.expect('close', ')');
      return inner;
    }
    if (token.kind === 'word' && (token.text === 'TRUE' || token.text === 'FALSE')) {
      this.countElement(token);
      this.index++;
      return { kind: 'constant', value: token.text === 'TRUE' };
    }
    if (token.kind === 'word' && STATE_FUNCTIONS.has(token.text)) {
      this.index++;
      this.expect('open', '(');
      const alarm = this.parseReference();
      this.expect('close', ')');
      return { kind: 'state', state: token.text as AlarmState, alarm };
    }
    if (token.kind === 'word' && token.text === 'AT_LEAST') {
      this.index++;
      return this.parseAtLeast();
    }
    return this.unsupported(token);
  }

  private parseReference(): string {
    const token = this.peek();
    if (token?.kind !== 'word' && token?.kind !== 'quoted') this.unsupported(token, 'alarm name or ARN');
    if (token.text === '') throw new RuleSyntaxError(`Empty alarm name at char ${token.start}`, token.start, token.end);
    this.countElement(token);
    this.index++;
    if (!this.referencePositions.has(token.text)) this.referencePositions.set(token.text, { start: token.start, end: token.end });
    return token.text;
  }

  /** `AT_LEAST(threshold, [NOT] state, (alarm, …))`, after the function's name. */
  private parseAtLeast(): AlarmRule {
    this.expect('open', '(');
    const thresholdToken = this.expect('word', 'count or percentage');
    const match = /^(\d+)(%?)$/.exec(thresholdToken.text);
    const threshold = match === null ? NaN : Number(match[1]);
    const percent = match?.[2] === '%';
    if (!(threshold >= 1) || (percent && threshold > 100)) {
      throw new RuleSyntaxError(
        `AT_LEAST needs a whole count of at least 1 or a percentage from 1% to 100% at char ${thresholdToken.start}, not '${thresholdToken.text}'`,
        thresholdToken.start,
        thresholdToken.end,
      );
    }
    this.expect('comma', ',');
    const negated = this.isWord('NOT');
    if (negated) this.index++;
    const stateToken = this.peek();
    if (stateToken?.kind !== 'word' || !STATE_FUNCTIONS.has(stateToken.text)) this.unsupported(stateToken, "ALARM', 'OK', 'INSUFFICIENT_DATA");
    this.index++;
    this.expect('comma', ',');
    this.expect('open', '(');
    const alarms = [this.parseReference()];
    while (this.peek()?.kind === 'comma') {
      this.index++;
      alarms.push(this.parseReference());
    }
    this.expect('close', ')');
    const close = this.expect('close', ')');
    if (!percent && threshold > alarms.length) {
      throw new RuleSyntaxError(
        `AT_LEAST asks for ${threshold} alarms but lists ${alarms.length} at char ${thresholdToken.start}`,
        thresholdToken.start,
        close.end,
      );
    }
    return { kind: 'atLeast', threshold, percent, state: stateToken.text as AlarmState, negated, alarms };
  }
}
