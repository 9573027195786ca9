/**
 * Whether a capped query's rows can be fetched by splitting its range, and in which order the slices
 * merge: only for queries whose rows are events sorted by time (`sort @timestamp`, no `stats`, `dedup`
 * or `limit`): slices of the range then merge into the order one query without a cap would give.
 */
import { parseInsightsQuery } from '../../../../shared/languages/insights';

export type FetchAllOrder = 'newest-first' | 'oldest-first';

export function fetchAllOrder(queryString: string): FetchAllOrder | undefined {
  const parsed = parseInsightsQuery(queryString);
  if (!parsed.ok) return undefined;
  let order: FetchAllOrder | undefined;
  for (const command of parsed.query.commands) {
    if (command.kind === 'stats' || command.kind === 'dedup' || command.kind === 'limit') return undefined;
    if (command.kind === 'sort') {
      const [key, ...others] = command.keys;
      if (key === undefined || others.length > 0 || key.name !== '@timestamp') return undefined;
      order = key.descending ? 'newest-first' : 'oldest-first';
    }
  }
  return order;
}
