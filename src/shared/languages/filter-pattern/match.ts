/** Matching parsed patterns against log event messages, and pulling out the fields a match found. */
import type {
  DelimitedPattern,
  DelimitedSlot,
  FieldCondition,
  FilterPattern,
  JsonExpression,
  JsonTest,
  TermsPattern,
  TextMatcher,
} from './ast';
import { selectValues } from './json-selector';
import { splitFields, type MessageField } from './split-fields';
import { compareValue } from './value';

export function matchesFilterPattern(pattern: FilterPattern, message: string): boolean {
  switch (pattern.kind) {
    case 'all':
      return true;
    case 'terms':
      return matchesTerms(pattern, message);
    case 'json': {
      const root = parseJsonObject(message);
      return root !== undefined && evaluateJson(pattern.expression, root);
    }
    case 'delimited':
      return assignFields(pattern, message)?.every(fieldMatches) ?? false;
  }
}

/**
 * The named fields of a space-delimited match, keyed `$name`, and the unnamed ones (covered by
 * `...` or left unnamed) keyed by their 1-based position, `$4`, as in the AWS docs' example.
 * Null when the message doesn't match; empty for the other kinds of pattern.
 */
export function extractFields(pattern: FilterPattern, message: string): Readonly<Record<string, string>> | null {
  if (pattern.kind !== 'delimited') return matchesFilterPattern(pattern, message) ? {} : null;
  const assigned = assignFields(pattern, message);
  if (assigned === null || !assigned.every(fieldMatches)) return null;
  const fields: Record<string, string> = {};
  for (const field of assigned) {
    const name = field.slot?.type === 'field' && field.slot.name !== '' ? field.slot.name : String(field.position);
    fields[`$${name}`] = field.value;
  }
  return fields;
}

function containsText(matcher: TextMatcher, message: string): boolean {
  return matcher.type === 'phrase' ? message.includes(matcher.text) : matcher.regex.test(message);
}

function matchesTerms(pattern: TermsPattern, message: string): boolean {
  return (
    pattern.required.every((term) => containsText(term, message)) &&
    (pattern.anyOf.length === 0 || pattern.anyOf.some((term) => containsText(term, message))) &&
    !pattern.excluded.some((term) => containsText(term, message))
  );
}

/** Only a JSON object is a JSON log event; anything else never matches a JSON pattern. */
export function parseJsonObject(message: string): unknown {
  if (message.trimStart().charAt(0) !== '{') return undefined;
  try {
    return JSON.parse(message) as unknown;
  } catch {
    return undefined;
  }
}

function evaluateJson(expression: JsonExpression, root: unknown): boolean {
  switch (expression.type) {
    case 'and':
      return expression.operands.every((operand) => evaluateJson(operand, root));
    case 'or':
      return expression.operands.some((operand) => evaluateJson(operand, root));
    case 'condition':
      return testJsonValues(expression.test, selectValues(root, expression.selector.steps));
  }
}

/** Through a wildcard a selector can reach several values; the condition holds if it holds for any of them. */
export function testJsonValues(test: JsonTest, values: readonly unknown[]): boolean {
  switch (test.type) {
    case 'notExists':
      return values.length === 0;
    case 'isTrue':
      return values.includes(true);
    case 'isFalse':
      return values.includes(false);
    case 'isNull':
      return values.includes(null);
    case 'compare':
      // Only strings and numbers are value nodes (AWS docs); objects, arrays, booleans and null never compare.
      return values.some(
        (value) => (typeof value === 'string' || typeof value === 'number') && compareValue(test.operator, test.value, value),
      );
  }
}

export interface AssignedField {
  /** The pattern slot the field falls in; null for fields covered by `...`. */
  readonly slot: DelimitedSlot | null;
  readonly value: string;
  /** 1-based position of the field in the message. */
  readonly position: number;
  /** Where `value` is in the message. */
  readonly start: number;
  readonly end: number;
}

/**
 * Lines the message's fields up with the pattern's slots, or returns null when there are too few.
 * Without `...`, extra fields are taken by the last slot, which is why the AWS docs' `[w1=ERROR, w2]`
 * matches a whole line that starts with ERROR.
 */
export function assignFields(pattern: DelimitedPattern, message: string): AssignedField[] | null {
  const fields = splitFields(message);
  const slots = pattern.slots;
  const ellipsis = slots.findIndex((slot) => slot.type === 'ellipsis');
  const assigned: AssignedField[] = [];
  if (ellipsis === -1) {
    if (fields.length < slots.length) return null;
    slots.forEach((slot, i) => {
      const isLast = i === slots.length - 1;
      if (isLast && fields.length > slots.length) {
        const [start, end] = [fields[i]!.start, fields[fields.length - 1]!.end];
        assigned.push({ slot, value: message.slice(start, end), position: i + 1, start, end });
      } else {
        assigned.push({ slot, ...valueOf(fields[i]!), position: i + 1 });
      }
    });
    return assigned;
  }
  const after = slots.length - ellipsis - 1;
  if (fields.length < ellipsis + after) return null;
  fields.forEach((field, i) => {
    const fromEnd = fields.length - i;
    const slot = i < ellipsis ? slots[i]! : fromEnd <= after ? slots[slots.length - fromEnd]! : null;
    assigned.push({ slot, ...valueOf(field), position: i + 1 });
  });
  return assigned;
}

/** A field's value and where it is: inside the brackets or quotes, if it has them. */
function valueOf(field: MessageField): { value: string; start: number; end: number } {
  const enclosed = field.end - field.start === field.value.length + 2;
  return { value: field.value, start: enclosed ? field.start + 1 : field.start, end: enclosed ? field.end - 1 : field.end };
}

function fieldMatches(field: AssignedField): boolean {
  return field.slot?.type !== 'field' || field.slot.condition === null || conditionHolds(field.slot.condition, field.value);
}

function conditionHolds(condition: FieldCondition, value: string): boolean {
  switch (condition.type) {
    case 'and':
      return condition.operands.every((operand) => conditionHolds(operand, value));
    case 'or':
      return condition.operands.some((operand) => conditionHolds(operand, value));
    case 'compare':
      return compareValue(condition.operator, condition.value, value);
  }
}
