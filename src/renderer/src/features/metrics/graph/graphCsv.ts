/**
 * The graph's data as CSV rows: a time column (ISO 8601, UTC) and one column per series, a row per
 * time any series has a datapoint; an empty cell where a series has none (no data is not zero).
 */
import type { ChartSeries } from '../../../components/chart/chartOption';

export const TIME_COLUMN = 'Time (UTC)';
/** files.saveBegin takes at most 200 columns. */
export const CSV_MAX_SERIES = 199;

export interface CsvTable {
  readonly columns: readonly string[];
  readonly rows: readonly Record<string, string | number | null>[];
}

export function csvTableOf(series: readonly ChartSeries[]): CsvTable {
  const included = series.slice(0, CSV_MAX_SERIES);
  const columns = uniqueNames(included.map((item) => item.label.slice(0, 256) || item.id));
  const byTime = new Map<number, Record<string, string | number | null>>();
  included.forEach((item, index) => {
    const column = columns[index] as string;
    for (const [time, value] of item.points) {
      if (value === null) continue;
      let row = byTime.get(time);
      if (!row) {
        row = { [TIME_COLUMN]: new Date(time).toISOString() };
        byTime.set(time, row);
      }
      row[column] = value;
    }
  });
  const rows = [...byTime.entries()].sort(([a], [b]) => a - b).map(([, row]) => Object.fromEntries([TIME_COLUMN, ...columns].map((column) => [column, row[column] ?? null])));
  return { columns: [TIME_COLUMN, ...columns], rows };
}

/** Labels may repeat (the same metric twice); columns may not: "Errors", "Errors (2)". */
function uniqueNames(names: readonly string[]): string[] {
  const used = new Map<string, number>([[TIME_COLUMN, 1]]);
  return names.map((name) => {
    const count = (used.get(name) ?? 0) + 1;
    used.set(name, count);
    return count === 1 ? name : `${name} (${count})`;
  });
}
