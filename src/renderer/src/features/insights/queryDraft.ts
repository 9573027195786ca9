/** What a query tab holds before it runs: the text, the groups, the range, and the saved query it came from. */
import { lastDuration, type TimeRange } from '../../../../shared/time-range';

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
