/** What a query tab holds before it runs: the text, the groups, the range, and the saved query it came from. */
import { formatTimeRange, lastDuration, parseTimeRange, type TimeRange } from '../../../../shared/time-range';

export interface QueryDraft {
  readonly id: number;
  readonly queryString: string;
  readonly logGroupNames: readonly string[];
  readonly range: TimeRange;
  readonly definition?: { readonly id: string; readonly name: string };
}

export const DEFAULT_QUERY = 'fields @timestamp, @message, @logStream, @log\n| sort @timestamp desc\n| limit 100';

export function newDraft(id: number, from: Partial<Omit<QueryDraft, 'id'>> = {}): QueryDraft {
  return { id, queryString: DEFAULT_QUERY, logGroupNames: [], range: lastDuration(60 * 60 * 1000), ...from };
}

/** A tab's name: the saved query's, else the query's first command worth reading. */
export function draftTitle(draft: QueryDraft, index: number): string {
  if (draft.definition) return draft.definition.name.split('/').pop() ?? draft.definition.name;
  const line = draft.queryString
    .split('|')
    .map((part) => part.trim())
    .find((part) => /^(filter|stats|parse)\b/i.test(part));
  if (line === undefined) return `Query ${index + 1}`;
  return line.length > 28 ? `${line.slice(0, 27)}…` : line;
}

/** Ranges in the location hash are read and written in UTC, as the Logs view's are. */
const HASH_ZONE = 'utc';

/** The tab on screen in the location hash ("#/insights?query=…&group=…&range=-1h"), so a reload or a link opens it again. */
export function draftParameters(draft: QueryDraft): URLSearchParams {
  const parameters = new URLSearchParams();
  parameters.set('query', draft.queryString);
  for (const name of draft.logGroupNames) parameters.append('group', name);
  parameters.set('range', formatTimeRange(draft.range, HASH_ZONE));
  return parameters;
}

/** The query a hash holds, if it holds one (a range it cannot read falls back to the last hour). */
export function draftFromParameters(parameters: URLSearchParams, now: number): Partial<Omit<QueryDraft, 'id'>> | undefined {
  const queryString = parameters.get('query');
  if (queryString === null) return undefined;
  const range = parseTimeRange(parameters.get('range') ?? '', HASH_ZONE, now);
  return {
    queryString,
    logGroupNames: [...new Set(parameters.getAll('group').filter((name) => name !== ''))],
    ...(range.ok ? { range: range.range } : {}),
  };
}
