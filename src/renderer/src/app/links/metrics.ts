/**
 * Links into the Metrics view: the metric browser narrowed to some metrics (by namespace and name, any
 * dimensions, e.g. those a log group's metric filters publish), or a graph. The metrics view reads the
 * same parameters, so this module owns their names.
 */
import type { MetricDescriptor } from '../../../../shared/contract';

export const METRICS_ROUTE = '/metrics';

/** The metrics view's parameters in the location hash ("#/metrics?browse={…}"). */
export const METRICS_PARAMETERS = {
  /** A graph, JSON as the metrics view stores it (features/metrics/graph/graphHash.ts). */
  graph: 'graph',
  /** JSON of `MetricBrowseLink`: the browser shows only these metrics. */
  browse: 'browse',
} as const;

/** The browser narrowed to metrics of these names, with what they are (e.g. "metric filters of /ecs/orders"). */
export interface MetricBrowseLink {
  readonly title: string;
  readonly metrics: readonly { readonly namespace: string; readonly metricName: string }[];
}

export function metricsBrowseHash(link: MetricBrowseLink): string {
  return `#${METRICS_ROUTE}?${new URLSearchParams({ [METRICS_PARAMETERS.browse]: JSON.stringify(link) }).toString()}`;
}

/** A graph of metrics (with a statistic) and metric math expressions (SEARCH included). */
export interface MetricGraphLink {
  readonly title: string;
  /** As the time-range picker types it, in UTC, e.g. `-3h`. */
  readonly range: string;
  readonly series: readonly ({ readonly metric: MetricDescriptor; readonly stat: string } | { readonly expression: string })[];
  /** Refetch every this many seconds while on screen; 0: off. */
  readonly refreshSeconds?: number;
}

export function metricGraphHash(link: MetricGraphLink): string {
  let metrics = 0;
  let expressions = 0;
  const series = link.series.map((entry) =>
    'metric' in entry ? { kind: 'metric', id: `m${++metrics}`, metric: entry.metric, stat: entry.stat } : { kind: 'expression', id: `e${++expressions}`, expression: entry.expression },
  );
  const graph = { title: link.title, range: link.range, series, refreshSeconds: link.refreshSeconds ?? 0 };
  return `#${METRICS_ROUTE}?${new URLSearchParams({ [METRICS_PARAMETERS.graph]: JSON.stringify(graph) }).toString()}`;
}
