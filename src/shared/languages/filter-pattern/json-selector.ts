/**
 * JSON property selectors (`$.eventType`, `$.users[0].email`, `$.['cluster.name']`, `$.arrayKey[*]`,
 * `$.*`): parsing, and selecting the values they point to in a parsed log event.
 */
import type { JsonSelector, SelectorStep } from './ast';
import { fail } from './errors';
import type { Scanner } from './scanner';

/** AWS quotas: one wildcard per property selector, three per filter pattern. */
export const MAX_WILDCARDS_PER_SELECTOR = 1;
export const MAX_WILDCARDS_PER_PATTERN = 3;

export interface WildcardBudget {
  used: number;
}

/** Property names: letters, digits, `-` and `_` (AWS docs); other names need the bracket form `['name']`. */
const NAME = /^[A-Za-z0-9_-]+/;

export function parseSelector(scanner: Scanner, budget: WildcardBudget): JsonSelector {
  const start = scanner.pos;
  if (!scanner.accept('$')) scanner.failHere(`Expected a property selector such as $.eventType, but found ${scanner.describeNext()}.`);
  if (scanner.peek() !== '.') scanner.failHere('Expected "." after "$", as in $.eventType.');
  const steps: SelectorStep[] = [];
  let wildcardsHere = 0;
  for (;;) {
    const stepStart = scanner.pos;
    let step: SelectorStep;
    if (scanner.accept('.')) {
      step = scanner.peek() === '[' ? parseBracket(scanner) : parseDotStep(scanner);
    } else if (scanner.peek() === '[') {
      step = parseBracket(scanner);
    } else {
      break;
    }
    if (step.type === 'wildcard') {
      wildcardsHere++;
      budget.used++;
      if (wildcardsHere > MAX_WILDCARDS_PER_SELECTOR) {
        fail('A property selector can contain at most one wildcard (*).', stepStart, scanner.pos - stepStart);
      }
      if (budget.used > MAX_WILDCARDS_PER_PATTERN) {
        fail(`A filter pattern can contain at most ${MAX_WILDCARDS_PER_PATTERN} wildcard selectors.`, stepStart, scanner.pos - stepStart);
      }
    }
    steps.push(step);
  }
  return { text: scanner.text.slice(start, scanner.pos), steps };
}

function parseDotStep(scanner: Scanner): SelectorStep {
  if (scanner.accept('*')) return { type: 'wildcard' };
  const name = NAME.exec(scanner.text.slice(scanner.pos));
  if (name === null) {
    scanner.failHere(
      `Expected a property name after ".", but found ${scanner.describeNext()}; names with characters other than letters, digits, - and _ need the form $.['name'].`,
    );
  }
  scanner.pos += name[0].length;
  return { type: 'key', key: name[0] };
}

/** `[0]`, `[*]`, `['name']` or `["name"]`. */
function parseBracket(scanner: Scanner): SelectorStep {
  const open = scanner.pos;
  scanner.pos++;
  let step: SelectorStep;
  const quoteChar = scanner.peek();
  if (quoteChar === "'" || quoteChar === '"') {
    const close = scanner.text.indexOf(quoteChar, scanner.pos + 1);
    if (close === -1) fail(`This quote is never closed; expected a closing ${quoteChar}.`, scanner.pos);
    step = { type: 'key', key: scanner.text.slice(scanner.pos + 1, close) };
    scanner.pos = close + 1;
  } else if (scanner.accept('*')) {
    step = { type: 'wildcard' };
  } else {
    const digits = /^\d+/.exec(scanner.text.slice(scanner.pos));
    if (digits === null) scanner.failHere(`Expected an array index, * or a quoted property name after "[", but found ${scanner.describeNext()}.`);
    scanner.pos += digits[0].length;
    step = { type: 'index', index: Number(digits[0]) };
  }
  if (!scanner.accept(']')) {
    if (scanner.atEnd()) fail('This "[" is never closed; expected "]".', open);
    scanner.failHere(`Expected "]" to close the "[", but found ${scanner.describeNext()}.`);
  }
  return step;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The values the selector points to in `root`: none if it leads nowhere, several through a wildcard. */
export function selectValues(root: unknown, steps: readonly SelectorStep[]): unknown[] {
  let current: unknown[] = [root];
  for (const step of steps) {
    const next: unknown[] = [];
    for (const value of current) {
      if (step.type === 'key') {
        if (isObject(value) && Object.hasOwn(value, step.key)) next.push(value[step.key]);
      } else if (step.type === 'index') {
        if (Array.isArray(value) && step.index < value.length) next.push(value[step.index]);
      } else if (Array.isArray(value)) {
        next.push(...value);
      } else if (isObject(value)) {
        next.push(...Object.values(value));
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}
