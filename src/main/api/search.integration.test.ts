/**
 * logs.search, logs.context and logs.invocation through the dispatcher and the real SDK against a
 * sandbox whose groups are built here. Expected results come from the same filter-pattern matcher the
 * sandbox uses, so these tests check the slicing, paging, merging and resuming, not the matcher.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import type { EventContext, FoundEvent, LogEventPage, SearchUpdate } from '../../shared/contract';
import { matchesFilterPattern, parseFilterPattern } from '../../shared/languages/filter-pattern';
import type { Dispatcher, StreamMessage } from '../../shared/rpc';
import type { Sandbox } from '../../sandbox';
import { call, ok, subscribe, valuesOf } from './dispatcher-testing';
import { sandboxApi } from './sandbox-testing';

const T0 = Date.UTC(2025, 5, 1, 12, 0, 0);
const MINUTES = 10;
/** Many events of several streams and groups share this millisecond. */
const TIE = T0 + 300_000;
const RANGE = { startTime: T0, endTime: T0 + MINUTES * 60_000 };

interface Seeded {
  readonly group: string;
  readonly stream: string;
  readonly timestamp: number;
  readonly message: string;
}

const seeded: Seeded[] = [];

function messageAt(index: number): string {
  switch (index % 5) {
    case 0:
      return `INFO request ok id=${index}`;
    case 1:
      return `ERROR payment declined id=${index}`;
    case 2:
      return JSON.stringify({ level: 'error', status: 500, id: index });
    case 3:
      return `10.0.0.${index % 250} - - "GET /orders HTTP/1.1" 404 ${index}`;
    default:
      return `WARN retrying, attempt ${index}\nsecond line with "quotes", and commas`;
  }
}

function seed(sandbox: Sandbox): void {
  const logs = sandbox.logs('us-east-1');
  const layout: Record<string, string[]> = {
    '/explorer/orders-api': ['web-1', 'web-2'],
    '/explorer/orders-worker': ['worker-1'],
    '/explorer/billing': ['billing-1'],
  };
  const groups = logs.createGroups(Object.keys(layout).map((name) => ({ name, creationTime: T0 - 60_000 })));
  groups.forEach((group, groupIndex) => {
    for (const [streamIndex, streamName] of (layout[group.name] ?? []).entries()) {
      const stream = group.createStream(streamName, T0 - 60_000);
      const events: Seeded[] = [];
      for (let second = 0; second < MINUTES * 60; second++) {
        const timestamp = T0 + second * 1000 + groupIndex * 7 + streamIndex * 3;
        if (timestamp !== TIE) events.push({ group: group.name, stream: streamName, timestamp, message: messageAt(second + groupIndex) });
      }
      for (let copy = 0; copy < 4; copy++) events.push({ group: group.name, stream: streamName, timestamp: TIE, message: `TIE ${copy} ERROR in ${streamName}` });
      events.sort((a, b) => a.timestamp - b.timestamp);
      group.ingest(
        stream,
        events.map((event) => ({ timestamp: event.timestamp, message: event.message, size: Buffer.byteLength(event.message) })),
        (event) => event.timestamp + 500,
      );
      seeded.push(...events);
    }
  });
  // Enough groups that a pattern over them is refused.
  logs.createGroups(Array.from({ length: 51 }, (_, index) => ({ name: `/many/group-${String(index).padStart(2, '0')}`, creationTime: T0 })));
}

function expected(pattern: string, groups: readonly string[], range = RANGE): Seeded[] {
  const parsed = parseFilterPattern(pattern);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return seeded.filter(
    (event) =>
      groups.includes(event.group) &&
      event.timestamp >= range.startTime &&
      event.timestamp <= range.endTime &&
      matchesFilterPattern(parsed.pattern, event.message),
  );
}

const keyOf = (event: { group?: string; logGroupName?: string; stream?: string; logStreamName?: string; timestamp: number; message: string }) =>
  `${event.group ?? event.logGroupName}|${event.stream ?? event.logStreamName}|${event.timestamp}|${event.message}`;

