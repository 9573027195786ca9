/**
 * `logs.search`: FilterLogEvents over every selected group in parallel, merged by time. The range is
 * read in slices from the end the user starts at; each slice is fetched completely across the groups
 * (every page, until AWS gives no nextToken) and delivered as one ascending batch, so what the window
 * shows is always a gap-free stretch of time.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { setMaxListeners } from 'node:events';
import type { CloudscopeHandlers, FoundEvent, SearchUpdate } from '../../../shared/contract';
import type { ScopedClient, Session } from '../session';
import { filterAll, type GroupFilter } from './filter';
import { selectedGroups } from './group-selection';
import {
  cutAtMillisecond,
  decodeCursor,
  encodeCursor,
  INITIAL_SLICE_MS,
  nextSliceLength,
  rangeAfter,
  searchIdentity,
  sliceOf,
  sliceTarget,
  type Range,
  type SearchFrom,
} from './search-slices';

/** A slice holding this many times its target is given up and read again in smaller pieces. */
const OVERFULL_FACTOR = 4;

export function searchHandler(session: Session): CloudscopeHandlers['logs']['search'] {
  return async function* search(request, { signal }): AsyncGenerator<SearchUpdate> {
    const scoped = await session.client(CloudWatchLogsClient, signal);
    const { selection, from, maxEvents } = request;
    const groups = await selectedGroups(scoped, selection);
    yield { type: 'groups', logGroupNames: groups };

    const cursor = request.cursor === undefined ? undefined : decodeCursor(request.cursor, from, selection);
    let range: Range | undefined = { startTime: selection.startTime, endTime: selection.endTime };
    if (cursor !== undefined) range = resumed(range, from, cursor.resumeAt);
    const searchedEnd = from === 'newest' ? selection.endTime : selection.startTime;
    const filters: GroupFilter[] = groups.map((logGroupName) => ({
      logGroupName,
      logStreamNames: selection.logStreamNames,
      logStreamNamePrefix: selection.logStreamNamePrefix,
      filterPattern: selection.filterPattern,
    }));
    const excluded = new Set(request.excludeEventIds ?? []);
    let sliceLength = cursor?.sliceLength ?? INITIAL_SLICE_MS;
    let found = 0;

    while (range !== undefined) {
      const wanted = maxEvents - found;
      const target = sliceTarget(wanted);
      const slice = sliceOf(range, from, sliceLength);
      const cap = sliceLength > 1 ? OVERFULL_FACTOR * Math.max(target, wanted) : undefined;
      const fetched = await fetchSlice(scoped, filters, slice, cap);
      if (fetched === undefined) {
        sliceLength = Math.max(1, Math.floor(sliceLength / 8));
        continue;
      }
      const events = excluded.size === 0 ? fetched : fetched.filter((event) => event.eventId === undefined || !excluded.has(event.eventId));
      sliceLength = nextSliceLength(sliceLength, fetched.length, target);

      if (events.length >= wanted) {
        const cut = cutAtMillisecond(events, wanted, from);
        found += cut.events.length;
        yield { type: 'events', events: cut.events };
        const rest = resumed(range, from, cut.resumeAt);
        yield progress(from, searchedEnd, rest ?? emptyRangeAtEnd(selection, from), found);
        yield rest === undefined
          ? { type: 'end' }
          : { type: 'end', cursor: encodeCursor({ from, resumeAt: cut.resumeAt, sliceLength, search: searchIdentity(selection) }) };
        return;
      }
      found += events.length;
      if (events.length > 0) yield { type: 'events', events };
      range = rangeAfter(range, from, slice);
      yield progress(from, searchedEnd, range ?? emptyRangeAtEnd(selection, from), found);
    }
    yield { type: 'end' };
  };
}

/** Every event of every group in `slice`, sorted by time (groups in their order within a millisecond); undefined when more than `cap`. */
async function fetchSlice(
  scoped: ScopedClient<CloudWatchLogsClient>,
  filters: readonly GroupFilter[],
  slice: Range,
  cap: number | undefined,
): Promise<FoundEvent[] | undefined> {
  const overfull = new AbortController();
  const signal = AbortSignal.any([scoped.abortSignal, overfull.signal]);
  // Each group's call listens to it (the SDK's request and the rate limiter's wait).
  setMaxListeners(4 * filters.length + 10, signal);
  const perGroup = await Promise.all(
    filters.map(async (filter) => {
      try {
        const events = await filterAll(scoped, filter, slice, { maxEvents: cap, signal });
        if (events === undefined) overfull.abort();
        return events;
      } catch (error) {
        if (overfull.signal.aborted && !scoped.abortSignal.aborted) return undefined;
        overfull.abort();
        throw error;
      }
    }),
  );
  const merged: FoundEvent[] = [];
  for (const events of perGroup) {
    if (events === undefined) return undefined;
    for (const event of events) merged.push(event);
  }
  if (cap !== undefined && merged.length > cap) return undefined;
  // Stable: events of one group keep AWS's order, groups keep theirs within a millisecond.
  return filters.length > 1 ? merged.sort((a, b) => a.timestamp - b.timestamp) : merged;
}

function resumed(range: Range, from: SearchFrom, resumeAt: number): Range | undefined {
  const rest = from === 'newest' ? { startTime: range.startTime, endTime: Math.min(range.endTime, resumeAt) } : { startTime: Math.max(range.startTime, resumeAt), endTime: range.endTime };
  return rest.startTime <= rest.endTime ? rest : undefined;
}

function emptyRangeAtEnd(selection: Range, from: SearchFrom): Range {
  return from === 'newest' ? { startTime: selection.startTime, endTime: selection.startTime - 1 } : { startTime: selection.endTime + 1, endTime: selection.endTime };
}

/** Everything between the end the search started at and what is still to do has been searched. */
function progress(from: SearchFrom, searchedEnd: number, rest: Range, eventsFound: number): SearchUpdate {
  return from === 'newest'
    ? { type: 'progress', searchedFrom: rest.endTime + 1, searchedTo: searchedEnd, eventsFound }
    : { type: 'progress', searchedFrom: searchedEnd, searchedTo: rest.startTime - 1, eventsFound };
}
