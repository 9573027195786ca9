/**
 * Paging through one log stream with GetLogEvents, as the console does: start at the newest page,
 * then walk back with the backward token and forward with the forward token. AWS signals the end of
 * the stream by answering with the very token it was given.
 */
import type { LogEvent, LogEventPage } from '../../../../../shared/contract';

export interface EventPageParam {
  readonly direction: 'newest' | 'older' | 'newer';
  readonly token?: string;
}

export const NEWEST_PAGE: EventPageParam = { direction: 'newest' };

/** The GetLogEvents paging arguments for a page. */
export function eventsRequest(param: EventPageParam): { startFromHead: boolean; nextToken?: string } {
  // AWS requires startFromHead=true whenever a forward token is passed.
  const startFromHead = param.direction === 'newer';
  return param.token === undefined ? { startFromHead } : { startFromHead, nextToken: param.token };
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
 * time, so "nothing newer" only ever means "nothing newer yet".
 */
export function newerPageParam(newestPage: LogEventPage, newestParam: EventPageParam): EventPageParam {
  return { direction: 'newer', token: newestPage.nextForwardToken || newestParam.token };
}

/** Whether the newest page asked for brought nothing new: the forward token came back unchanged. */
export function isCaughtUp(newestPage: LogEventPage, newestParam: EventPageParam): boolean {
  return newestParam.direction === 'newer' && newestPage.nextForwardToken === newestParam.token;
}

/**
 * How many of the oldest pages loaded came back empty. AWS may answer empty pages across a gap in a
 * stream before older events appear; loading older pages automatically stops after a few of them.
 */
export function emptyOlderPagesInARow(pages: readonly LogEventPage[], params: readonly EventPageParam[]): number {
  let count = 0;
  while (count < pages.length && params[count]?.direction === 'older' && pages[count]?.events.length === 0) count += 1;
  return count;
}

export interface EventRow {
  /** Stable while pages are added on either side, so rows keep their measured height. */
  readonly key: string;
  readonly event: LogEvent;
}

/** All loaded events, oldest first. */
export function eventRows(pages: readonly LogEventPage[], params: readonly EventPageParam[]): EventRow[] {
  const rows: EventRow[] = [];
  pages.forEach((page, pageIndex) => {
    const param = params[pageIndex] ?? NEWEST_PAGE;
    const pageKey = `${param.direction}:${param.token ?? ''}`;
    page.events.forEach((event, index) => rows.push({ key: `${pageKey}#${index}`, event }));
  });
  return rows;
}
