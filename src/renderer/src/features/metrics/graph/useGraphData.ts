/**
 * A graph's data for the range as resolved at `now`: one GetMetricData request (main pages and splits
 * it), cached per request, the previous answer kept on screen while the next one loads.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import type { MetricDataRequest } from '../../../../../shared/contract';
import { useScope } from '../../../app/scope';
import { metricsKeys } from '../metricsKeys';

export function useGraphData(request: MetricDataRequest | undefined) {
  const { key } = useScope();
  return useQuery({
    queryKey: request ? metricsKeys.data(key, request) : [...key, 'metrics', 'data', 'none'],
    queryFn: ({ signal }) => {
      if (!request) throw new Error('No request');
      return withSignal(window.api.metrics.getData(request), signal);
    },
    enabled: request !== undefined,
    placeholderData: keepPreviousData,
    // A graph of the same range asked again (Refresh, live) is fetched again.
    staleTime: 0,
    gcTime: 60_000,
  });
}

/** Lets a superseded request stop mattering: the promise rejects when the query is cancelled. */
function withSignal<T>(promise: Promise<T>, signal: AbortSignal): Promise<T> {
  return new Promise((resolve, reject) => {
    signal.addEventListener('abort', () => reject(signal.reason), { once: true });
    promise.then(resolve, reject);
  });
}
