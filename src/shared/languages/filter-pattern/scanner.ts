/** A cursor over the pattern text with the token readers the three pattern parsers share. */
import { fail, quote } from './errors';

export class Scanner {
  pos = 0;

  constructor(readonly text: string) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  peek(ahead = 0): string {
    return this.text.charAt(this.pos + ahead);
  }

  startsWith(token: string): boolean {
    return this.text.startsWith(token, this.pos);
  }

  skipSpaces(): void {
    while (/\s/.test(this.peek()) && !this.atEnd()) this.pos++;
  }

  /** Consumes `token` if it comes next. */
  accept(token: string): boolean {
    if (!this.startsWith(token)) return false;
    this.pos += token.length;
    return true;
  }

  /** Fails at the current position, spanning the next token (or nothing at the end of the text). */
  failHere(message: string): never {
    fail(message, this.pos, this.nextTokenLength());
  }

  /** Describes what comes next, for "Expected X but found Y" style messages. */
  describeNext(): string {
    if (this.atEnd()) return 'the end of the pattern';
    return quote(this.text.slice(this.pos, this.pos + this.nextTokenLength()));
  }

  private nextTokenLength(): number {
    if (this.atEnd()) return 0;
    const word = /^[A-Za-z0-9_$.\-+*]+/.exec(this.text.slice(this.pos, this.pos + 100));
    return word === null ? 1 : word[0].length;
  }

  /**
   * Reads a double-quoted string starting at the current `"`. Inside, `\"` stands for a quote and
   * `\\` for a backslash; any other backslash is kept as it is, so Windows paths need no escaping.
   */
  readQuoted(): string {
    const open = this.pos;
    let value = '';
    this.pos++;
    for (;;) {
      if (this.atEnd()) fail('This quote is never closed; expected a closing ".', open);
      const ch = this.peek();
      if (ch === '"') break;
      if (ch === '\\' && (this.peek(1) === '"' || this.peek(1) === '\\')) {
        value += this.peek(1);
        this.pos += 2;
      } else {
        value += ch;
        this.pos++;
      }
    }
    this.pos++;
    return value;
  }

  /** Reads a `%regex%` starting at the current `%`; returns the text between the signs. */
  readRegexSource(): string {
    const open = this.pos;
    const close = this.text.indexOf('%', open + 1);
    if (close === -1) fail('This regex is never closed; expected a closing % sign.', open);
    this.pos = close + 1;
    return this.text.slice(open + 1, close);
  }
}
