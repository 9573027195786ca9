/**
 * A group's metric filters and what is done with them: the list, create/replace and delete (each followed
 * by the group's details, whose filter count changed), a test of a pattern against lines, the group's
 * recent events to test against, the events a pattern matched over a past range (for the preview of what
 * the metric would have been), and the data of a filter's metric, refreshed while it is on screen.
 */
import { experimental_streamedQuery as streamedQuery, keepPreviousData, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import type { FoundEvent, LogGroup, MetricDescriptor, MetricFilter, MetricPage, MetricQuery, SearchUpdate } from '../../../../../shared/contract';
import { streamIterable } from '../../../../../shared/stream-iterable';
import { useScope } from '../../../app/scope';
import { useRefreshGroup } from '../groups/groupMutations';
import { logsKeys } from '../logsKeys';
import type { PutMetricFilterRequest } from './metricFilterForm';

const NO_FILTERS: readonly MetricFilter[] = [];

export function useMetricFilters(logGroupName: string) {
  const { key } = useScope();
  const query = useQuery({ queryKey: logsKeys.metricFilters(key, logGroupName), queryFn: () => window.api.metricFilters.list({ logGroupName }) });
  return { query, filters: query.data?.filters ?? NO_FILTERS };
}

/** After a change: the list read again, and the group's details (its filter count) passed on. */
function useAfterChange(logGroupName: string, onGroupChanged: (group: LogGroup) => void) {
  const { key } = useScope();
  const queryClient = useQueryClient();
  const refreshGroup = useRefreshGroup();
  return async () => {
    await queryClient.invalidateQueries({ queryKey: logsKeys.metricFilters(key, logGroupName) });
    // The count in the header is a nicety: the change itself succeeded whatever this says.
    refreshGroup(logGroupName).then(onGroupChanged, () => undefined);
  };
}

export function usePutMetricFilter(logGroupName: string, onGroupChanged: (group: LogGroup) => void) {
  const afterChange = useAfterChange(logGroupName, onGroupChanged);
  return useMutation({ mutationFn: (request: PutMetricFilterRequest) => window.api.metricFilters.put(request), onSuccess: afterChange });
}

export function useDeleteMetricFilter(logGroupName: string, onGroupChanged: (group: LogGroup) => void) {
  const afterChange = useAfterChange(logGroupName, onGroupChanged);
  return useMutation({ mutationFn: (filterName: string) => window.api.metricFilters.delete({ logGroupName, filterName }), onSuccess: afterChange });
}

/** The newest `count` events of the group in the past day, oldest first, to test a pattern against. */
export function useRecentEvents(logGroupName: string, count: number, enabled: boolean) {
  const { key } = useScope();
  return useQuery({
    queryKey: logsKeys.recentEvents(key, logGroupName, count),
    enabled,
    staleTime: Infinity,
    queryFn: async ({ signal }) => {
      const endTime = Date.now();
      const selection = { logGroupNames: [logGroupName], filterPattern: '', startTime: endTime - 24 * 60 * 60 * 1000, endTime };
      const batches: (readonly FoundEvent[])[] = [];
      const updates = streamIterable<SearchUpdate>((listener) => window.api.logs.search({ selection, from: 'newest', maxEvents: count }, listener), signal);
      for await (const update of updates) if (update.type === 'events') batches.unshift(update.events);
      // The last batch may run past the count (a search stops after the batch that reaches it).
      return batches.flat().slice(-count);
    },
  });
}

/** The preview reads at most this many matching events, newest first. */
export const HISTORY_PREVIEW_MAX_EVENTS = 10_000;

export interface MatchedHistory {
  /** Oldest first. */
  readonly events: readonly FoundEvent[];
  /** The oldest time searched so far: the range is covered from here to its end. */
  readonly searchedFrom: number | undefined;
  /** The search stopped at `HISTORY_PREVIEW_MAX_EVENTS` before reaching the range's start. */
  readonly capped: boolean;
  /** The search ended by itself (at the range's start or the cap), not stopped. */
  readonly ended: boolean;
}

/**
 * The events of the group the pattern matches in [startTime, endTime) (FilterLogEvents, newest first, up to
 * `HISTORY_PREVIEW_MAX_EVENTS`), growing as pages arrive; `stop` ends the search where it is.
 */
export function useMatchedHistory(request: { readonly logGroupName: string; readonly filterPattern: string; readonly startTime: number; readonly endTime: number } | undefined) {
  const { key } = useScope();
  const queryClient = useQueryClient();
  const queryKey = logsKeys.filterHistory(key, request?.logGroupName ?? '', request?.filterPattern ?? '', request?.startTime ?? 0, request?.endTime ?? 0);
  const query = useQuery({
    queryKey,
    enabled: request !== undefined,
    staleTime: Infinity,
    queryFn: streamedQuery<SearchUpdate, MatchedHistory>({
      streamFn: ({ signal }) => {
        if (!request) throw new Error('No request');
        const { logGroupName, filterPattern, startTime, endTime } = request;
        const selection = { logGroupNames: [logGroupName], filterPattern, startTime, endTime };
        return streamIterable<SearchUpdate>((listener) => window.api.logs.search({ selection, from: 'newest', maxEvents: HISTORY_PREVIEW_MAX_EVENTS }, listener), signal);
      },
      reducer: (history, update) => {
        if (update.type === 'events') return { ...history, events: [...update.events, ...history.events] };
        if (update.type === 'progress') return { ...history, searchedFrom: update.searchedFrom };
        if (update.type === 'end') return { ...history, capped: update.cursor !== undefined, ended: true };
        return history;
      },
      initialValue: { events: [], searchedFrom: undefined, capped: false, ended: false },
      refetchMode: 'reset',
    }),
  });
  const stop = () => void queryClient.cancelQueries({ queryKey, exact: true });
  return { query, stop };
}

/** A number per list of lines (by identity), so a query key names up to 500 lines without hashing them on every render. */
const linesIds = new WeakMap<readonly string[], number>();
let nextLinesId = 0;
function linesId(lines: readonly string[]): number {
  let id = linesIds.get(lines);
  if (id === undefined) {
    id = ++nextLinesId;
    linesIds.set(lines, id);
  }
  return id;
}

/**
 * Which of the lines the pattern matches, with what it extracts; the previous answer stays while the next is
 * asked. `lines` should keep its identity while its content does (memoize it).
 */
export function useFilterTest(logGroupName: string, filterPattern: string | undefined, lines: readonly string[]) {
  const { key } = useScope();
  return useQuery({
    queryKey: logsKeys.filterTest(key, logGroupName, filterPattern ?? '', linesId(lines)),
    enabled: filterPattern !== undefined && lines.length > 0,
    placeholderData: keepPreviousData,
    staleTime: Infinity,
    queryFn: () => window.api.metricFilters.test({ filterPattern: filterPattern ?? '', messages: [...lines] }),
  });
}

/** How often a filter's metric is read again while shown: its first datapoints arrive within a minute. */
const METRIC_REFRESH_MS = 10_000;
const METRIC_WINDOW_MS = 30 * 60_000;

export function useFilterMetricData(filter: MetricFilter, query: MetricQuery) {
  const { key } = useScope();
  return useQuery({
    queryKey: logsKeys.filterMetric(key, filter.logGroupName, filter.filterName, query),
    refetchInterval: METRIC_REFRESH_MS,
    placeholderData: keepPreviousData,
    queryFn: async () => {
      const endTime = Math.ceil(Date.now() / 60_000) * 60_000;
      const startTime = endTime - METRIC_WINDOW_MS;
      const data = await window.api.metrics.getData({ queries: [query], startTime, endTime });
      return { data, startTime, endTime };
    },
  });
}

/**
 * The metrics a filter with dimensions has published so far, one per value combination (ListMetrics of its
 * name, only those with exactly its dimensions): an alarm watches one of them.
 */
export function useFilterDimensionMetrics(filter: MetricFilter, enabled: boolean) {
  const { key } = useScope();
  const { metricNamespace: namespace, metricName } = filter.transformation;
  const names = Object.keys(filter.transformation.dimensions ?? {}).sort();
  return useQuery({
    queryKey: logsKeys.filterDimensionMetrics(key, filter.logGroupName, filter.filterName, filter.creationTime),
    enabled: enabled && names.length > 0,
    refetchInterval: METRIC_REFRESH_MS,
    queryFn: async ({ signal }) => {
      const metrics: MetricDescriptor[] = [];
      const pages = streamIterable<MetricPage>((listener) => window.api.metrics.list({ namespace, metricName }, listener), signal);
      for await (const page of pages) metrics.push(...page.metrics);
      return metrics.filter((metric) => metric.dimensions.length === names.length && metric.dimensions.every((dimension) => names.includes(dimension.name)));
    },
  });
}

/** The filter as AWS has it now (undefined: it no longer exists), to tell whether it changed since it was opened. */
export async function readMetricFilter(logGroupName: string, filterName: string): Promise<MetricFilter | undefined> {
  const { filters } = await window.api.metricFilters.list({ logGroupName, namePrefix: filterName });
  return filters.find((filter) => filter.filterName === filterName);
}
