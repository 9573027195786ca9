/**
 * FilterLogEvents over one log group, paced by the scope's rate limiter: one page, or every page of a
 * time range. AWS's pages may be empty or partly full while `nextToken` says more may follow, so a range
 * is complete only when a page comes back without one.
 */
import type { CloudWatchLogsClient} from '@aws-sdk/client-cloudwatch-logs';
import { FilterLogEventsCommand, type FilteredLogEvent } from '@aws-sdk/client-cloudwatch-logs';
import type { FoundEvent } from '../../../shared/contract';
import { apiError } from '../../../shared/errors';
import { paced, type PacedCallObserver } from '../paced';
import type { ScopedClient } from '../session';

/** Which events of one group: optionally some streams (by name or name prefix) and a filter pattern. */
export interface GroupFilter {
  readonly logGroupName: string;
  readonly logStreamNames?: readonly string[];
  readonly logStreamNamePrefix?: string;
  /** Empty: every event. */
  readonly filterPattern: string;
}

export interface FilterPage {
  readonly events: FoundEvent[];
  /** Absent when the range has been read to its end. */
  readonly nextToken?: string;
}

/** Both ends included, as FilterLogEvents counts them; no end: up to the newest event. */
export interface TimeRange {
  readonly startTime: number;
  readonly endTime?: number;
}

/** One page of a group's events in a time range. */
export async function filterPage(
  scoped: ScopedClient<CloudWatchLogsClient>,
  filter: GroupFilter,
  range: TimeRange,
  nextToken: string | undefined,
  observer?: PacedCallObserver,
  signal: AbortSignal = scoped.abortSignal,
): Promise<FilterPage> {
  const command = new FilterLogEventsCommand({
    logGroupName: filter.logGroupName,
    ...(filter.logStreamNames ? { logStreamNames: [...filter.logStreamNames] } : {}),
    ...(filter.logStreamNamePrefix ? { logStreamNamePrefix: filter.logStreamNamePrefix } : {}),
    ...(filter.filterPattern ? { filterPattern: filter.filterPattern } : {}),
    startTime: range.startTime,
    ...(range.endTime === undefined ? {} : { endTime: range.endTime }),
    ...(nextToken ? { nextToken } : {}),
  });
  try {
    const output = await scoped.client.send(paced(command, scoped.limiter('FilterLogEvents'), signal, observer), { abortSignal: signal });
    const events = (output.events ?? []).map((event) => toFoundEvent(filter.logGroupName, event));
    return output.nextToken ? { events, nextToken: output.nextToken } : { events };
  } catch (error) {
    throw namingTheGroup(error, filter.logGroupName);
  }
}

/**
 * Every event of a group in a time range, oldest first. Stops early (returning undefined) once
 * more than `maxEvents` have come back, for callers that would rather ask for a smaller range.
 */
export async function filterAll(
  scoped: ScopedClient<CloudWatchLogsClient>,
  filter: GroupFilter,
  range: TimeRange,
  options: { readonly maxEvents?: number; readonly signal?: AbortSignal } = {},
): Promise<FoundEvent[] | undefined> {
  const events: FoundEvent[] = [];
  let nextToken: string | undefined;
  do {
    const page = await filterPage(scoped, filter, range, nextToken, undefined, options.signal);
    for (const event of page.events) events.push(event);
    if (options.maxEvents !== undefined && events.length > options.maxEvents) return undefined;
    nextToken = page.nextToken;
  } while (nextToken);
  return events;
}

function toFoundEvent(logGroupName: string, event: FilteredLogEvent): FoundEvent {
  const timestamp = event.timestamp ?? 0;
  const ingestionTime = event.ingestionTime ?? 0;
  const message = event.message ?? '';
  const logStreamName = event.logStreamName ?? '';
  return event.eventId === undefined
    ? { timestamp, ingestionTime, message, logGroupName, logStreamName }
    : { timestamp, ingestionTime, message, logGroupName, logStreamName, eventId: event.eventId };
}

/** AWS's "The specified log group does not exist." does not say which one, and a search covers many. */
function namingTheGroup(error: unknown, logGroupName: string): unknown {
  if ((error as { name?: unknown } | null)?.name !== 'ResourceNotFoundException') return error;
  return apiError('NotFound', `The log group ${logGroupName} does not exist. It may have been deleted, or it is in another region.`, {
    awsCode: 'ResourceNotFoundException',
  });
}
