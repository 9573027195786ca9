/**
 * `metrics.list`: every metric that fits the filters, ListMetrics page after page (500 each). The pages
 * form one NextToken chain, so calls go one at a time; each is paced by the scope's ListMetrics limiter
 * (AWS's default quota, adapting to throttles) with the 'paced' budget's patient retries, and the next
 * call is on its way while a page is handed to the window.
 */
import { CloudWatchClient, ListMetricsCommand, type ListMetricsCommandOutput, type Metric } from '@aws-sdk/client-cloudwatch';
import type { CloudscopeHandlers, MetricDescriptor, MetricPage } from '../../../shared/contract';
import { paced } from '../paced';
import type { Session } from '../session';

export function listHandler(session: Session): CloudscopeHandlers['metrics']['list'] {
  return async function* list(request, { signal }): AsyncGenerator<MetricPage> {
    const scoped = await session.client(CloudWatchClient, signal, 'paced');
    const { client, abortSignal } = scoped;
    const limiter = scoped.limiter('ListMetrics');
    let throttled = 0;
    const fetchPage = (nextToken: string | undefined): Promise<ListMetricsCommandOutput> => {
      const command = new ListMetricsCommand({
        Namespace: request.namespace,
        MetricName: request.metricName,
        Dimensions: request.dimensions?.map((dimension) => ({ Name: dimension.name, Value: dimension.value })),
        RecentlyActive: request.recentlyActive ? 'PT3H' : undefined,
        NextToken: nextToken,
      });
      return client.send(paced(command, limiter, abortSignal, { throttled: () => (throttled += 1) }), { abortSignal });
    };
    let pending: Promise<ListMetricsCommandOutput> | undefined = fetchPage(undefined);
    let pages = 0;
    try {
      while (pending) {
        const output: ListMetricsCommandOutput = await pending;
        pending = output.NextToken ? fetchPage(output.NextToken) : undefined;
        pages += 1;
        yield { metrics: (output.Metrics ?? []).map(toDescriptor), pages, throttled };
      }
    } finally {
      // Stopped early: the call already on its way must not fail unobserved.
      pending?.catch(() => undefined);
    }
  };
}

export function toDescriptor(metric: Metric): MetricDescriptor {
  return {
    namespace: metric.Namespace ?? '',
    metricName: metric.MetricName ?? '',
    dimensions: (metric.Dimensions ?? []).map((dimension) => ({ name: dimension.Name ?? '', value: dimension.Value ?? '' })),
  };
}
