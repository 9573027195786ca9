/**
 * The streams of one log group, a page at a time. Without a prefix they come newest activity first;
 * AWS can only filter by name prefix in name order, so a prefix switches to name order.
 */
import { keepPreviousData, useInfiniteQuery } from '@tanstack/react-query';
import { useScope } from '../../../app/scope';
import { logsKeys } from '../logsKeys';

export function useLogStreams(logGroupName: string, prefix: string) {
  const { key } = useScope();
  return useInfiniteQuery({
    queryKey: logsKeys.streams(key, logGroupName, prefix),
    queryFn: ({ pageParam }) =>
      window.api.logs.listStreams({
        logGroupName,
        ...(prefix ? { prefix, orderBy: 'LogStreamName', descending: false } : { orderBy: 'LastEventTime', descending: true }),
        ...(pageParam ? { nextToken: pageParam } : {}),
      }),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (page) => page.nextToken,
    // While a new prefix loads, keep showing the previous list instead of flashing an empty one.
    placeholderData: keepPreviousData,
  });
}
