/**
 * Parses the regex subset that CloudWatch Logs accepts between `%` signs, rejecting everything else
 * with the position of the offending character. Supported, per the AWS docs: letters, digits, the
 * symbols `: _ # = @ / ; , -`, and the operators `^ $ ? [ ] { } | \ * + .`, plus the escapes
 * `\d \D \s \S \w \W \xhh`. Parentheses (groups) and multi-byte characters are not supported.
 */
import { fail } from './errors';
import {
  ANY_BUT_LINE_BREAK,
  DIGIT,
  SPACE,
  WORD,
  charRange,
  negate,
  singleChar,
  union,
  type CharSet,
} from './regex-charset';

export type RegexNode =
  | { readonly type: 'chars'; readonly set: CharSet }
  | { readonly type: 'start' }
  | { readonly type: 'end' }
  | { readonly type: 'repeat'; readonly set: CharSet; readonly min: number; readonly max: number }
  | { readonly type: 'sequence'; readonly items: readonly RegexNode[] }
  | { readonly type: 'alternation'; readonly branches: readonly RegexNode[] };

/** Largest count allowed in `{m,n}`; the expanded regex must stay small enough to match quickly. */
export const MAX_REPEAT_COUNT = 1000;

const SYMBOLS = ':_#=@/;,-';
const OPERATORS = '^$?[]{}|\\*+.';

function isAlphanumeric(ch: string): boolean {
  return /^[A-Za-z0-9]$/.test(ch);
}

/** Characters that stand for themselves. A space is not in the documented list, but the docs' own example `%^shutting down%` uses one. */
function isLiteral(ch: string): boolean {
  return isAlphanumeric(ch) || SYMBOLS.includes(ch) || ch === ' ';
}

function hexEscapeHint(ch: string): string {
  const hex = ch.charCodeAt(0).toString(16).toUpperCase().padStart(2, '0');
  return `\\x${hex}`;
}

function unsupportedCharMessage(ch: string): string {
  if (ch.charCodeAt(0) > 0x7f) return `Multi-byte characters such as "${ch}" aren't supported in a regex.`;
  if (ch === '(' || ch === ')') {
    return `Parentheses aren't supported in a filter pattern regex; use ${hexEscapeHint(ch)} to match a literal "${ch}".`;
  }
  if (ch.charCodeAt(0) < 0x20 || ch === '\x7f') {
    return `Control characters aren't supported in a regex; use ${hexEscapeHint(ch)} instead.`;
  }
  const shown = ch === '"' ? `'"'` : `"${ch}"`;
  return `${shown} isn't supported in a filter pattern regex; use ${hexEscapeHint(ch)} to match it.`;
}

class RegexParser {
  private pos = 0;

  constructor(
    private readonly body: string,
    /** Offset of the body in the whole pattern text, for error positions. */
    private readonly base: number,
  ) {}

  parse(): RegexNode {
    if (this.body.length === 0) fail('The regex between the % signs is empty.', this.base - 1, 2);
    // The body holds no "%", so parseAlternation reads it to its end.
    return this.parseAlternation();
  }

  private at(): number {
    return this.base + this.pos;
  }

  private peek(): string {
    return this.body.charAt(this.pos);
  }

  private parseAlternation(): RegexNode {
    const branches = [this.parseSequence()];
    while (this.peek() === '|') {
      this.pos++;
      branches.push(this.parseSequence());
    }
    return branches.length === 1 ? branches[0]! : { type: 'alternation', branches };
  }

  private parseSequence(): RegexNode {
    const items: RegexNode[] = [];
    while (this.pos < this.body.length && this.peek() !== '|') {
      const ch = this.peek();
      if (ch === '*' || ch === '+' || ch === '?' || ch === '{') {
        this.applyQuantifier(items);
      } else {
        items.push(this.parseAtom());
      }
    }
    if (items.length === 0) {
      // Point at the "|" that has nothing on one side of it.
      const offset = this.pos < this.body.length ? this.at() : this.at() - 1;
      fail('Empty alternative in the regex: there is nothing on one side of "|".', offset);
    }
    return items.length === 1 ? items[0]! : { type: 'sequence', items };
  }

  private applyQuantifier(items: RegexNode[]): void {
    const opOffset = this.at();
    const { min, max, length } = this.parseQuantifier();
    const last = items[items.length - 1];
    if (last === undefined || last.type === 'start' || last.type === 'end') {
      fail(`Nothing to repeat before "${this.body.slice(opOffset - this.base, opOffset - this.base + length)}".`, opOffset, length);
    }
    if (last.type !== 'chars') {
      fail('Two repeat operators in a row; remove one of them.', opOffset, length);
    }
    items[items.length - 1] = { type: 'repeat', set: last.set, min, max };
  }

  private parseQuantifier(): { min: number; max: number; length: number } {
    const ch = this.peek();
    this.pos++;
    if (ch === '*') return { min: 0, max: Infinity, length: 1 };
    if (ch === '+') return { min: 1, max: Infinity, length: 1 };
    if (ch === '?') return { min: 0, max: 1, length: 1 };
    return this.parseCountedQuantifier();
  }

