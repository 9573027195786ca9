/**
 * What a `stats` result looks like as a chart. With `by bin(…)`: a time series per value of the other
 * group-by fields (and per aggregation, when there are several). Without a bin: bars per group-by
 * value. Other results (no `stats`, or non-numeric aggregations) have no chart.
 */
import type { QueryRow } from '../../../../shared/contract';
import { parseInsightsQuery, type InsightsQuery } from '../../../../shared/languages/insights';
import { numericValue, parseInsightsTimestamp } from '../../../../shared/insights-values';
import type { ChartSeries } from '../../components/chart/chartOption';

export type ResultChart =
  | { readonly kind: 'time'; readonly series: readonly ChartSeries[]; readonly range: { readonly start: number; readonly end: number } }
  | { readonly kind: 'category'; readonly categories: readonly string[]; readonly series: ReadonlyArray<{ readonly label: string; readonly values: readonly (number | null)[] }> };

/** The columns of a query's last `stats`: its bin column (if any), its other group-by columns and its aggregations. */
export interface StatsShape {
  readonly binColumn?: string;
  readonly groupColumns: readonly string[];
  readonly valueColumns: readonly string[];
}

export function statsShape(query: InsightsQuery): StatsShape | undefined {
  const stats = [...query.commands].reverse().find((command) => command.kind === 'stats');
  if (stats === undefined || stats.kind !== 'stats') return undefined;
  const bin = stats.groups.find((group) => group.expression.kind === 'call' && group.expression.name === 'bin');
  return {
    ...(bin ? { binColumn: bin.name } : {}),
    groupColumns: stats.groups.filter((group) => group !== bin).map((group) => group.name),
    valueColumns: stats.aggregations.map((aggregation) => aggregation.name),
  };
}

export function shapeOfText(queryString: string): StatsShape | undefined {
  const parsed = parseInsightsQuery(queryString);
  return parsed.ok ? statsShape(parsed.query) : undefined;
}

export function resultChart(shape: StatsShape, rows: readonly QueryRow[]): ResultChart | undefined {
  if (rows.length === 0 || shape.valueColumns.length === 0) return undefined;
  const [onlyGroupColumn] = shape.groupColumns;
  // Called for every row of results up to 10,000 × the value columns: the one-group case needs no join.
  const groupLabelOf =
    shape.groupColumns.length === 1 && onlyGroupColumn !== undefined
      ? (row: QueryRow) => row[onlyGroupColumn] ?? ''
      : (row: QueryRow) => shape.groupColumns.map((column) => row[column] ?? '').join(' · ');
  const labelOf = (row: QueryRow, valueColumn: string) => {
    const groupLabel = groupLabelOf(row);
    if (shape.valueColumns.length === 1) return groupLabel === '' ? valueColumn : groupLabel;
    return groupLabel === '' ? valueColumn : `${valueColumn} · ${groupLabel}`;
  };

  if (shape.binColumn !== undefined) {
    const binColumn = shape.binColumn;
    const bySeries = new Map<string, Array<[number, number | null]>>();
    // Every series has the same bins: each bin's text is read once.
    const times = new Map<string, number | undefined>();
    let start = Infinity;
    let end = -Infinity;
    for (const row of rows) {
      const text = row[binColumn] ?? '';
      let time = times.get(text);
      if (time === undefined && !times.has(text)) {
        time = parseInsightsTimestamp(text);
        times.set(text, time);
      }
      if (time === undefined) continue;
      if (time < start) start = time;
      if (time > end) end = time;
      for (const valueColumn of shape.valueColumns) {
        const label = labelOf(row, valueColumn);
        let points = bySeries.get(label);
        if (points === undefined) {
          points = [];
          bySeries.set(label, points);
        }
        points.push([time, numericValue(row[valueColumn]) ?? null]);
      }
    }
    if (bySeries.size === 0) return undefined;
    const series = [...bySeries].map(([label, points]): ChartSeries => ({ id: label, label, points: points.sort((a, b) => a[0] - b[0]) }));
    return { kind: 'time', series, range: { start, end: end === start ? start + 1 : end } };
  }

  const categories = rows.map((row) => shape.groupColumns.map((column) => row[column] ?? '').join(' · ') || '(all)');
  const series = shape.valueColumns.map((column) => ({ label: column, values: rows.map((row) => numericValue(row[column]) ?? null) }));
  if (series.every((one) => one.values.every((value) => value === null))) return undefined;
  return { kind: 'category', categories, series };
}