const suite = sandboxApi({}, seed);
const start = () => suite.start();

const ALL_GROUPS = ['/explorer/orders-api', '/explorer/orders-worker', '/explorer/billing'];

function updatesOf(messages: readonly StreamMessage[]): SearchUpdate[] {
  return valuesOf<SearchUpdate>(messages);
}

function eventsOf(updates: readonly SearchUpdate[], from: 'newest' | 'oldest' = 'newest'): FoundEvent[] {
  const batches = updates.flatMap((update) => (update.type === 'events' ? [update.events] : []));
  return (from === 'newest' ? [...batches].reverse() : batches).flat();
}

function expectAscending(events: readonly FoundEvent[]): void {
  for (let index = 1; index < events.length; index++) {
    expect((events[index] as FoundEvent).timestamp).toBeGreaterThanOrEqual((events[index - 1] as FoundEvent).timestamp);
  }
}

/** Reads a whole search, `maxEvents` at a time, following each cursor. */
async function searchInPieces(dispatcher: Dispatcher, request: Record<string, unknown>, from: 'newest' | 'oldest', maxEvents: number) {
  const pieces: FoundEvent[][] = [];
  let cursor: string | undefined;
  do {
    const updates = updatesOf(await subscribe(dispatcher, 'logs.search', { ...request, from, maxEvents, ...(cursor ? { cursor } : {}) }));
    const end = updates.at(-1);
    if (end?.type !== 'end') throw new Error(`the search did not end: ${JSON.stringify(updates.at(-1))}`);
    pieces.push(eventsOf(updates, from));
    cursor = end.cursor;
  } while (cursor !== undefined && pieces.length < 100);
  return from === 'newest' ? pieces.reverse().flat() : pieces.flat();
}

