/**
 * The metric a filter publishes, as a graph reads it: without dimensions one metric; with dimensions one
 * metric per value combination, which only the data knows, so a SEARCH of the namespace with exactly those
 * dimensions ("CloudWatch search expression syntax").
 */
import type { MetricFilter, MetricQuery } from '../../../../../shared/contract';

/** Counting filters (a number per match) read as a Sum; filters of extracted values as an Average. */
export function filterStat(filter: { readonly transformation: { readonly metricValue: string } }): 'Sum' | 'Average' {
  return filter.transformation.metricValue.startsWith('$') ? 'Average' : 'Sum';
}

/** A double-quoted search-query string: `"` and `\` escaped, and `'` (the SEARCH string's own quote) too. */
function quoted(text: string): string {
  return `"${text.replace(/[\\"']/g, (character) => `\\${character}`)}"`;
}

export function filterMetricQuery(filter: Pick<MetricFilter, 'transformation'>, period: number): MetricQuery {
  const { metricNamespace, metricName, dimensions } = filter.transformation;
  const names = Object.keys(dimensions ?? {}).sort();
  const stat = filterStat(filter);
  if (names.length === 0) {
    return { id: 'm1', metricStat: { metric: { namespace: metricNamespace, metricName, dimensions: [] }, period, stat }, label: metricName };
  }
  const schema = [metricNamespace, ...names].map(quoted).join(',');
  return { id: 'e1', expression: `SEARCH('{${schema}} MetricName=${quoted(metricName)}', '${stat}', ${period})`, period };
}
