/**
 * The Logs Insights lexer, shared by the parser and the editor's highlighter. It never throws: text it
 * cannot read becomes an `invalid` token, so highlighting covers every character of bad input too.
 *
 * A `/` starts a regular expression where an operand is expected (after an operator, a keyword, `(`, `,`,
 * `|` or a command name) and is division after a value, the way the query language reads it.
 */
import { durationUnit } from './duration';

export type LexemeKind =
  | 'word'
  | 'backquoted'
  | 'string'
  | 'regex'
  | 'number'
  | 'duration'
  | 'operator'
  | 'punctuation'
  | 'comment'
  | 'invalid';

export interface Lexeme {
  readonly kind: LexemeKind;
  readonly start: number;
  readonly end: number;
  /** The token's text as written. */
  readonly text: string;
  /** Strings, regexes and backquoted names: the content with escapes resolved; `invalid`: why. */
  readonly value?: string;
}

const OPERATORS = ['=~', '!=', '<=', '>=', '=', '<', '>', '+', '-', '*', '/', '%', '^'] as const;
const PUNCTUATION = '(),[]|';

/** Words after which a `/` starts a regex rather than dividing. */
const OPERAND_EXPECTING_WORDS = new Set(['and', 'or', 'not', 'like', 'in', 'filter', 'where', 'parse', 'fields', 'display', 'stats', 'by']);

const isWordStart = (c: string): boolean => /[A-Za-z_@$]/.test(c);
const isWordPart = (c: string): boolean => /[A-Za-z0-9_@$]/.test(c);
const isDigit = (c: string): boolean => c >= '0' && c <= '9';

export function lex(text: string): Lexeme[] {
  const lexemes: Lexeme[] = [];
  let at = 0;
  const push = (kind: LexemeKind, start: number, end: number, value?: string): void => {
    lexemes.push({ kind, start, end, text: text.slice(start, end), ...(value === undefined ? {} : { value }) });
    at = end;
  };
  while (at < text.length) {
    const c = text[at] as string;
    if (c === ' ' || c === '\t' || c === '\n' || c === '\r') {
      at++;
      continue;
    }
    if (c === '#') {
      const newline = text.indexOf('\n', at);
      push('comment', at, newline === -1 ? text.length : newline);
      continue;
    }
    if (c === '"' || c === "'") {
      const read = readQuoted(text, at, c);
      push(read.closed ? 'string' : 'invalid', at, read.end, read.closed ? read.value : `The string starting here has no closing ${c}.`);
      continue;
    }
    if (c === '`') {
      const close = text.indexOf('`', at + 1);
      if (close === -1) push('invalid', at, text.length, 'The field name starting here has no closing `.');
      else push('backquoted', at, close + 1, text.slice(at + 1, close));
      continue;
    }
    if (c === '/' && expectsOperand(lexemes)) {
      const read = readRegex(text, at);
      push(read.closed ? 'regex' : 'invalid', at, read.end, read.closed ? read.value : 'The regular expression starting here has no closing /.');
      continue;
    }
    if (isDigit(c) || (c === '.' && isDigit(text[at + 1] ?? ''))) {
      lexNumber(text, at, push);
      continue;
    }
    if (isWordStart(c)) {
      push('word', at, wordEnd(text, at));
      continue;
    }
    const operator = OPERATORS.find((op) => text.startsWith(op, at));
    if (operator !== undefined) {
      push('operator', at, at + operator.length);
      continue;
    }
    if (PUNCTUATION.includes(c)) {
      push('punctuation', at, at + 1);
      continue;
    }
    const end = at + (c.codePointAt(0) !== undefined && (c.codePointAt(0) as number) > 0xffff ? 2 : 1);
    push('invalid', at, end, `Unexpected character ${JSON.stringify(text.slice(at, end))}.`);
  }
  return lexemes;
}

