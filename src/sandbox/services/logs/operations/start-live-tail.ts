import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import {
  FILTER_PATTERN_MAX_LENGTH,
  LIVE_TAIL_MAX_LOG_GROUPS,
  LIVE_TAIL_MAX_STREAM_FILTERS,
  LOG_GROUP_IDENTIFIER,
  LOG_STREAM_NAME,
} from '../../../../shared/contract/logs-rules';
import { parseFilterPattern } from '../../../../shared/languages/filter-pattern';
import { formatDuration } from '../../../../shared/time-range';
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { EventStreamOutput, type StreamMessage } from '../../../core/event-stream-output';
import { groupNameFromIdentifier, invalidParameter, logGroupNotFound, readLogsInput } from '../common';
import { LiveTailCollector, type LiveTailFilter } from '../live-tail';
import { LIVE_TAIL_SESSIONS, type LiveTailSettings } from '../live-tail-sessions';
import { LOGS_STORE, type LogGroup } from '../store';

/**
 * Starts a live tail session: validates the request and finds its log groups (errors are ordinary JSON
 * errors, before any stream), then answers with an event stream — a `sessionStart`, a `sessionUpdate`
 * every second with the matching events stored since the previous one, and after the session's length a
 * `SessionTimeoutException`. The session ends early when the client goes away.
 */
export function startLiveTail(body: unknown, context: RequestContext): EventStreamOutput {
  const input = readLogsInput(body);
  const identifiers =
    input.stringList('logGroupIdentifiers', { required: true, minItems: 1, maxItems: LIVE_TAIL_MAX_LOG_GROUPS, item: LOG_GROUP_IDENTIFIER }) ?? [];
  const streamNames = input.stringList('logStreamNames', { minItems: 1, maxItems: LIVE_TAIL_MAX_STREAM_FILTERS, item: LOG_STREAM_NAME });
  const prefixes = input.stringList('logStreamNamePrefixes', { minItems: 1, maxItems: LIVE_TAIL_MAX_STREAM_FILTERS, item: LOG_STREAM_NAME });
  const patternText = input.string('logEventFilterPattern', { min: 0, max: FILTER_PATTERN_MAX_LENGTH });
  input.finish();

  for (const identifier of identifiers) {
    if (!identifier.startsWith('arn:')) {
      throw invalidParameter(`Log group identifier '${identifier}' is not an ARN: StartLiveTail takes log group ARNs (arn:aws:logs:<region>:<account>:log-group:<name>).`);
    }
  }
  if (streamNames !== undefined && prefixes !== undefined) {
    throw invalidParameter('logStreamNames and logStreamNamePrefixes are mutually exclusive parameters.');
  }
  if ((streamNames !== undefined || prefixes !== undefined) && new Set(identifiers).size > 1) {
    throw invalidParameter('logStreamNames and logStreamNamePrefixes can be specified only when logGroupIdentifiers holds a single log group.');
  }
  const parsed = parseFilterPattern(patternText ?? '');
  if (!parsed.ok) throw invalidParameter(`Invalid filter pattern: ${parsed.error.message}`);
  const groups = [...new Set(identifiers.map((identifier) => findGroup(context, identifier)))];

  const sessions = context.account.store(LIVE_TAIL_SESSIONS);
  const settings = sessions.settings;
  if (sessions.openIn(context.region) >= settings.maxSessions) {
    throw new ServiceError('LimitExceededException', `You have reached the maximum number of concurrent Live Tail sessions (${settings.maxSessions}) in ${context.region}.`);
  }

  const filter: LiveTailFilter = {
    groups,
    pattern: parsed.pattern,
    ...(streamNames === undefined ? {} : { streamNames }),
    ...(prefixes === undefined ? {} : { streamNamePrefixes: prefixes }),
  };
  const sessionStart = {
    requestId: context.requestId,
    sessionId: randomUUID(),
    logGroupIdentifiers: identifiers,
    ...(streamNames === undefined ? {} : { logStreamNames: streamNames }),
    ...(prefixes === undefined ? {} : { logStreamNamePrefixes: prefixes }),
    ...(patternText === undefined ? {} : { logEventFilterPattern: patternText }),
  };
  return new EventStreamOutput((signal) => runSession(context, filter, sessionStart, settings, signal), 'SessionStreamingException');
}

function findGroup(context: RequestContext, identifier: string): LogGroup {
  const name = groupNameFromIdentifier(context, identifier);
  const group = name === undefined ? undefined : context.state.store(LOGS_STORE).group(name);
  if (group === undefined) throw logGroupNotFound();
  return group;
}

/**
 * The session's messages. It counts against the quota and listens to ingestion from its first message to
 * its end (timed out, or the client gone), measured on the monotonic clock so a fixed sandbox clock
 * cannot stop it.
 */
async function* runSession(
  context: RequestContext,
  filter: LiveTailFilter,
  sessionStart: object,
  settings: LiveTailSettings,
  signal: AbortSignal,
): AsyncGenerator<StreamMessage> {
  if (signal.aborted) return;
  const end = context.account.store(LIVE_TAIL_SESSIONS).begin(context.region);
  const collector = new LiveTailCollector(filter, context.accountId);
  const stopListening = context.state.store(LOGS_STORE).onIngest(collector.offer);
  try {
    yield { kind: 'event', type: 'sessionStart', payload: sessionStart };
    const endsAt = performance.now() + settings.sessionMs;
    for (;;) {
      const left = endsAt - performance.now();
      const last = left <= settings.updateIntervalMs;
      await sleep(Math.max(0, last ? left : settings.updateIntervalMs), undefined, { signal, ref: false });
      yield { kind: 'event', type: 'sessionUpdate', payload: collector.takeUpdate() };
      if (last) {
        yield { kind: 'exception', type: 'SessionTimeoutException', message: `Live Tail session timed out after ${formatDuration(settings.sessionMs)}.` };
        return;
      }
    }
  } catch (error) {
    if (!signal.aborted) throw error;
  } finally {
    stopListening();
    end();
  }
}