describe('logs.search', () => {
  it('merges several groups and streams by time, newest slices first, each batch ascending', async () => {
    const dispatcher = start();
    const messages = await subscribe(dispatcher, 'logs.search', { selection: { logGroupNames: ALL_GROUPS, ...RANGE } });
    expect(messages.at(-1)).toEqual({ type: 'complete' });
    const updates = updatesOf(messages);
    expect(updates[0]).toEqual({ type: 'groups', logGroupNames: ALL_GROUPS });
    expect(updates.at(-1)).toEqual({ type: 'end' });

    const batches = updates.flatMap((update) => (update.type === 'events' ? [update.events] : []));
    expect(batches.length).toBeGreaterThan(1);
    for (const batch of batches) expectAscending(batch);
    for (let index = 1; index < batches.length; index++) {
      expect(batches[index]?.at(-1)?.timestamp ?? 0).toBeLessThan(batches[index - 1]?.[0]?.timestamp ?? 0);
    }
    const events = eventsOf(updates);
    expectAscending(events);
    const want = expected('', ALL_GROUPS);
    expect(events).toHaveLength(want.length);
    expect(events.map(keyOf).sort()).toEqual(want.map(keyOf).sort());
    expect(new Set(events.map((event) => event.eventId)).size).toBe(events.length);

    const progress = updates.flatMap((update) => (update.type === 'progress' ? [update] : []));
    expect(progress.length).toBeGreaterThan(0);
    expect(progress.at(-1)).toEqual({ type: 'progress', searchedFrom: RANGE.startTime, searchedTo: RANGE.endTime, eventsFound: want.length });
    expect(progress.map((update) => update.searchedFrom)).toEqual([...progress.map((update) => update.searchedFrom)].sort((a, b) => b - a));
  });

  it.each([
    ['a term', 'ERROR'],
    ['a quoted phrase', '"payment declined"'],
    ['a JSON selector', '{ $.status = 500 }'],
    ['space-delimited fields', '[ip, identity, user, request, status = 404, bytes]'],
    ['a regular expression', '%TIE [0-2]%'],
    ['an exclusion', 'ERROR -TIE'],
  ])('finds exactly the events that match %s', async (_kind, filterPattern) => {
    const dispatcher = start();
    const updates = updatesOf(await subscribe(dispatcher, 'logs.search', { selection: { logGroupNames: ALL_GROUPS, filterPattern, ...RANGE } }));
    const events = eventsOf(updates);
    const want = expected(filterPattern, ALL_GROUPS);
    expect(want.length).toBeGreaterThan(0);
    expect(events.map(keyOf).sort()).toEqual(want.map(keyOf).sort());
  });

  it('searches chosen streams, or streams by name prefix, of one group', async () => {
    const dispatcher = start();
    const byName = eventsOf(
      updatesOf(await subscribe(dispatcher, 'logs.search', { selection: { logGroupNames: ['/explorer/orders-api'], logStreamNames: ['web-2'], ...RANGE } })),
    );
    expect(byName.length).toBe(expected('', ['/explorer/orders-api']).filter((event) => event.stream === 'web-2').length);
    expect(new Set(byName.map((event) => event.logStreamName))).toEqual(new Set(['web-2']));
    const byPrefix = eventsOf(
      updatesOf(await subscribe(dispatcher, 'logs.search', { selection: { logGroupNames: ['/explorer/orders-api'], logStreamNamePrefix: 'web-', ...RANGE } })),
    );
    expect(byPrefix.length).toBe(expected('', ['/explorer/orders-api']).length);
  });

  it.each(['newest', 'oldest'] as const)('from the %s end, stops after maxEvents at a whole millisecond and resumes with the cursor, even through a tie', async (from) => {
    const dispatcher = start();
    const range = { startTime: TIE - 30_000, endTime: TIE + 30_000 };
    const want = expected('ERROR', ALL_GROUPS, range);
    const ties = want.filter((event) => event.timestamp === TIE).length;
    expect(ties).toBe(16);
    // A page size that cuts through the tied millisecond, several times over.
    const maxEvents = 7;
    const events = await searchInPieces(dispatcher, { selection: { logGroupNames: ALL_GROUPS, filterPattern: 'ERROR', ...range } }, from, maxEvents);
    expectAscending(events);
    expect(events.map(keyOf).sort()).toEqual(want.map(keyOf).sort());
    expect(new Set(events.map((event) => event.eventId)).size).toBe(want.length);
  });

  it('delivers a tied millisecond whole, even past maxEvents, and says where to go on', async () => {
    const dispatcher = start();
    const updates = updatesOf(
      await subscribe(dispatcher, 'logs.search', {
        selection: { logGroupNames: ALL_GROUPS, filterPattern: 'TIE', startTime: RANGE.startTime, endTime: TIE },
        maxEvents: 3,
      }),
    );
    const events = eventsOf(updates);
    expect(events).toHaveLength(16);
    expect(events.every((event) => event.timestamp === TIE)).toBe(true);
    const end = updates.at(-1);
    expect(end).toMatchObject({ type: 'end', cursor: expect.any(String) });
    const rest = updatesOf(
      await subscribe(dispatcher, 'logs.search', {
        selection: { logGroupNames: ALL_GROUPS, filterPattern: 'TIE', startTime: RANGE.startTime, endTime: TIE },
        cursor: end?.type === 'end' ? end.cursor : undefined,
      }),
    );
    expect(eventsOf(rest)).toEqual([]);
    expect(rest.at(-1)).toEqual({ type: 'end' });
  });

  it('leaves out events already shown', async () => {
    const dispatcher = start();
    const selection = { logGroupNames: ['/explorer/billing'], startTime: TIE, endTime: TIE + 5000 };
    const all = eventsOf(updatesOf(await subscribe(dispatcher, 'logs.search', { selection, from: 'oldest' })));
    const shown = all.slice(0, 3).map((event) => event.eventId);
    const rest = eventsOf(updatesOf(await subscribe(dispatcher, 'logs.search', { selection, from: 'oldest', excludeEventIds: shown })));
    expect(rest).toEqual(all.slice(3));
  });

  it('refuses a cursor from another search', async () => {
    const dispatcher = start();
    const first = updatesOf(await subscribe(dispatcher, 'logs.search', { selection: { logGroupNames: ALL_GROUPS, ...RANGE }, maxEvents: 5 }));
    const end = first.at(-1);
    const cursor = end?.type === 'end' ? end.cursor : undefined;
    expect(cursor).toBeDefined();
    const other = await subscribe(dispatcher, 'logs.search', { selection: { logGroupNames: ['/explorer/billing'], ...RANGE }, cursor });
    expect(other.at(-1)).toMatchObject({ type: 'error', error: { code: 'InvalidInput', message: expect.stringMatching(/cursor/) } });
  });

  it('expands a group name pattern, and says when it matches none or too many', async () => {
    const dispatcher = start();
    const updates = updatesOf(await subscribe(dispatcher, 'logs.search', { selection: { logGroupPattern: '/explorer/orders-*', ...RANGE }, maxEvents: 10 }));
    expect(updates[0]).toEqual({ type: 'groups', logGroupNames: ['/explorer/orders-api', '/explorer/orders-worker'] });
    expect(new Set(eventsOf(updates).map((event) => event.logGroupName))).toEqual(new Set(['/explorer/orders-api', '/explorer/orders-worker']));

    const single = updatesOf(await subscribe(dispatcher, 'logs.search', { selection: { logGroupPattern: '/explorer/billin?', ...RANGE }, maxEvents: 1 }));
    expect(single[0]).toEqual({ type: 'groups', logGroupNames: ['/explorer/billing'] });

    const none = await subscribe(dispatcher, 'logs.search', { selection: { logGroupPattern: '/nothing/here-*', ...RANGE } });
    expect(none.at(-1)).toMatchObject({ type: 'error', error: { code: 'NotFound', message: expect.stringContaining('/nothing/here-*') } });

    const many = await subscribe(dispatcher, 'logs.search', { selection: { logGroupPattern: '*group-*', ...RANGE } });
    expect(many.at(-1)).toMatchObject({ type: 'error', error: { code: 'InvalidInput', message: expect.stringMatching(/matches 51 log groups.*at most 50/) } });
  });

  it('names the group that does not exist', async () => {
    const dispatcher = start();
    const messages = await subscribe(dispatcher, 'logs.search', { selection: { logGroupNames: ['/explorer/billing', '/explorer/gone'], ...RANGE } });
    expect(messages.at(-1)).toMatchObject({ type: 'error', error: { code: 'NotFound', message: expect.stringContaining('/explorer/gone') } });
  });

  it('stops promptly when cancelled', async () => {
    suite.sandbox.setFaults({ latencyMs: 200 });
    const dispatcher = start();
    const controller = new AbortController();
    const messages: StreamMessage[] = [];
    const started = Date.now();
    const done = dispatcher.subscribe('logs.search', { selection: { logGroupNames: ALL_GROUPS, ...RANGE }, maxEvents: 100_000 }, controller.signal, (message) => {
      messages.push(message);
      if (message.type === 'next' && (message.value as SearchUpdate).type === 'events') controller.abort();
    });
    await done;
    expect(Date.now() - started).toBeLessThan(5_000);
    expect(messages.filter((message) => message.type === 'next' && (message.value as SearchUpdate).type === 'events')).toHaveLength(1);
    expect(messages.some((message) => message.type === 'complete')).toBe(false);
  });
});

