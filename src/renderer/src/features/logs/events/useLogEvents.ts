/** The events of one stream, newest page first, extended with older or newer pages on demand. */
import { useInfiniteQuery, type InfiniteData } from '@tanstack/react-query';
import type { LogEventPage } from '../../../../../shared/contract';
import { useScope } from '../../../app/scope';
import { logsKeys } from '../logsKeys';
import { eventsRequest, NEWEST_PAGE, newerPageParam, olderPageParam, type EventPageParam } from './eventPaging';

/** Small enough to show the newest events at once, large enough that paging is rare. */
export const EVENTS_PER_PAGE = 1000;

export function useLogEvents(logGroupName: string, logStreamName: string) {
  const { key } = useScope();
  return useInfiniteQuery<
    LogEventPage,
    Error,
    InfiniteData<LogEventPage, EventPageParam>,
    ReturnType<typeof logsKeys.events>,
    EventPageParam
  >({
    queryKey: logsKeys.events(key, logGroupName, logStreamName),
    queryFn: ({ pageParam }) =>
      window.api.logs.getEvents({ logGroupName, logStreamName, limit: EVENTS_PER_PAGE, ...eventsRequest(pageParam) }),
    initialPageParam: NEWEST_PAGE,
    getNextPageParam: (newest, _pages, newestParam) => newerPageParam(newest, newestParam),
    getPreviousPageParam: (oldest, _pages, oldestParam) => olderPageParam(oldest, oldestParam),
  });
}
