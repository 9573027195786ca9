/** What a query shows: the result columns it produces, for table headers before the first row arrives. */
import type { InsightsQuery } from './ast';

/**
 * The result columns in order, or undefined when the query shows every field of each event (no
 * `fields`, `display` or `stats`). `stats` shows its groups, then its aggregations; `display` shows
 * exactly its fields; `fields` adds its fields to those shown so far.
 */
export function displayedFields(query: InsightsQuery): readonly string[] | undefined {
  let columns: string[] | undefined;
  for (const command of query.commands) {
    switch (command.kind) {
      case 'fields':
        columns = [...new Set([...(columns ?? []), ...command.items.map((item) => item.name)])];
        break;
      case 'display':
        columns = [...new Set(command.items.map((item) => item.name))];
        break;
      case 'stats':
        columns = [...new Set([...command.groups, ...command.aggregations].map((item) => item.name))];
        break;
      default:
        break;
    }
  }
  return columns;
}