describe('logs.context and logs.invocation', () => {
  const GROUP = '/aws/lambda/context-test';
  const STREAM = '2025/06/01/[$LATEST]abc';
  const lines: { timestamp: number; message: string }[] = [];

  beforeAll(() => {
    const group = suite.sandbox.logs('us-east-1').createGroup({ name: GROUP, creationTime: T0 });
    const stream = group.createStream(STREAM, T0);
    for (let index = 0; index < 40; index++) lines.push({ timestamp: T0 + index * 10, message: `line ${index}` });
    // Three events share one millisecond; the search found the middle one.
    lines.push({ timestamp: T0 + 205, message: 'same ms a' }, { timestamp: T0 + 205, message: 'same ms b' }, { timestamp: T0 + 205, message: 'same ms c' });
    // Two interleaved invocations.
    const first = 'a1b2c3d4-0000-4000-8000-000000000001';
    const second = 'a1b2c3d4-0000-4000-8000-000000000002';
    lines.push(
      { timestamp: T0 + 1000, message: `START RequestId: ${first} Version: $LATEST` },
      { timestamp: T0 + 1001, message: `START RequestId: ${second} Version: $LATEST` },
      { timestamp: T0 + 1002, message: `2025-06-01T12:00:01.002Z\t${first}\tINFO charging card` },
      { timestamp: T0 + 1003, message: `2025-06-01T12:00:01.003Z\t${second}\tERROR declined` },
      { timestamp: T0 + 5000, message: `END RequestId: ${first}` },
      { timestamp: T0 + 5001, message: `REPORT RequestId: ${first}\tDuration: 4000.00 ms` },
      { timestamp: T0 + 6000, message: `END RequestId: ${second}` },
    );
    lines.sort((a, b) => a.timestamp - b.timestamp);
    group.ingest(stream, lines.map((line) => ({ ...line, size: Buffer.byteLength(line.message) })), (event) => event.timestamp + 100);
  });

  it('returns the events before and after one, marks it among events of the same millisecond, and tokens to read on', async () => {
    const dispatcher = start();
    const context = await ok<EventContext>(
      call(dispatcher, 'logs.context', { logGroupName: GROUP, logStreamName: STREAM, timestamp: T0 + 205, message: 'same ms b', before: 3, after: 2 }),
    );
    const messages = context.events.map((event) => event.message);
    expect(messages).toEqual(['line 19', 'line 20', 'same ms a', 'same ms b', 'same ms c', 'line 21']);
    expect(context.matchIndex).toBe(3);

    const older = await ok<LogEventPage>(call(dispatcher, 'logs.getEvents', { logGroupName: GROUP, logStreamName: STREAM, nextToken: context.olderToken, limit: 2 }));
    expect(older.events.map((event) => event.message)).toEqual(['line 17', 'line 18']);
    const newer = await ok<LogEventPage>(
      call(dispatcher, 'logs.getEvents', { logGroupName: GROUP, logStreamName: STREAM, nextToken: context.newerToken, startFromHead: true, limit: 2 }),
    );
    expect(newer.events.map((event) => event.message)).toEqual(['line 22', 'line 23']);
  });

  it('says when the event is no longer in its stream', async () => {
    const dispatcher = start();
    const context = await ok<EventContext>(
      call(dispatcher, 'logs.context', { logGroupName: GROUP, logStreamName: STREAM, timestamp: T0 + 205, message: 'deleted meanwhile', before: 1, after: 1 }),
    );
    expect(context.matchIndex).toBeNull();
    expect(context.events.map((event) => event.message)).toContain('line 20');
  });

  it('gathers every line of one Lambda invocation and none of another', async () => {
    const dispatcher = start();
    const { events } = await ok<{ events: FoundEvent[] }>(
      call(dispatcher, 'logs.invocation', { logGroupName: GROUP, logStreamName: STREAM, requestId: 'a1b2c3d4-0000-4000-8000-000000000001', timestamp: T0 + 1002 }),
    );
    expect(events.map((event) => event.message)).toEqual([
      'START RequestId: a1b2c3d4-0000-4000-8000-000000000001 Version: $LATEST',
      '2025-06-01T12:00:01.002Z\ta1b2c3d4-0000-4000-8000-000000000001\tINFO charging card',
      'END RequestId: a1b2c3d4-0000-4000-8000-000000000001',
      'REPORT RequestId: a1b2c3d4-0000-4000-8000-000000000001\tDuration: 4000.00 ms',
    ]);
    expect(events.every((event) => event.logStreamName === STREAM && event.logGroupName === GROUP)).toBe(true);
  });
});
