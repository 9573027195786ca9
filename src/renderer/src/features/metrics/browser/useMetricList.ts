/**
 * Every metric of the scope (or only those active in the past three hours), loaded page by page through
 * the `metrics.list` stream: the list grows as pages arrive; the pages so far and AWS's throttles are
 * kept for the progress line.
 */
import { experimental_streamedQuery as streamedQuery, useQuery, useQueryClient } from '@tanstack/react-query';
import { useCallback } from 'react';
import type { MetricDescriptor, MetricPage } from '../../../../../shared/contract';
import { streamIterable } from '../../../../../shared/stream-iterable';
import { useScope } from '../../../app/scope';
import { metricsKeys } from '../metricsKeys';

export interface MetricList {
  readonly metrics: MetricDescriptor[];
  readonly pages: number;
  readonly throttled: number;
}

const EMPTY: MetricList = { metrics: [], pages: 0, throttled: 0 };

export function useMetricList(recentlyActive: boolean) {
  const { key } = useScope();
  const queryClient = useQueryClient();
  const queryKey = metricsKeys.list(key, recentlyActive);
  const query = useQuery({
    queryKey,
    queryFn: streamedQuery<MetricPage, MetricList>({
      streamFn: ({ signal }) => streamIterable((listener) => window.api.metrics.list({ recentlyActive }, listener), signal),
      reducer: (list, page) => {
        // A fresh array for a fresh listing, then appended in place: copying 100,000 metrics on every
        // page would cost more than the page. Readers depend on the list object, which is new each page.
        const metrics = list === EMPTY ? [...page.metrics] : list.metrics;
        if (list !== EMPTY) metrics.push(...page.metrics);
        return { metrics, pages: page.pages, throttled: page.throttled };
      },
      initialValue: EMPTY,
      refetchMode: 'reset',
    }),
    structuralSharing: false,
  });
  const stop = useCallback(() => queryClient.cancelQueries({ queryKey: metricsKeys.list(key, recentlyActive), exact: true }), [queryClient, key, recentlyActive]);
  return { query, stop };
}
