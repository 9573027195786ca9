/**
 * The commands and functions of the Logs Insights language that Cloudscope understands, for completion
 * and for the parser's checks, and the names AWS has that Cloudscope does not run (refused as such).
 */
import type { CommandKind } from './ast';

export interface InsightsCommandInfo {
  /** As written in queries; `where` is another name for `filter`. */
  readonly name: CommandKind | 'where';
  readonly signature: string;
  readonly summary: string;
  readonly kind: 'command';
}

export type InsightsFunctionKind = 'aggregate' | 'general' | 'string' | 'numeric' | 'datetime';

export interface InsightsFunctionInfo {
  readonly name: string;
  readonly signature: string;
  readonly summary: string;
  readonly kind: InsightsFunctionKind;
  readonly minArgs: number;
  /** Infinity for functions that take any number of arguments. */
  readonly maxArgs: number;
}

export const INSIGHTS_COMMANDS: readonly InsightsCommandInfo[] = [
  { name: 'fields', signature: 'fields expr [as name], ...', summary: 'Chooses the fields to show; computes new ones from expressions.', kind: 'command' },
  { name: 'filter', signature: 'filter condition', summary: 'Keeps only the events for which the condition holds.', kind: 'command' },
  { name: 'where', signature: 'where condition', summary: 'Another name for filter.', kind: 'command' },
  { name: 'parse', signature: 'parse field "glob * text" as a, ... | parse field /(?<name>re)/', summary: 'Extracts fields from a field by a glob with * or a regex with named groups.', kind: 'command' },
  { name: 'stats', signature: 'stats aggregation [as name], ... [by expr [as name], ...]', summary: 'Aggregates events, optionally grouped by fields or by bin(period).', kind: 'command' },
  { name: 'sort', signature: 'sort field [asc|desc], ...', summary: 'Orders the results (ascending unless desc).', kind: 'command' },
  { name: 'limit', signature: 'limit [any] n', summary: 'Returns at most n results (up to 100,000); limit any stops at the first n matches.', kind: 'command' },
  { name: 'dedup', signature: 'dedup field, ...', summary: 'Keeps the first result of each distinct combination of the fields; only limit may follow.', kind: 'command' },
  { name: 'display', signature: 'display expr [as name], ...', summary: 'Shows only these fields (or computed values) in the results.', kind: 'command' },
];

const fn = (name: string, kind: InsightsFunctionKind, signature: string, summary: string, minArgs: number, maxArgs = minArgs): InsightsFunctionInfo => ({
  name,
  signature,
  summary,
  kind,
  minArgs,
  maxArgs,
});

