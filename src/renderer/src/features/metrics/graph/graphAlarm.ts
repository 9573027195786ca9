/**
 * "Create alarm" from a graph: an alarm watches exactly one series, so a graph with one visible series
 * starts a new alarm on it — a metric with its statistic and period, or an expression with the metric
 * queries it reads (every query of the graph, only the visible one returning data).
 */
import type { AlarmMetricQuery } from '../../../../../shared/contract';
import type { NewAlarmLink } from '../../../app/links/alarms';
import type { Graph } from './graph';

/** The new alarm's starting point, or why the graph cannot start one. */
export function graphAlarmLink(graph: Graph, periodSeconds: number): { readonly link: NewAlarmLink } | { readonly reason: string } {
  const visible = graph.series.filter((series) => series.visible);
  if (visible.length !== 1) {
    return { reason: visible.length === 0 ? 'Graph a metric first: an alarm watches one series.' : 'An alarm watches one series: hide the others (Graphed metrics) to alarm on the one left.' };
  }
  const watched = visible[0]!;
  if (watched.kind === 'metric') return { link: { metric: watched.metric, stat: watched.stat, period: watched.period ?? periodSeconds } };
  const metrics: AlarmMetricQuery[] = graph.series.map((series) => {
    const common = { id: series.id, returnData: series === watched, ...(series.label ? { label: series.label } : {}) };
    if (series.kind === 'metric') return { ...common, metricStat: { metric: { ...series.metric, dimensions: [...series.metric.dimensions] }, period: series.period ?? periodSeconds, stat: series.stat } };
    return { ...common, expression: series.expression, period: series.period ?? periodSeconds };
  });
  return { link: { metrics } };
}
