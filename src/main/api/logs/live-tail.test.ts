import { SessionStreamingException, type LiveTailSessionLogEvent, type StartLiveTailResponseStream } from '@aws-sdk/client-cloudwatch-logs';
import { describe, expect, it } from 'vitest';
import type { FoundEvent, TailUpdate } from '../../../shared/contract';
import { groupNameOf, liveTailUpdates, RENEWAL_OVERLAP_MS, type LiveTailStream } from './live-tail';

const ARN = 'arn:aws:logs:us-east-1:123456789012:log-group:/app/api';
const NOW = 1_750_000_000_000;

function liveEvent(timestamp: number, message: string, stream = 's1'): LiveTailSessionLogEvent {
  return { logGroupIdentifier: ARN, logStreamName: stream, timestamp, ingestionTime: timestamp + 100, message };
}

function found(event: LiveTailSessionLogEvent, eventId?: string): FoundEvent {
  return {
    timestamp: event.timestamp ?? 0,
    ingestionTime: event.ingestionTime ?? 0,
    message: event.message ?? '',
    logGroupName: '/app/api',
    logStreamName: event.logStreamName ?? '',
    ...(eventId ? { eventId } : {}),
  };
}

const start: StartLiveTailResponseStream = { sessionStart: { sessionId: 'x' } };
const update = (events: LiveTailSessionLogEvent[], sampled = false): StartLiveTailResponseStream => ({
  sessionUpdate: { sessionMetadata: { sampled }, sessionResults: events },
});

/** A session's event stream: the items, then an end (normal, an exception event, or a thrown error). */
async function* session(items: StartLiveTailResponseStream[], end?: Error): LiveTailStream {
  for (const item of items) yield item;
  if (end) throw end;
}

function named(name: string): Error {
  const error = new Error(name);
  error.name = name;
  return error;
}

async function collect(updates: AsyncGenerator<TailUpdate>, count: number): Promise<TailUpdate[]> {
  const collected: TailUpdate[] = [];
  for await (const item of updates) {
    collected.push(item);
    if (collected.length === count) break;
  }
  return collected;
}

describe('liveTailUpdates', () => {
  it('passes updates on, says when AWS sampled them, and names groups by their ARN', async () => {
    const a = liveEvent(NOW, 'a');
    const updates = liveTailUpdates(session([start, update([a]), update([liveEvent(NOW + 1, 'b')], true)], named('AbortError')), {
      open: async () => session([]),
      catchUp: async () => [],
      signal: new AbortController().signal,
    });
    expect(await collect(updates, 2)).toEqual([
      { type: 'events', events: [found(a)], sampled: false },
      { type: 'events', events: [found(liveEvent(NOW + 1, 'b'))], sampled: true },
    ]);
  });

  it('renews a session AWS timed out, catches up on the gap and drops what it had already delivered', async () => {
    const [a, b, c, d, e] = ['a', 'b', 'c', 'd', 'e'].map((message, index) => liveEvent(NOW + index * 1000, message));
    const sessions = [session([start, update([d as LiveTailSessionLogEvent, e as LiveTailSessionLogEvent])])];
    const catchUps: number[] = [];
    const updates = liveTailUpdates(session([start, update([a as LiveTailSessionLogEvent, b as LiveTailSessionLogEvent])], named('SessionTimeoutException')), {
      open: async () => sessions.shift() ?? session([], named('AbortError')),
      // Overlaps the old session (a, b) and the new one (d).
      catchUp: async (since) => {
        catchUps.push(since);
        return [a, b, c, d].map((event, index) => found(event as LiveTailSessionLogEvent, `id-${index}`));
      },
      signal: new AbortController().signal,
      now: () => NOW + 2500,
    });
    const all = await collect(updates, 4);
    expect(all).toEqual([
      { type: 'events', events: [found(a as LiveTailSessionLogEvent), found(b as LiveTailSessionLogEvent)], sampled: false },
      { type: 'events', events: [found(c as LiveTailSessionLogEvent, 'id-2'), found(d as LiveTailSessionLogEvent, 'id-3')], sampled: false },
      { type: 'renewed', at: NOW + 2500, reason: 'AWS ends Live Tail sessions after 3 hours' },
      { type: 'events', events: [found(e as LiveTailSessionLogEvent)], sampled: false },
    ]);
    expect(catchUps).toEqual([NOW + 2500 - RENEWAL_OVERLAP_MS]);
  });

  it('renews after an exception event or a stream that just ends, and retries a session that fails to start', async () => {
    const waits: number[] = [];
    const opens: (() => LiveTailStream)[] = [
      () => {
        throw named('ThrottlingException');
      },
      () => session([start, update([liveEvent(NOW + 2, 'after stream exception')]), { SessionStreamingException: new SessionStreamingException({ message: 'interrupted', $metadata: {} }) }]),
      () => session([start, update([liveEvent(NOW + 3, 'after the end')])]),
    ];
    const updates = liveTailUpdates(session([start, update([liveEvent(NOW + 1, 'first')])]), {
      open: async () => (opens.shift() ?? (() => session([], named('AbortError'))))(),
      catchUp: async () => [],
      signal: new AbortController().signal,
      sleep: async (ms) => void waits.push(ms),
      now: () => NOW,
    });
    const all = await collect(updates, 5);
    expect(all.map((item) => (item.type === 'events' ? item.events[0]?.message : item.type === 'renewed' ? item.reason : item.type))).toEqual([
      'first',
      'the connection to AWS ended',
      'after stream exception',
      'AWS interrupted the Live Tail stream',
      'after the end',
    ]);
    expect(waits).toEqual([1000]);
  });

  it('ends with the error when a new session cannot work (the group was deleted)', async () => {
    const updates = liveTailUpdates(session([start], named('SessionTimeoutException')), {
      open: async () => {
        throw named('ResourceNotFoundException');
      },
      catchUp: async () => [],
      signal: new AbortController().signal,
    });
    await expect(collect(updates, 10)).rejects.toMatchObject({ name: 'ResourceNotFoundException' });
  });

  it('stops quietly when cancelled', async () => {
    const controller = new AbortController();
    const updates = liveTailUpdates(
      (async function* () {
        yield start;
        controller.abort();
        throw named('AbortError');
      })(),
      { open: async () => session([]), catchUp: async () => [], signal: controller.signal },
    );
    expect(await collect(updates, 10)).toEqual([]);
  });
});

describe('groupNameOf', () => {
  it('reads a group name from account-id:name (as Live Tail sends it), an ARN with or without :*, or a name', () => {
    expect(groupNameOf('123456789012:/app/api')).toBe('/app/api');
    expect(groupNameOf(ARN)).toBe('/app/api');
    expect(groupNameOf(`${ARN}:*`)).toBe('/app/api');
    expect(groupNameOf('/app/api')).toBe('/app/api');
  });
});