export const INSIGHTS_FUNCTIONS: readonly InsightsFunctionInfo[] = [
  fn('count', 'aggregate', 'count(*) | count(field)', 'Number of events, or of events where the field is present.', 0, 1),
  fn('count_distinct', 'aggregate', 'count_distinct(field)', 'Number of distinct values of the field.', 1),
  fn('sum', 'aggregate', 'sum(number)', 'Sum of the values.', 1),
  fn('avg', 'aggregate', 'avg(number)', 'Mean of the values.', 1),
  fn('min', 'aggregate', 'min(value)', 'Smallest value.', 1),
  fn('max', 'aggregate', 'max(value)', 'Largest value.', 1),
  fn('pct', 'aggregate', 'pct(number, percentile)', 'Value at the given percentile (0–100).', 2),
  fn('stddev', 'aggregate', 'stddev(number)', 'Standard deviation of the values.', 1),
  fn('earliest', 'aggregate', 'earliest(field)', 'Value from the event with the earliest timestamp.', 1),
  fn('latest', 'aggregate', 'latest(field)', 'Value from the event with the latest timestamp.', 1),
  fn('ispresent', 'general', 'ispresent(field)', 'True when the event has the field.', 1),
  fn('coalesce', 'general', 'coalesce(a, b, ...)', 'First argument that is present and not null.', 1, Infinity),
  fn('strlen', 'string', 'strlen(text)', 'Length of the text in characters.', 1),
  fn('toupper', 'string', 'toupper(text)', 'The text in upper case.', 1),
  fn('tolower', 'string', 'tolower(text)', 'The text in lower case.', 1),
  fn('concat', 'string', 'concat(a, b, ...)', 'The arguments joined into one text.', 1, Infinity),
  fn('substr', 'string', 'substr(text, start[, length])', 'Part of the text from a zero-based start.', 2, 3),
  fn('replace', 'string', 'replace(text, search, replacement)', 'The text with every occurrence of search replaced.', 3),
  fn('strcontains', 'string', 'strcontains(text, search)', '1 if the text contains search, else 0.', 2),
  fn('trim', 'string', 'trim(text)', 'The text without leading and trailing white space.', 1),
  fn('ltrim', 'string', 'ltrim(text)', 'The text without leading white space.', 1),
  fn('rtrim', 'string', 'rtrim(text)', 'The text without trailing white space.', 1),
  fn('isempty', 'string', 'isempty(field)', '1 when the field is missing or an empty text, else 0.', 1),
  fn('isblank', 'string', 'isblank(field)', '1 when the field is missing, empty or only white space, else 0.', 1),
  fn('abs', 'numeric', 'abs(number)', 'Absolute value.', 1),
  fn('ceil', 'numeric', 'ceil(number)', 'Smallest integer not less than the number.', 1),
  fn('floor', 'numeric', 'floor(number)', 'Largest integer not greater than the number.', 1),
  fn('greatest', 'numeric', 'greatest(a, b, ...)', 'Largest of the numbers.', 1, Infinity),
  fn('least', 'numeric', 'least(a, b, ...)', 'Smallest of the numbers.', 1, Infinity),
  fn('log', 'numeric', 'log(number)', 'Natural logarithm.', 1),
  fn('sqrt', 'numeric', 'sqrt(number)', 'Square root.', 1),
  fn('bin', 'datetime', 'bin(period)', '@timestamp rounded down to the period, e.g. bin(5m), for stats … by.', 1),
  fn('datefloor', 'datetime', 'datefloor(timestamp, period)', 'The timestamp rounded down to the period.', 2),
  fn('dateceil', 'datetime', 'dateceil(timestamp, period)', 'The timestamp rounded up to the period.', 2),
  fn('frommillis', 'datetime', 'fromMillis(milliseconds)', 'A timestamp from milliseconds since the epoch.', 1),
  fn('tomillis', 'datetime', 'toMillis(timestamp)', 'Milliseconds since the epoch of a timestamp.', 1),
];

const FUNCTIONS_BY_NAME = new Map(INSIGHTS_FUNCTIONS.map((info) => [info.name, info]));

/** The function of that name, case-insensitively. */
export function insightsFunction(name: string): InsightsFunctionInfo | undefined {
  return FUNCTIONS_BY_NAME.get(name.toLowerCase());
}

export function isAggregateFunction(name: string): boolean {
  return insightsFunction(name)?.kind === 'aggregate';
}

/** AWS commands Cloudscope does not run; they are refused with `unsupported: true`. */
export const UNSUPPORTED_COMMANDS: readonly string[] = ['unmask', 'pattern', 'diff', 'anomaly', 'filterindex', 'source', 'lookup', 'unnest'];

/** AWS functions Cloudscope does not run. */
export const UNSUPPORTED_FUNCTIONS: readonly string[] = [
  'jsonparse',
  'jsonstringify',
  'isvalidip',
  'isvalidipv4',
  'isvalidipv6',
  'isipinsubnet',
  'isipv4insubnet',
  'isipv6insubnet',
  'sortsfirst',
  'sortslast',
  'rate',
  'count_over_time',
  'sum_over_time',
  'histogram',
  'percentile',
  'median',
];

/** Words with a meaning of their own: not field names unless backquoted. */
export const INSIGHTS_KEYWORDS: readonly string[] = ['and', 'or', 'not', 'like', 'in', 'as', 'by', 'asc', 'desc'];
