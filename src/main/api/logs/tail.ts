/**
 * `logs.tail`: new events of up to 10 groups as they arrive. Uses AWS's Live Tail (StartLiveTail) and
 * renews its sessions (see live-tail.ts); where the endpoint has no Live Tail, polls FilterLogEvents
 * every second instead (see tail-polling.ts) and says why. Either way, streams created after the tail
 * started are included: both ask for whole groups (or stream name prefixes), not for a list of streams.
 */
import { CloudWatchLogsClient, StartLiveTailCommand } from '@aws-sdk/client-cloudwatch-logs';
import { setMaxListeners } from 'node:events';
import type { CloudscopeHandlers, FoundEvent, TailUpdate } from '../../../shared/contract';
import type { ScopedClient, Session } from '../session';
import { filterAll, type GroupFilter } from './filter';
import { describeGroup } from './groups';
import { liveTailUpdates, type LiveTailStream } from './live-tail';
import { pollingTailUpdates } from './tail-polling';

type TailRequest = Parameters<CloudscopeHandlers['logs']['tail']>[0];

export function tailHandler(session: Session): CloudscopeHandlers['logs']['tail'] {
  return async function* tail(request, { signal }): AsyncGenerator<TailUpdate> {
    const scoped = await session.client(CloudWatchLogsClient, signal, 'background');
    // Every group (or stream prefix) polled at once listens to it.
    setMaxListeners(4 * filtersOf(request).length + 10, scoped.abortSignal);
    // Also says at once when a group does not exist.
    const groups = await Promise.all(request.logGroupNames.map((name) => describeGroup(scoped, name)));
    const startedAt = Date.now();
    const fetchSince = (startTime: number, callSignal: AbortSignal) => eventsSince(scoped, filtersOf(request), startTime, callSignal);
    const open = (callSignal: AbortSignal) =>
      startLiveTail(
        scoped,
        groups.map((group) => group.arn),
        request,
        callSignal,
      );

    let first: LiveTailStream;
    try {
      first = await open(scoped.abortSignal);
    } catch (error) {
      const unsupported = unsupportedOperation(error);
      if (unsupported === undefined) throw error;
      yield {
        type: 'started',
        mode: 'polling',
        reason: `This endpoint does not offer Live Tail (StartLiveTail answered ${unsupported}), so new events are fetched every second instead.`,
      };
      yield* pollingTailUpdates({ fetchSince, startedAt, signal: scoped.abortSignal });
      return;
    }
    yield { type: 'started', mode: 'live-tail' };
    yield* liveTailUpdates(first, { open, catchUp: fetchSince, signal: scoped.abortSignal });
  };
}

async function startLiveTail(
  { client }: ScopedClient<CloudWatchLogsClient>,
  arns: readonly string[],
  request: TailRequest,
  signal: AbortSignal,
): Promise<LiveTailStream> {
  const output = await client.send(
    new StartLiveTailCommand({
      logGroupIdentifiers: [...arns],
      ...(request.logStreamNames ? { logStreamNames: [...request.logStreamNames] } : {}),
      ...(request.logStreamNamePrefixes ? { logStreamNamePrefixes: [...request.logStreamNamePrefixes] } : {}),
      ...(request.filterPattern ? { logEventFilterPattern: request.filterPattern } : {}),
    }),
    { abortSignal: signal },
  );
  if (output.responseStream === undefined) throw new Error('StartLiveTail returned no event stream.');
  return output.responseStream;
}

/** FilterLogEvents can take one stream name prefix per call: one filter per group, or per prefix of the one group. */
function filtersOf(request: TailRequest): GroupFilter[] {
  const filterPattern = request.filterPattern ?? '';
  const [onlyGroup] = request.logGroupNames;
  if (request.logStreamNamePrefixes !== undefined && onlyGroup !== undefined) {
    return request.logStreamNamePrefixes.map((logStreamNamePrefix) => ({ logGroupName: onlyGroup, logStreamNamePrefix, filterPattern }));
  }
  return request.logGroupNames.map((logGroupName) => ({ logGroupName, logStreamNames: request.logStreamNames, filterPattern }));
}

async function eventsSince(
  scoped: ScopedClient<CloudWatchLogsClient>,
  filters: readonly GroupFilter[],
  startTime: number,
  signal: AbortSignal,
): Promise<FoundEvent[]> {
  const perFilter = await Promise.all(filters.map((filter) => filterAll(scoped, filter, { startTime }, { signal })));
  const events = perFilter.flatMap((found) => found ?? []);
  return filters.length > 1 ? events.sort((a, b) => a.timestamp - b.timestamp) : events;
}

/**
 * The error's name when it says the endpoint does not know StartLiveTail (the sandbox and AWS-compatible
 * endpoints answer UnknownOperationException; LocalStack answers 501 "not yet implemented").
 */
export function unsupportedOperation(error: unknown): string | undefined {
  const failure = error as { name?: unknown; message?: unknown; $metadata?: { httpStatusCode?: number } } | null;
  const name = typeof failure?.name === 'string' ? failure.name : 'an error';
  const message = typeof failure?.message === 'string' ? failure.message : '';
  const status = failure?.$metadata?.httpStatusCode;
  if (['UnknownOperationException', 'InvalidAction', 'NotImplemented'].includes(name)) return name;
  if (status === 404 || status === 501 || /not (yet )?implemented|not supported|unknown operation/i.test(message)) {
    return status === undefined ? name : `${name}, HTTP ${status}`;
  }
  return undefined;
}
