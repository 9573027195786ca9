/**
 * JSON patterns: `{ SELECTOR OPERATOR VALUE }`, `IS TRUE|FALSE|NULL`, `NOT EXISTS`, combined with
 * `&&` and `||` (`&&` binds tighter, per the AWS docs: () > && > ||) and grouped with parentheses.
 */
import type { JsonExpression, JsonPattern, JsonTest } from './ast';
import { fail } from './errors';
import { parseSelector, type WildcardBudget } from './json-selector';
import { readLogicalOperator, readOperator } from './operators';
import { Scanner } from './scanner';
import { parseValue, requireNumberFor, type RegexBudget } from './value';

const isValueTerminator = (ch: string): boolean => ch === ')' || ch === '}' || ch === '&' || ch === '|';

class JsonParser {
  private readonly scanner: Scanner;
  private readonly regexes: RegexBudget = { used: 0 };
  private readonly wildcards: WildcardBudget = { used: 0 };

  constructor(text: string) {
    this.scanner = new Scanner(text);
  }

  parse(): JsonPattern {
    const scanner: Scanner = this.scanner;
    scanner.skipSpaces();
    const open = scanner.pos;
    scanner.pos++; // the "{" the dispatcher saw
    const expression = this.parseOr();
    scanner.skipSpaces();
    if (scanner.atEnd()) fail('This "{" is never closed; expected "}".', open);
    if (scanner.peek() === ')') fail('This ")" has no matching "(".', scanner.pos);
    if (!scanner.accept('}')) scanner.failHere(`Expected "&&", "||" or "}", but found ${scanner.describeNext()}.`);
    scanner.skipSpaces();
    if (!scanner.atEnd()) scanner.failHere('Unexpected text after the closing "}".');
    return { kind: 'json', source: scanner.text, expression };
  }

  private parseOr(): JsonExpression {
    const operands = [this.parseAnd()];
    for (;;) {
      this.scanner.skipSpaces();
      // parseAnd has read every "&&", so only "||" (or a mistaken single "&" or "|") can come here.
      if (readLogicalOperator(this.scanner) === null) break;
      operands.push(this.parseAnd());
    }
    return operands.length === 1 ? operands[0]! : { type: 'or', operands };
  }

  private parseAnd(): JsonExpression {
    const operands = [this.parsePrimary()];
    for (;;) {
      this.scanner.skipSpaces();
      if (!this.scanner.accept('&&')) break;
      operands.push(this.parsePrimary());
    }
    return operands.length === 1 ? operands[0]! : { type: 'and', operands };
  }

  private parsePrimary(): JsonExpression {
    const scanner: Scanner = this.scanner;
    scanner.skipSpaces();
    if (scanner.peek() === '(') {
      const open = scanner.pos;
      scanner.pos++;
      const inner = this.parseOr();
      scanner.skipSpaces();
      if (scanner.atEnd() || scanner.peek() === '}') fail('This "(" is never closed; expected ")".', open);
      if (!scanner.accept(')')) scanner.failHere(`Expected "&&", "||" or ")", but found ${scanner.describeNext()}.`);
      return inner;
    }
    if (scanner.peek() !== '$') {
      scanner.failHere(`Expected a condition such as $.eventType = "UpdateTrail", but found ${scanner.describeNext()}.`);
    }
    const selector = parseSelector(scanner, this.wildcards);
    return { type: 'condition', selector, test: this.parseTest(selector.text) };
  }

  private parseTest(selectorText: string): JsonTest {
    const scanner: Scanner = this.scanner;
    scanner.skipSpaces();
    const operator = readOperator(scanner);
    if (operator !== null) {
      scanner.skipSpaces();
      const valueStart = scanner.pos;
      const value = parseValue(scanner, operator, isValueTerminator, this.regexes);
      requireNumberFor(operator, value, valueStart, scanner.pos - valueStart);
      return { type: 'compare', operator, value };
    }
    const keywordStart = scanner.pos;
    const keyword = this.readKeyword();
    if (keyword === 'IS') {
      scanner.skipSpaces();
      const whatStart = scanner.pos;
      const what = this.readKeyword();
      if (what === 'TRUE') return { type: 'isTrue' };
      if (what === 'FALSE') return { type: 'isFalse' };
      if (what === 'NULL') return { type: 'isNull' };
      if (what === 'NOT') {
        fail('"IS NOT" isn\'t supported by CloudWatch Logs; use "!=" or "NOT EXISTS".', keywordStart, scanner.pos - keywordStart);
      }
      scanner.pos = whatStart;
      scanner.failHere(`Expected TRUE, FALSE or NULL after "IS", but found ${scanner.describeNext()}.`);
    }
    if (keyword === 'NOT') {
      scanner.skipSpaces();
      const existsStart = scanner.pos;
      if (this.readKeyword() === 'EXISTS') return { type: 'notExists' };
      scanner.pos = existsStart;
      scanner.failHere(`Expected EXISTS after "NOT", but found ${scanner.describeNext()}.`);
    }
    if (keyword === 'EXISTS') {
      fail('"EXISTS" on its own isn\'t supported by CloudWatch Logs; only "NOT EXISTS" is.', keywordStart, keyword.length);
    }
    scanner.pos = keywordStart;
    scanner.failHere(
      `Expected a comparison operator (=, !=, <, <=, >, >=), IS or NOT EXISTS after "${selectorText}", but found ${scanner.describeNext()}.`,
    );
  }

  /** Reads a word of letters; keywords must be in capitals, and a lower-case one gets a precise message. */
  private readKeyword(): string | null {
    const scanner: Scanner = this.scanner;
    const word = /^[A-Za-z]+/.exec(scanner.text.slice(scanner.pos, scanner.pos + 20))?.[0];
    if (word === undefined) return null;
    const upper = word.toUpperCase();
    if (['IS', 'NOT', 'EXISTS', 'TRUE', 'FALSE', 'NULL'].includes(upper) && word !== upper) {
      fail(`Write "${upper}" in capital letters.`, scanner.pos, word.length);
    }
    scanner.pos += word.length;
    return word;
  }
}

/** Parses a pattern whose first non-space character is `{`. */
export function parseJsonPattern(text: string): JsonPattern {
  return new JsonParser(text).parse();
}
