/**
 * Reading a found event in its surroundings: the events just before and after it in its own stream
 * (`logs.context`), and every line of one Lambda invocation (`logs.invocation`).
 */
import { CloudWatchLogsClient, GetLogEventsCommand, type GetLogEventsCommandOutput } from '@aws-sdk/client-cloudwatch-logs';
import type { CloudscopeHandlers, EventContext, LogEvent } from '../../../shared/contract';
import { EVENTS_PAGE_LIMIT } from '../../../shared/contract/logs-rules';
import type { ScopedClient, Session } from '../session';
import { filterAll } from './filter';
import { toLogEvent } from './streams';

/** Lambda's maximum run time: an invocation's lines are at most this far from any one of them. */
export const LAMBDA_MAX_DURATION_MS = 15 * 60 * 1000;
/** How many events sharing the match's millisecond are looked through for its message. */
const SAME_MILLISECOND_SEARCH = EVENTS_PAGE_LIMIT;

type ContextHandlers = Pick<CloudscopeHandlers['logs'], 'context' | 'invocation'>;

export function contextHandlers(session: Session): ContextHandlers {
  return {
    async context(request, { signal }) {
      return eventContext(await session.client(CloudWatchLogsClient, signal), request);
    },

    async invocation(request, { signal }) {
      const scoped = await session.client(CloudWatchLogsClient, signal);
      const events = await filterAll(
        scoped,
        { logGroupName: request.logGroupName, logStreamNames: [request.logStreamName], filterPattern: `"${request.requestId}"` },
        { startTime: Math.max(0, request.timestamp - LAMBDA_MAX_DURATION_MS), endTime: request.timestamp + LAMBDA_MAX_DURATION_MS },
      );
      return { events: events ?? [] };
    },
  };
}

interface ContextRequest {
  readonly logGroupName: string;
  readonly logStreamName: string;
  readonly timestamp: number;
  readonly message?: string;
  readonly before: number;
  readonly after: number;
}

/**
 * Reads forward from the event's millisecond exactly as many events as are needed (so the forward token
 * continues right after the last one returned), then backward from just before that millisecond.
 * Events sharing the match's millisecond but logged before it are all kept, even beyond `before`: a
 * token can only point between pages, not into one.
 */
async function eventContext(scoped: ScopedClient<CloudWatchLogsClient>, request: ContextRequest): Promise<EventContext> {
  const page = (input: { nextToken?: string; startTime?: number; endTime?: number; startFromHead: boolean; limit: number }) =>
    scoped.client.send(
      new GetLogEventsCommand({ logGroupName: request.logGroupName, logStreamName: request.logStreamName, ...input }),
      { abortSignal: scoped.abortSignal },
    );
  const isMatch = (event: LogEvent) =>
    event.timestamp === request.timestamp && (request.message === undefined || event.message === request.message);

  const forward: LogEvent[] = [];
  let match: number | undefined;
  let firstPage: GetLogEventsCommandOutput | undefined;
  let lastPage: GetLogEventsCommandOutput | undefined;
  let wanted = request.after + 1;
  while (wanted > 0) {
    const output: GetLogEventsCommandOutput = await page({
      startFromHead: true,
      limit: Math.min(EVENTS_PAGE_LIMIT, wanted),
      ...(lastPage?.nextForwardToken ? { nextToken: lastPage.nextForwardToken } : { startTime: request.timestamp }),
    });
    firstPage ??= output;
    lastPage = output;
    const events = (output.events ?? []).map(toLogEvent);
    if (events.length === 0) break;
    for (const event of events) {
      forward.push(event);
      if (match === undefined && isMatch(event)) match = forward.length - 1;
    }
    const passedIt = (events.at(-1)?.timestamp ?? 0) > request.timestamp;
    if (match !== undefined) wanted = match + 1 + request.after - forward.length;
    else if (passedIt || forward.length >= SAME_MILLISECOND_SEARCH) wanted = 0;
    else wanted = request.after + 1;
  }

  const older: LogEvent[] = [];
  let olderToken = firstPage?.nextBackwardToken;
  let olderWanted = request.before - (match ?? 0);
  let backwardToken: string | undefined;
  while (olderWanted > 0) {
    const output: GetLogEventsCommandOutput = await page({
      startFromHead: false,
      limit: Math.min(EVENTS_PAGE_LIMIT, olderWanted),
      ...(backwardToken ? { nextToken: backwardToken } : { endTime: request.timestamp }),
    });
    const events = (output.events ?? []).map(toLogEvent);
    olderToken = output.nextBackwardToken;
    if (events.length === 0) break;
    older.unshift(...events);
    olderWanted -= events.length;
    backwardToken = output.nextBackwardToken;
  }

  return {
    events: [...older, ...forward],
    matchIndex: match === undefined ? null : older.length + match,
    ...(olderToken ? { olderToken } : {}),
    ...(lastPage?.nextForwardToken ? { newerToken: lastPage.nextForwardToken } : {}),
  };
}
