/**
 * Space-delimited patterns: `[ip, user, ..., status_code = 4*, bytes > 1000]`. Each slot names a
 * field and may test it with comparisons joined by `&&` and `||`; `...` stands for any number of fields.
 */
import type { DelimitedPattern, DelimitedSlot, FieldCondition } from './ast';
import { fail, quote } from './errors';
import { readLogicalOperator, readOperator } from './operators';
import { Scanner } from './scanner';
import { parseValue, requireNumberFor, type RegexBudget } from './value';

const FIELD_NAME = /^[A-Za-z0-9_-]+/;
const isValueTerminator = (ch: string): boolean => ch === ',' || ch === ']' || ch === '&' || ch === '|';

class DelimitedParser {
  private readonly scanner: Scanner;
  private readonly regexes: RegexBudget = { used: 0 };

  constructor(text: string) {
    this.scanner = new Scanner(text);
  }

  parse(): DelimitedPattern {
    const scanner = this.scanner;
    scanner.skipSpaces();
    const open = scanner.pos;
    scanner.pos++; // the "[" the dispatcher saw
    const slots: DelimitedSlot[] = [];
    let ellipsisAt = -1;
    for (;;) {
      scanner.skipSpaces();
      const slotStart = scanner.pos;
      if (scanner.accept('...')) {
        if (ellipsisAt !== -1) fail('Only one "..." is allowed in a space-delimited pattern.', slotStart, 3);
        ellipsisAt = slotStart;
        slots.push({ type: 'ellipsis' });
      } else {
        slots.push(this.parseField());
      }
      scanner.skipSpaces();
      if (scanner.accept(',')) continue;
      if (scanner.accept(']')) break;
      if (scanner.atEnd()) fail('This "[" is never closed; expected "]".', open);
      const last = slots[slots.length - 1];
      const after = last?.type === 'field' && last.name !== '' ? ` after the field "${last.name}"` : '';
      scanner.failHere(`Expected "," or "]"${after}, but found ${scanner.describeNext()}.`);
    }
    if (slots.length === 1 && slots[0]?.type === 'field' && slots[0].name === '') {
      fail('Expected at least one field name between "[" and "]", e.g. [ip, user, status_code].', open, scanner.pos - open);
    }
    scanner.skipSpaces();
    if (!scanner.atEnd()) scanner.failHere('Unexpected text after the closing "]".');
    return { kind: 'delimited', source: scanner.text, slots };
  }

  /** A named field with an optional condition, or an empty slot (as after a trailing comma). */
  private parseField(): DelimitedSlot {
    const scanner: Scanner = this.scanner;
    const ch = scanner.peek();
    if (ch === ',' || ch === ']' || scanner.atEnd()) return { type: 'field', name: '', condition: null };
    const name = FIELD_NAME.exec(scanner.text.slice(scanner.pos))?.[0];
    if (name === undefined) {
      scanner.failHere(`Expected a field name (letters, digits, _ and -), "..." or ",", but found ${scanner.describeNext()}.`);
    }
    scanner.pos += name.length;
    scanner.skipSpaces();
    const next = scanner.peek();
    if (next === '' || !'=!<>'.includes(next)) return { type: 'field', name, condition: null };
    return { type: 'field', name, condition: this.parseOr(name, true) };
  }

  private parseOr(field: string, nameAlreadyRead: boolean): FieldCondition {
    const operands = [this.parseAnd(field, nameAlreadyRead)];
    for (;;) {
      this.scanner.skipSpaces();
      // parseAnd has read every "&&", so only "||" (or a mistaken single "&" or "|") can come here.
      if (readLogicalOperator(this.scanner) === null) break;
      operands.push(this.parseAnd(field, false));
    }
    return operands.length === 1 ? operands[0]! : { type: 'or', operands };
  }

  private parseAnd(field: string, nameAlreadyRead: boolean): FieldCondition {
    const operands = [this.parseComparison(field, nameAlreadyRead)];
    for (;;) {
      this.scanner.skipSpaces();
      if (!this.scanner.accept('&&')) break;
      operands.push(this.parseComparison(field, false));
    }
    return operands.length === 1 ? operands[0]! : { type: 'and', operands };
  }

  private parseComparison(field: string, nameAlreadyRead: boolean): FieldCondition {
    const scanner: Scanner = this.scanner;
    if (!nameAlreadyRead) {
      scanner.skipSpaces();
      const nameStart = scanner.pos;
      const name = FIELD_NAME.exec(scanner.text.slice(scanner.pos))?.[0];
      if (name === undefined) scanner.failHere(`Expected the field name "${field}" and a comparison, but found ${scanner.describeNext()}.`);
      if (name !== field) {
        fail(
          `This condition tests ${quote(name)}, but it is in the field ${quote(field)}; a field's conditions can only test that field.`,
          nameStart,
          name.length,
        );
      }
      scanner.pos += name.length;
      scanner.skipSpaces();
    }
    const operator = readOperator(scanner);
    if (operator === null) {
      scanner.failHere(`Expected a comparison operator (=, !=, <, <=, >, >=) after "${field}", but found ${scanner.describeNext()}.`);
    }
    scanner.skipSpaces();
    const valueStart = scanner.pos;
    const value = parseValue(scanner, operator, isValueTerminator, this.regexes);
    requireNumberFor(operator, value, valueStart, scanner.pos - valueStart);
    return { type: 'compare', operator, value };
  }
}

/** Parses a pattern whose first non-space character is `[`. */
export function parseDelimitedPattern(text: string): DelimitedPattern {
  return new DelimitedParser(text).parse();
}
