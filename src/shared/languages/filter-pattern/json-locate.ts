/**
 * Where the values a JSON property selector points to are in the text of a JSON log event, so they
 * can be highlighted. It follows `selectValues` step by step over the raw text, skipping what the
 * selector does not enter, without recursion (a hostile event may nest deeply). The text must be JSON
 * that `JSON.parse` accepted.
 */
import type { SelectorStep } from './ast';
import type { TextSpan } from './regex-spans';

/** The spans of the values `steps` reaches from the root value of `json`; several through a wildcard. */
export function locateJsonValues(json: string, steps: readonly SelectorStep[]): TextSpan[] {
  const rootStart = skipSpace(json, 0);
  let current: TextSpan[] = [{ start: rootStart, end: skipValue(json, rootStart) }];
  for (const step of steps) {
    const next: TextSpan[] = [];
    for (const span of current) {
      const open = json.charAt(span.start);
      if (open === '{' && step.type !== 'index') {
        const members = objectMembers(json, span.start);
        if (step.type === 'key') {
          const member = members.get(step.key);
          if (member) next.push(member);
        } else {
          next.push(...members.values());
        }
      } else if (open === '[' && step.type !== 'key') {
        const items = arrayItems(json, span.start);
        if (step.type === 'wildcard') next.push(...items);
        else if (step.index < items.length) next.push(items[step.index]!);
      }
    }
    current = next;
    if (current.length === 0) break;
  }
  return current;
}

/** The members of the object at `open`, by key; for a repeated key the last one, as JSON.parse keeps. */
function objectMembers(json: string, open: number): Map<string, TextSpan> {
  const members = new Map<string, TextSpan>();
  let i = skipSpace(json, open + 1);
  while (json.charAt(i) === '"') {
    const keyEnd = skipString(json, i);
    const key = JSON.parse(json.slice(i, keyEnd)) as string;
    const start = skipSpace(json, skipSpace(json, keyEnd) + 1);
    const end = skipValue(json, start);
    members.delete(key);
    members.set(key, { start, end });
    i = skipSpace(json, end);
    if (json.charAt(i) === ',') i = skipSpace(json, i + 1);
  }
  return members;
}

function arrayItems(json: string, open: number): TextSpan[] {
  const items: TextSpan[] = [];
  let i = skipSpace(json, open + 1);
  while (i < json.length && json.charAt(i) !== ']') {
    const end = skipValue(json, i);
    items.push({ start: i, end });
    i = skipSpace(json, end);
    if (json.charAt(i) === ',') i = skipSpace(json, i + 1);
  }
  return items;
}

/** The end of the value that starts at `start`. */
function skipValue(json: string, start: number): number {
  const first = json.charAt(start);
  if (first === '"') return skipString(json, start);
  if (first === '{' || first === '[') {
    let depth = 0;
    let i = start;
    while (i < json.length) {
      const ch = json.charAt(i);
      if (ch === '"') {
        i = skipString(json, i);
        continue;
      }
      if (ch === '{' || ch === '[') depth++;
      else if (ch === '}' || ch === ']') {
        depth--;
        if (depth === 0) return i + 1;
      }
      i++;
    }
    return json.length;
  }
  let i = start;
  while (i < json.length && !',}] \t\n\r'.includes(json.charAt(i))) i++;
  return i;
}

/** The end of the string whose opening quote is at `open`, closing quote included. */
function skipString(json: string, open: number): number {
  let i = open + 1;
  while (i < json.length) {
    const ch = json.charAt(i);
    if (ch === '\\') i += 2;
    else if (ch === '"') return i + 1;
    else i++;
  }
  return json.length;
}

/** JSON's whitespace: space, tab, line feed and carriage return. */
function skipSpace(json: string, from: number): number {
  let i = from;
  while (i < json.length && ' \t\n\r'.includes(json.charAt(i))) i++;
  return i;
}