/** Words may hold dots between their parts (`a.b.0.c`), the way flattened JSON fields are named. */
function wordEnd(text: string, start: number): number {
  let end = start + 1;
  for (;;) {
    while (end < text.length && isWordPart(text[end] as string)) end++;
    if (text[end] === '.' && end + 1 < text.length && isWordPart(text[end + 1] as string)) end++;
    else return end;
  }
}

function lexNumber(text: string, start: number, push: (kind: LexemeKind, start: number, end: number, value?: string) => void): void {
  const match = /^(?:\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?/.exec(text.slice(start)) as RegExpExecArray;
  const numberEnd = start + match[0].length;
  let end = numberEnd;
  while (end < text.length && /[A-Za-z]/.test(text[end] as string)) end++;
  if (end === numberEnd) return push('number', start, end);
  const unit = text.slice(numberEnd, end);
  if (durationUnit(unit) !== undefined) return push('duration', start, end);
  push('invalid', start, end, `"${unit}" is not a time unit; use ms, s, m, h, d, w, mo, q or y.`);
}

function readQuoted(text: string, start: number, quote: string): { end: number; closed: boolean; value: string } {
  let value = '';
  let at = start + 1;
  while (at < text.length) {
    const c = text[at] as string;
    if (c === quote) return { end: at + 1, closed: true, value };
    if (c === '\\' && at + 1 < text.length) {
      const next = text[at + 1] as string;
      value += next === 'n' ? '\n' : next === 't' ? '\t' : next === 'r' ? '\r' : next;
      at += 2;
      continue;
    }
    value += c;
    at++;
  }
  return { end: text.length, closed: false, value };
}

/** A regex runs to the next unescaped `/`; `\/` stands for a slash, other escapes stay for the regex. */
function readRegex(text: string, start: number): { end: number; closed: boolean; value: string } {
  let value = '';
  let at = start + 1;
  while (at < text.length) {
    const c = text[at] as string;
    if (c === '/') return { end: at + 1, closed: true, value };
    if (c === '\n') break;
    if (c === '\\' && text[at + 1] === '/') {
      value += '/';
      at += 2;
      continue;
    }
    if (c === '\\' && at + 1 < text.length) {
      value += text.slice(at, at + 2);
      at += 2;
      continue;
    }
    value += c;
    at++;
  }
  return { end: at, closed: false, value };
}

function expectsOperand(lexemes: readonly Lexeme[]): boolean {
  const index = previousSignificant(lexemes, lexemes.length);
  if (index === -1) return true;
  const previous = lexemes[index] as Lexeme;
  if (previous.kind === 'operator') return true;
  if (previous.kind === 'punctuation') return previous.text !== ')' && previous.text !== ']';
  if (previous.kind !== 'word' && previous.kind !== 'backquoted') return false;
  if (previous.kind === 'word' && OPERAND_EXPECTING_WORDS.has(previous.text.toLowerCase()) && !isFieldPosition(lexemes, index)) return true;
  // `parse field /regex/`: the pattern follows the field parse reads.
  const before = previousSignificant(lexemes, index);
  return before !== -1 && (lexemes[before] as Lexeme).text.toLowerCase() === 'parse' && !isFieldPosition(lexemes, before);
}

function previousSignificant(lexemes: readonly Lexeme[], index: number): number {
  for (let at = index - 1; at >= 0; at--) if ((lexemes[at] as Lexeme).kind !== 'comment') return at;
  return -1;
}

/** `filter` etc. are command names only at the start of a command; elsewhere they are fields. */
function isFieldPosition(lexemes: readonly Lexeme[], index: number): boolean {
  const word = (lexemes[index] as Lexeme).text.toLowerCase();
  if (!['filter', 'where', 'parse', 'fields', 'display', 'stats'].includes(word)) return false;
  const before = previousSignificant(lexemes, index);
  if (before === -1) return false;
  const previous = lexemes[before] as Lexeme;
  return !(previous.kind === 'punctuation' && previous.text === '|');
}
