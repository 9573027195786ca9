/**
 * The tokens of a CloudWatch metric math expression, with their positions: the parser reads them, and the
 * editor colours them (a tokenizer never fails; what it cannot read is an `invalid` token).
 */

export type MathTokenKind =
  /** `12`, `1.5`, `1e3` */
  | 'number'
  /** `'text'` or `"text"` (SEARCH's query, METRICS' filter) */
  | 'string'
  /** A name: a query id (`m1`), a function (`SUM`), a keyword (`REPEAT`), or `AND`/`OR`. */
  | 'name'
  /** `+ - * / ^ == != < <= > >= && ||` */
  | 'operator'
  /** `( ) [ ] ,` */
  | 'punctuation'
  /** A character that belongs to no token, or a string without its closing quote. */
  | 'invalid';

export interface MathToken {
  readonly kind: MathTokenKind;
  readonly text: string;
  /** Zero-based offset of the first character. */
  readonly start: number;
  /** Offset just after the last character. */
  readonly end: number;
}

const OPERATORS = ['==', '!=', '<=', '>=', '&&', '||', '+', '-', '*', '/', '^', '<', '>'];
const NUMBER = /^(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?/;
const NAME = /^[A-Za-z_][A-Za-z0-9_]*/;

export function tokenizeMetricMath(text: string): MathToken[] {
  const tokens: MathToken[] = [];
  let pos = 0;
  const push = (kind: MathTokenKind, end: number): void => {
    tokens.push({ kind, text: text.slice(pos, end), start: pos, end });
    pos = end;
  };
  while (pos < text.length) {
    const ch = text.charAt(pos);
    if (/\s/.test(ch)) {
      pos++;
      continue;
    }
    const rest = text.slice(pos, pos + 400);
    const number = NUMBER.exec(rest);
    if (number !== null) {
      push('number', pos + number[0].length);
      continue;
    }
    const name = NAME.exec(rest);
    if (name !== null) {
      push('name', pos + name[0].length);
      continue;
    }
    if (ch === '"' || ch === "'") {
      push(...stringEnd(text, pos));
      continue;
    }
    if ('()[],'.includes(ch)) {
      push('punctuation', pos + 1);
      continue;
    }
    const operator = OPERATORS.find((op) => text.startsWith(op, pos));
    push(operator === undefined ? 'invalid' : 'operator', pos + (operator?.length ?? 1));
  }
  return tokens;
}

/** Where a quoted string ends (a backslash escapes the next character); unterminated: invalid to the end. */
function stringEnd(text: string, start: number): ['string' | 'invalid', number] {
  const quote = text.charAt(start);
  for (let i = start + 1; i < text.length; i++) {
    const ch = text.charAt(i);
    if (ch === '\\') i++;
    else if (ch === quote) return ['string', i + 1];
  }
  return ['invalid', text.length];
}

/** The value of a string token: without its quotes, escapes resolved. */
export function stringValue(token: MathToken): string {
  return token.text.slice(1, -1).replace(/\\(.)/g, '$1');
}
