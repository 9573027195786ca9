/**
 * What to highlight in a log event that a filter pattern matched: the evidence of the match. Terms and
 * quoted phrases wherever they occur (case-sensitive, as CloudWatch matches them), each regex match,
 * the JSON values and space-delimited fields whose conditions held. Excluded terms, and conditions
 * that only say a field is absent, have nothing to show. A message the pattern does not match gets none.
 */
import type { FilterPattern, JsonExpression, TextMatcher } from './ast';
import { locateJsonValues } from './json-locate';
import { selectValues } from './json-selector';
import { assignFields, matchesFilterPattern, parseJsonObject, testJsonValues } from './match';
import type { TextSpan } from './regex-spans';

/** The ranges of `message` to highlight, sorted, none overlapping or touching. */
export function highlightRanges(pattern: FilterPattern, message: string): TextSpan[] {
  if (!matchesFilterPattern(pattern, message)) return [];
  switch (pattern.kind) {
    case 'all':
      return [];
    case 'terms':
      return mergeSpans([...pattern.required, ...pattern.anyOf].flatMap((matcher) => occurrences(matcher, message)));
    case 'json': {
      const spans: TextSpan[] = [];
      collectJsonSpans(pattern.expression, parseJsonObject(message), message, spans);
      return mergeSpans(spans);
    }
    case 'delimited': {
      const fields = assignFields(pattern, message) ?? [];
      return mergeSpans(fields.filter((field) => field.slot?.type === 'field' && field.slot.condition !== null));
    }
  }
}

function occurrences(matcher: TextMatcher, message: string): TextSpan[] {
  if (matcher.type === 'regex') return matcher.regex.spans(message);
  const spans: TextSpan[] = [];
  if (matcher.text === '') return spans;
  for (let at = message.indexOf(matcher.text); at !== -1; at = message.indexOf(matcher.text, at + 1)) {
    spans.push({ start: at, end: at + matcher.text.length });
  }
  return spans;
}

/**
 * Adds the spans of the values that make `expression` hold, and says whether it holds. Of an `||`
 * only the branches that hold count; of an `&&`, nothing unless every operand holds.
 */
function collectJsonSpans(expression: JsonExpression, root: unknown, json: string, into: TextSpan[]): boolean {
  switch (expression.type) {
    case 'and': {
      const spans: TextSpan[] = [];
      if (!expression.operands.every((operand) => collectJsonSpans(operand, root, json, spans))) return false;
      into.push(...spans);
      return true;
    }
    case 'or':
      return expression.operands.map((operand) => collectJsonSpans(operand, root, json, into)).some(Boolean);
    case 'condition': {
      const { selector, test } = expression;
      if (!testJsonValues(test, selectValues(root, selector.steps))) return false;
      if (test.type === 'notExists') return true;
      for (const span of locateJsonValues(json, selector.steps)) {
        const first = json.charAt(span.start);
        // Objects and arrays are never what a test compares.
        if (first === '{' || first === '[') continue;
        if (!testJsonValues(test, [JSON.parse(json.slice(span.start, span.end))])) continue;
        into.push(first === '"' ? { start: span.start + 1, end: span.end - 1 } : span);
      }
      return true;
    }
  }
}

/** Sorted, with overlapping and touching spans joined and empty ones dropped. */
export function mergeSpans(spans: readonly TextSpan[]): TextSpan[] {
  const sorted = spans.filter((span) => span.end > span.start).sort((a, b) => a.start - b.start || a.end - b.end);
  const merged: TextSpan[] = [];
  for (const span of sorted) {
    const last = merged[merged.length - 1];
    if (last && span.start <= last.end) merged[merged.length - 1] = { start: last.start, end: Math.max(last.end, span.end) };
    else merged.push({ start: span.start, end: span.end });
  }
  return merged;
}
