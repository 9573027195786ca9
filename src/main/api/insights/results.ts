/** GetQueryResults' rows (lists of field/value pairs) as the contract's rows, and the result's fields in order. */
import type { GetQueryResultsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { QueryRow, QueryStatistics } from '../../../shared/contract';

type AwsResults = NonNullable<GetQueryResultsCommandOutput['results']>;

export interface Rows {
  /** Every field any row has, in the order they first appear (`@ptr` last, as it is for opening a record, not reading). */
  readonly fields: readonly string[];
  readonly rows: readonly QueryRow[];
}

export function toRows(results: AwsResults): Rows {
  const fields = new Set<string>();
  const rows = results.map((row) => {
    const values: Record<string, string> = {};
    for (const { field, value } of row) {
      if (field === undefined) continue;
      values[field] = value ?? '';
      fields.add(field);
    }
    return values;
  });
  const ordered = [...fields].filter((field) => field !== '@ptr');
  if (fields.has('@ptr')) ordered.push('@ptr');
  return { fields: ordered, rows };
}

export function toStatistics(statistics: GetQueryResultsCommandOutput['statistics']): QueryStatistics {
  return {
    recordsMatched: statistics?.recordsMatched ?? 0,
    recordsScanned: statistics?.recordsScanned ?? 0,
    bytesScanned: statistics?.bytesScanned ?? 0,
  };
}

/** The union of two results' fields, in order of first appearance. */
export function mergeFields(known: readonly string[], more: readonly string[]): string[] {
  const merged = [...known];
  for (const field of more) if (!merged.includes(field)) merged.push(field);
  const pointer = merged.indexOf('@ptr');
  if (pointer >= 0 && pointer < merged.length - 1) merged.push(...merged.splice(pointer, 1));
  return merged;
}
