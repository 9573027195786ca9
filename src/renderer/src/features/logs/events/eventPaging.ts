/**
 * Paging through one log stream with GetLogEvents, as the console does: start at the newest page (or
 * at a time, or at the oldest event), then walk back with the backward token and forward with the
 * forward token. AWS signals the end of the stream by answering with the very token it was given.
 */
import type { LogEventPage } from '../../../../../shared/contract';

export type EventPageParam =
  | { readonly direction: 'newest' }
  /** The first events at or after `time` (epoch ms); the oldest events of the stream when `time` is absent. */
  | { readonly direction: 'at'; readonly time?: number }
  | { readonly direction: 'older' | 'newer'; readonly token: string };

export const NEWEST_PAGE: EventPageParam = { direction: 'newest' };

/** The GetLogEvents paging arguments for a page. */
export function eventsRequest(param: EventPageParam): { startFromHead: boolean; startTime?: number; nextToken?: string } {
  switch (param.direction) {
    case 'newest':
      return { startFromHead: false };
    case 'at':
      return param.time === undefined ? { startFromHead: true } : { startFromHead: true, startTime: param.time };
    case 'older':
      return { startFromHead: false, nextToken: param.token };
    case 'newer':
      // AWS requires startFromHead=true whenever a forward token is passed.
      return { startFromHead: true, nextToken: param.token };
  }
}

/** Where older events come from, or undefined once the start of the stream has been reached. */
export function olderPageParam(oldestPage: LogEventPage, oldestParam: EventPageParam): EventPageParam | undefined {
  const token = oldestPage.nextBackwardToken;
  if (!token) return undefined;
  if (oldestParam.direction === 'older' && token === oldestParam.token) return undefined;
  return { direction: 'older', token };
}

/**
 * Where newer events come from. There is always a next page: a stream can receive events at any
 * time, so "nothing newer" only ever means "nothing newer yet". Undefined only if AWS gave no token
 * at all, as it always does.
 */
export function newerPageParam(newestPage: LogEventPage, newestParam: EventPageParam): EventPageParam | undefined {
  const token = newestPage.nextForwardToken || (newestParam.direction === 'newer' ? newestParam.token : '');
  return token ? { direction: 'newer', token } : undefined;
}

/** Whether the newest page asked for brought nothing new: the forward token came back unchanged. */
export function isCaughtUp(newestPage: LogEventPage, newestParam: EventPageParam): boolean {
  return newestParam.direction === 'newer' && newestPage.nextForwardToken === newestParam.token;
}

/**
 * AWS may answer empty pages across a gap in a stream before events appear again; pages in one
 * direction are loaded by themselves until this many empty ones came in a row, then it takes a click.
 */
export const MAX_EMPTY_PAGES_IN_A_ROW = 3;

/** Empty pages in a row after one more page came in. */
export function emptyPagesInARow(before: number, page: LogEventPage): number {
  return page.events.length === 0 ? before + 1 : 0;
}
