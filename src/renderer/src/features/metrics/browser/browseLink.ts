/**
 * The metric browser narrowed by a link (`metricsBrowseHash`): only metrics of some namespace and name
 * pairs, any dimensions. What does not read is dropped, never guessed.
 */
import { z } from 'zod';
import type { MetricDescriptor } from '../../../../../shared/contract';
import { METRICS_PARAMETERS, type MetricBrowseLink } from '../../../app/links/metrics';

const Link = z.object({
  title: z.string(),
  metrics: z.array(z.object({ namespace: z.string().min(1), metricName: z.string().min(1) })).min(1),
});

export function browseLinkOf(parameters: URLSearchParams): MetricBrowseLink | undefined {
  const text = parameters.get(METRICS_PARAMETERS.browse);
  if (!text) return undefined;
  try {
    const parsed = Link.safeParse(JSON.parse(text));
    return parsed.success ? parsed.data : undefined;
  } catch {
    return undefined;
  }
}

/** Whether a metric is one of the link's (any dimensions). */
export function linkedMetricTest(link: MetricBrowseLink): (metric: MetricDescriptor) => boolean {
  const names = new Set(link.metrics.map((metric) => JSON.stringify([metric.namespace, metric.metricName])));
  return (metric) => names.has(JSON.stringify([metric.namespace, metric.metricName]));
}