  /** `{m}`, `{m,}`, `{,n}` or `{m,n}`; the docs allow leaving out either bound and write `{m, n}` with a space. */
  private parseCountedQuantifier(): { min: number; max: number; length: number } {
    const open = this.pos - 1;
    const close = this.body.indexOf('}', this.pos);
    const inside = close === -1 ? null : /^ *(\d*) *(,)? *(\d*) *$/.exec(this.body.slice(this.pos, close));
    if (close === -1 || inside === null || (inside[1] === '' && inside[3] === '')) {
      fail('Expected a repeat count such as {3}, {2,5}, {2,} or {,5} after "{".', this.base + open, close === -1 ? 1 : close - open + 1);
    }
    const hasComma = inside[2] !== undefined;
    const min = inside[1] === '' ? 0 : Number(inside[1]);
    const max = inside[3] === '' ? (hasComma ? Infinity : min) : Number(inside[3]);
    const length = close - open + 1;
    if (min > MAX_REPEAT_COUNT || (max !== Infinity && max > MAX_REPEAT_COUNT)) {
      fail(`Repeat counts can be at most ${MAX_REPEAT_COUNT}.`, this.base + open, length);
    }
    if (min > max) fail(`The repeat count {${min},${max}} has its minimum above its maximum.`, this.base + open, length);
    this.pos = close + 1;
    return { min, max, length };
  }

  private parseAtom(): RegexNode {
    const ch = this.peek();
    const offset = this.at();
    switch (ch) {
      case '.':
        this.pos++;
        return { type: 'chars', set: ANY_BUT_LINE_BREAK };
      case '^':
        this.pos++;
        return { type: 'start' };
      case '$':
        this.pos++;
        return { type: 'end' };
      case '[':
        return { type: 'chars', set: this.parseClass() };
      case '\\':
        return { type: 'chars', set: this.parseEscape().set };
      case ']':
      case '}':
        fail(`Unmatched "${ch}"; write \\${ch} to match it literally.`, offset);
    }
    if (!isLiteral(ch)) fail(unsupportedCharMessage(ch), offset);
    this.pos++;
    return { type: 'chars', set: singleChar(ch.charCodeAt(0)) };
  }

  /** `code` is set when the escape stands for one character, so it can end a range in a class. */
  private parseEscape(): { set: CharSet; code: number | null } {
    const offset = this.at();
    this.pos++;
    const ch = this.peek();
    if (ch === '') fail('Nothing follows "\\" at the end of the regex.', offset);
    this.pos++;
    switch (ch) {
      case 'd':
        return { set: DIGIT, code: null };
      case 'D':
        return { set: negate(DIGIT), code: null };
      case 's':
        return { set: SPACE, code: null };
      case 'S':
        return { set: negate(SPACE), code: null };
      case 'w':
        return { set: WORD, code: null };
      case 'W':
        return { set: negate(WORD), code: null };
      case 'x': {
        const hex = this.body.slice(this.pos, this.pos + 2);
        if (!/^[0-9A-Fa-f]{2}$/.test(hex)) fail('Expected two hexadecimal digits after "\\x", e.g. \\x3A.', offset, 2);
        this.pos += 2;
        const code = Number.parseInt(hex, 16);
        return { set: singleChar(code), code };
      }
    }
    if (OPERATORS.includes(ch) || SYMBOLS.includes(ch)) {
      const code = ch.charCodeAt(0);
      return { set: singleChar(code), code };
    }
    fail(`Unsupported escape "\\${ch}"; supported are \\d \\D \\s \\S \\w \\W \\xhh and "\\" before an operator.`, offset, 2);
  }

  private parseClass(): CharSet {
    const open = this.at();
    this.pos++;
    const negated = this.peek() === '^';
    if (negated) this.pos++;
    const parts: CharSet[] = [];
    while (this.peek() !== ']') {
      if (this.pos >= this.body.length) fail('This "[" is never closed; expected "]".', open);
      const first = this.parseClassItem();
      if (this.peek() === '-' && this.body.charAt(this.pos + 1) !== ']' && this.pos + 1 < this.body.length) {
        const dash = this.at();
        this.pos++;
        const last = this.parseClassItem();
        if (first.code === null || last.code === null) {
          fail('A range in "[...]" must be between two single characters.', dash);
        }
        if (first.code > last.code) fail('This range is backwards; write the lower character first.', dash);
        parts.push(charRange(first.code, last.code));
      } else {
        parts.push(first.set);
      }
    }
    if (parts.length === 0) fail('Empty character class "[]"; write \\] to match a literal "]".', open, this.at() - open + 1);
    this.pos++;
    const set = union(parts);
    return negated ? negate(set) : set;
  }

  /** One member of a character class; `code` is set when it is a single character usable in a range. */
  private parseClassItem(): { set: CharSet; code: number | null } {
    const ch = this.peek();
    if (ch === '\\') return this.parseEscape();
    if (ch === '[') fail('Write \\[ to use "[" inside a character class.', this.at());
    // Inside a class the operators other than "[", "]" and "\" stand for themselves.
    if (!isLiteral(ch) && !OPERATORS.includes(ch)) fail(unsupportedCharMessage(ch), this.at());
    this.pos++;
    const code = ch.charCodeAt(0);
    return { set: singleChar(code), code };
  }
}

/** Parses the text between the `%` signs; `base` is its offset in the pattern, for error positions. */
export function parseRegex(body: string, base: number): RegexNode {
  return new RegexParser(body, base).parse();
}
