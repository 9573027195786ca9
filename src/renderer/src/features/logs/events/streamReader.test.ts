import { afterEach, describe, expect, it, vi } from 'vitest';
import type { LogEvent, LogEventPage } from '../../../../../shared/contract';
import { apiError, type ApiError } from '../../../../../shared/errors';
import type { EventPageParam } from './eventPaging';
import { EVENTS_BEFORE_SOUGHT, FIRST_PAGE_EVENTS, indexOfEvent, MORE_PAGE_EVENTS, NEWEST, StreamReader, type StreamSource } from './streamReader';

const T0 = Date.UTC(2026, 10, 30, 10, 0, 0);
const SECOND = 1000;

/** What the fake does with one call, in the order calls are made; answering as AWS would is the default. */
type Behaviour =
  | { readonly kind: 'fail'; readonly error: ApiError }
  /** An empty page whose tokens moved on, as AWS answers across a gap in a stream. */
  | { readonly kind: 'empty' }
  /** The answer waits until `release` is called. */
  | { readonly kind: 'hold' };

/**
 * A stream with GetLogEvents' paging: tokens name a position between events (`b/12`, `f/12`), an empty
 * page hands back the token it was given, and a page holds at most `limit` events.
 */
class FakeStream implements StreamSource {
  readonly logGroupName = '/aws/lambda/orders';
  readonly logStreamName = '2026/11/30/[$LATEST]abc';
  readonly events: LogEvent[] = [];
  readonly calls: { readonly param: EventPageParam; readonly limit: number }[] = [];
  readonly script: Behaviour[] = [];
  groupStillExists = true;
  private held: (() => void)[] = [];
  private moved = 0;

  constructor(count: number) {
    this.add(count);
  }

  add(count: number, message = 'e'): void {
    const first = this.events.length;
    for (let index = first; index < first + count; index++) {
      this.events.push({ timestamp: T0 + index * SECOND, ingestionTime: T0 + index * SECOND, message: `${message}${index}` });
    }
  }

  getPage(param: EventPageParam, limit: number): Promise<LogEventPage> {
    this.calls.push({ param, limit });
    const behaviour = this.script.shift();
    if (behaviour?.kind === 'fail') return Promise.reject(behaviour.error);
    if (behaviour?.kind === 'empty') {
      this.moved++;
      return Promise.resolve({ events: [], nextBackwardToken: `b/${this.position(param)}~${this.moved}`, nextForwardToken: `f/${this.position(param)}~${this.moved}` });
    }
    if (behaviour?.kind === 'hold') return new Promise((resolve) => this.held.push(() => resolve(this.answer(param, limit))));
    return Promise.resolve(this.answer(param, limit));
  }

  groupExists(): Promise<boolean> {
    return Promise.resolve(this.groupStillExists);
  }

  /** Lets the held calls answer. */
  release(): void {
    for (const answer of this.held.splice(0)) answer();
  }

  private answer(param: EventPageParam, limit: number): LogEventPage {
    const count = this.events.length;
    let first: number;
    let end: number;
    switch (param.direction) {
      case 'newest':
        end = count;
        first = Math.max(0, end - limit);
        break;
      case 'at':
        first = param.time === undefined ? 0 : this.events.findIndex((event) => event.timestamp >= param.time!);
        if (first === -1) first = count;
        end = Math.min(count, first + limit);
        break;
      case 'older':
        end = this.position(param);
        first = Math.max(0, end - limit);
        break;
      case 'newer':
        first = this.position(param);
        end = Math.min(count, first + limit);
        break;
    }
    if (first === end && (param.direction === 'older' || param.direction === 'newer')) {
      return { events: [], nextBackwardToken: param.token.replace(/^f/, 'b'), nextForwardToken: param.token.replace(/^b/, 'f') };
    }
    return { events: this.events.slice(first, end), nextBackwardToken: `b/${first}`, nextForwardToken: `f/${end}` };
  }

  private position(param: EventPageParam): number {
    if (param.direction === 'older' || param.direction === 'newer') return Number(/^[bf]\/(\d+)/.exec(param.token)?.[1]);
    return this.events.length;
  }
}

/** Lets every answer already given be taken in (the fake answers at once, so microtasks are enough). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function messages(reader: StreamReader): string[] {
  return reader.store.slice(0, reader.store.count).map((event) => event.message);
}

function range(from: number, to: number): string[] {
  return Array.from({ length: to - from }, (_, index) => `e${from + index}`);
}

async function opened(count: number, options: ConstructorParameters<typeof StreamReader>[1] = {}): Promise<{ stream: FakeStream; reader: StreamReader }> {
  const stream = new FakeStream(count);
  const reader = new StreamReader(stream, { now: () => T0 + 999_999, ...options });
  reader.go(NEWEST, 'open');
  await settle();
  return { stream, reader };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('StreamReader', () => {
  it('opens on the newest page, like tail, and lands on the newest event', async () => {
    const { stream, reader } = await opened(2_500);
    expect(stream.calls).toEqual([{ param: { direction: 'newest' }, limit: FIRST_PAGE_EVENTS }]);
    expect(messages(reader)).toEqual(range(1_500, 2_500));
    const state = reader.getState();
    expect(state).toMatchObject({ shown: NEWEST, first: { status: 'idle' }, olderEnd: 'more', newerEnd: 'caught-up', checkedAt: undefined });
    expect(state.landing).toMatchObject({ key: reader.store.endKey - 1, align: 'end', cause: 'open' });
    const event = reader.store.at(0);
    expect(event).toMatchObject({ logGroupName: stream.logGroupName, logStreamName: stream.logStreamName, timestamp: T0 + 1_500 * SECOND });
  });

  it('pages older events in before the loaded ones, keeping their keys, until the beginning of the stream', async () => {
    const { stream, reader } = await opened(2_500);
    const keyOf1500 = reader.store.keyAt(0);
    reader.loadOlder(true);
    await settle();
    expect(stream.calls[1]).toEqual({ param: { direction: 'older', token: 'b/1500' }, limit: MORE_PAGE_EVENTS });
    expect(messages(reader)).toEqual(range(0, 2_500));
    expect(reader.store.byKey(keyOf1500)?.message).toBe('e1500');
    expect(reader.getState().olderEnd).toBe('more');
    reader.loadOlder(true);
    await settle();
    expect(reader.getState().olderEnd).toBe('beginning');
    reader.loadOlder();
    await settle();
    expect(stream.calls).toHaveLength(3);
    expect(reader.store.count).toBe(2_500);
  });

  it('pages a 200,000-event stream in, a full page per call', async () => {
    const { stream, reader } = await opened(201_000);
    for (let page = 0; page < 20; page++) {
      reader.loadOlder(true);
      await settle();
    }
    expect(stream.calls.slice(1).every((call) => call.limit === MORE_PAGE_EVENTS)).toBe(true);
    expect(reader.store.count).toBe(201_000);
    expect(reader.store.at(0)?.message).toBe('e0');
    expect(reader.store.at(200_999)?.message).toBe('e200999');
    expect(reader.getState().olderEnd).toBe('more');
  });

  it('reads on across a few empty pages by itself, and stops after too many in a row until asked', async () => {
    const { stream, reader } = await opened(1_500);
    stream.script.push({ kind: 'empty' }, { kind: 'empty' });
    reader.loadOlder(true);
    await settle();
    expect(stream.calls).toHaveLength(4);
    expect(messages(reader)).toEqual(range(0, 1_500));

    const gappy = await opened(1_500);
    gappy.stream.script.push({ kind: 'empty' }, { kind: 'empty' }, { kind: 'empty' });
    gappy.reader.loadOlder(true);
    await settle();
    expect(gappy.reader.getState().olderEnd).toBe('gap');
    expect(gappy.reader.store.count).toBe(1_000);
    gappy.reader.loadOlder(true);
    await settle();
    expect(gappy.reader.store.count).toBe(1_000);
    gappy.reader.loadOlder();
    await settle();
    expect(gappy.reader.store.count).toBe(1_500);
    expect(gappy.reader.getState().olderEnd).toBe('more');
  });

  it('loads newer events when asked, and says when it last found nothing new', async () => {
    const { stream, reader } = await opened(10);
    stream.add(3, 'new');
    reader.loadNewer(true);
    await settle();
    expect(stream.calls).toHaveLength(1);
    reader.loadNewer();
    await settle();
    expect(messages(reader).slice(-3)).toEqual(['new10', 'new11', 'new12']);
    expect(reader.getState()).toMatchObject({ newerEnd: 'more', checkedAt: undefined });
    reader.loadNewer(true);
    await settle();
    expect(reader.store.count).toBe(13);
    expect(reader.getState()).toMatchObject({ newerEnd: 'caught-up', checkedAt: T0 + 999_999 });
  });

  it('jumps to a time: the events from it, landing on the first of them, with older and newer pages from there', async () => {
    const { stream, reader } = await opened(15_000);
    stream.script.push({ kind: 'hold' });
    reader.go({ kind: 'time', time: T0 + 2_000 * SECOND + 500 }, 'jump');
    // Until the events arrive, those loaded stay.
    expect(reader.getState()).toMatchObject({ shown: NEWEST, first: { status: 'loading' } });
    expect(messages(reader)).toEqual(range(14_000, 15_000));
    stream.release();
    await settle();
    expect(stream.calls[1]).toEqual({ param: { direction: 'at', time: T0 + 2_000 * SECOND + 500 }, limit: FIRST_PAGE_EVENTS });
    expect(messages(reader)).toEqual(range(2_001, 3_001));
    const state = reader.getState();
    expect(state).toMatchObject({ shown: { kind: 'time' }, olderEnd: 'more', newerEnd: 'more' });
    expect(state.landing).toMatchObject({ key: reader.store.firstKey, align: 'start', cause: 'jump' });
    expect(reader.store.byKey(state.landing!.key)?.message).toBe('e2001');

    reader.loadOlder(true);
    reader.loadNewer(true);
    await settle();
    expect(messages(reader)).toEqual(range(0, 13_001));
    reader.loadNewer(true);
    await settle();
    expect(messages(reader)).toEqual(range(0, 15_000));
    reader.loadNewer(true);
    await settle();
    expect(reader.getState().newerEnd).toBe('caught-up');
    expect(messages(reader)).toEqual(range(0, 15_000));
  });

  it('jumping past the last event shows the events before the time, landing on the newest', async () => {
    const { stream, reader } = await opened(1_500);
    reader.go({ kind: 'time', time: T0 + 5_000 * SECOND }, 'jump');
    await settle();
    expect(stream.calls.slice(1).map((call) => call.param)).toEqual([
      { direction: 'at', time: T0 + 5_000 * SECOND },
      { direction: 'older', token: 'b/1500' },
    ]);
    expect(messages(reader)).toEqual(range(500, 1_500));
    expect(reader.getState().landing).toMatchObject({ key: reader.store.endKey - 1, align: 'end', cause: 'jump' });
    reader.loadNewer(true);
    await settle();
    expect(reader.getState().newerEnd).toBe('caught-up');
  });

  it('opening at an event marks it and lands on it, telling it from others of its millisecond by its message', async () => {
    const stream = new FakeStream(10);
    // Two more events in e5's millisecond.
    stream.events.splice(6, 0, { timestamp: T0 + 5 * SECOND, ingestionTime: T0, message: 'twin a' }, { timestamp: T0 + 5 * SECOND, ingestionTime: T0, message: 'twin b' });
    const reader = new StreamReader(stream);
    reader.go({ kind: 'time', time: T0 + 5 * SECOND, event: { timestamp: T0 + 5 * SECOND, messagePrefix: 'twin b' } }, 'open');
    await settle();
    // The events from its time, and those just before it.
    expect(stream.calls.map((call) => call.param)).toEqual([
      { direction: 'at', time: T0 + 5 * SECOND },
      { direction: 'older', token: 'b/5' },
    ]);
    expect(stream.calls[1]?.limit).toBe(EVENTS_BEFORE_SOUGHT);
    expect(messages(reader)).toEqual(['e0', 'e1', 'e2', 'e3', 'e4', 'e5', 'twin a', 'twin b', 'e6', 'e7', 'e8', 'e9']);
    const state = reader.getState();
    expect(state.marked).toBeDefined();
    expect(reader.store.byKey(state.marked!)?.message).toBe('twin b');
    expect(state.landing).toMatchObject({ key: state.marked, align: 'center', cause: 'open' });

    // Jumping elsewhere forgets the mark.
    reader.go({ kind: 'time', time: T0 + 8 * SECOND }, 'jump');
    await settle();
    expect(reader.getState().marked).toBeUndefined();
  });

  it('opening at an event that is not there lands on the first event from its time, marking none', async () => {
    const stream = new FakeStream(10);
    const reader = new StreamReader(stream);
    reader.go({ kind: 'time', time: T0 + 5 * SECOND, event: { timestamp: T0 + 5 * SECOND, messagePrefix: 'gone' } }, 'open');
    await settle();
    const state = reader.getState();
    expect(state.marked).toBeUndefined();
    expect(reader.store.byKey(state.landing!.key)?.message).toBe('e5');
  });

  it('goes to the oldest events of the stream', async () => {
    const { stream, reader } = await opened(1_500);
    reader.go({ kind: 'oldest' }, 'jump');
    await settle();
    expect(stream.calls[1]?.param).toEqual({ direction: 'at' });
    expect(messages(reader)).toEqual(range(0, 1_000));
    expect(reader.getState()).toMatchObject({ olderEnd: 'more', landing: { key: reader.store.firstKey, align: 'start' } });
    reader.loadOlder(true);
    await settle();
    expect(reader.getState().olderEnd).toBe('beginning');
  });

  it('keeps what is loaded when a reload fails, says why, and loads on retry', async () => {
    const errors: ApiError[] = [];
    const { stream, reader } = await opened(1_200, { onError: (error) => errors.push(error) });
    const throttled = apiError('Throttled', 'GetLogEvents was throttled.');
    stream.script.push({ kind: 'fail', error: throttled });
    stream.add(5, 'new');
    reader.go(NEWEST, 'reload');
    await settle();
    expect(reader.getState()).toMatchObject({ shown: NEWEST, first: { status: 'failed', error: throttled } });
    expect(messages(reader)).toEqual(range(200, 1_200));
    expect(errors).toEqual([throttled]);
    // What is loaded can still be paged.
    reader.loadOlder();
    await settle();
    expect(reader.store.count).toBe(1_200);

    reader.retry('first');
    await settle();
    expect(reader.getState().first).toEqual({ status: 'idle' });
    expect(messages(reader).slice(-1)).toEqual(['new1204']);
    expect(reader.getState().landing).toMatchObject({ cause: 'reload' });
  });

  it('stops waiting when cancelled, and a late answer changes nothing', async () => {
    const stream = new FakeStream(100);
    const reader = new StreamReader(stream);
    stream.script.push({ kind: 'hold' });
    reader.go(NEWEST, 'open');
    reader.cancel('first');
    expect(reader.getState()).toMatchObject({ shown: undefined, first: { status: 'idle' } });
    stream.release();
    await settle();
    expect(reader.store.count).toBe(0);
    expect(reader.getState().shown).toBeUndefined();

    reader.retry('first');
    await settle();
    expect(reader.store.count).toBe(100);
    stream.add(1);
    stream.script.push({ kind: 'hold' });
    reader.loadNewer();
    expect(reader.getState().newer.status).toBe('loading');
    reader.cancel('newer');
    stream.release();
    await settle();
    expect(reader.getState().newer).toEqual({ status: 'idle' });
    expect(reader.store.count).toBe(100);
  });

  it('gives up on a load that takes too long, with a sentence, and drops its late answer', async () => {
    vi.useFakeTimers();
    const stream = new FakeStream(100);
    const reader = new StreamReader(stream, { timeoutMs: 15_000 });
    stream.script.push({ kind: 'hold' });
    reader.go(NEWEST, 'open');
    await vi.advanceTimersByTimeAsync(14_999);
    expect(reader.getState().first.status).toBe('loading');
    await vi.advanceTimersByTimeAsync(1);
    const { first } = reader.getState();
    expect(first.status).toBe('failed');
    expect(first.status === 'failed' && first.error).toMatchObject({
      retryable: true,
      message: 'GetLogEvents got no answer within 15 seconds. The network or AWS may be slow: retry, or try again in a minute.',
    });
    stream.release();
    await vi.advanceTimersByTimeAsync(0);
    expect(reader.store.count).toBe(0);
  });

  it('says whether the stream or its whole group was deleted, keeps what is loaded, and loads nothing more', async () => {
    const notFound = apiError('NotFound', 'The specified log stream does not exist.', { awsCode: 'ResourceNotFoundException' });
    const { stream, reader } = await opened(50);
    stream.script.push({ kind: 'fail', error: notFound });
    reader.loadNewer();
    await settle();
    expect(reader.getState()).toMatchObject({ gone: 'stream', newer: { status: 'idle' } });
    expect(reader.store.count).toBe(50);
    const calls = stream.calls.length;
    reader.loadOlder();
    reader.go(NEWEST, 'reload');
    await settle();
    expect(stream.calls).toHaveLength(calls);

    const other = await opened(50);
    other.stream.groupStillExists = false;
    other.stream.script.push({ kind: 'fail', error: notFound });
    other.reader.go(NEWEST, 'reload');
    await settle();
    expect(other.reader.getState().gone).toBe('group');
  });

  it('shows the NotFound error itself when the group cannot be checked', async () => {
    const notFound = apiError('NotFound', 'The specified log stream does not exist.');
    const { stream, reader } = await opened(5);
    stream.groupExists = () => Promise.reject(apiError('AccessDenied', 'No DescribeLogGroups for you.'));
    stream.script.push({ kind: 'fail', error: notFound });
    reader.loadOlder();
    await settle();
    expect(reader.getState()).toMatchObject({ gone: undefined, older: { status: 'failed', error: notFound } });
  });

  it('does not load an edge twice at once, stops loading by itself after a failure, and tries again when asked', async () => {
    const { stream, reader } = await opened(3_000);
    stream.script.push({ kind: 'hold' });
    reader.loadOlder(true);
    reader.loadOlder(true);
    reader.loadOlder();
    expect(stream.calls).toHaveLength(2);
    // A new start drops the loads at the edges: they continue what is about to be replaced.
    reader.go(NEWEST, 'reload');
    expect(reader.getState().older).toEqual({ status: 'idle' });
    reader.loadOlder();
    expect(stream.calls).toHaveLength(3);
    stream.release();
    await settle();
    expect(messages(reader)).toEqual(range(2_000, 3_000));

    stream.script.push({ kind: 'fail', error: apiError('ServiceUnavailable', 'AWS had a problem.') });
    reader.loadOlder(true);
    await settle();
    expect(reader.getState().older.status).toBe('failed');
    reader.loadOlder(true);
    expect(stream.calls).toHaveLength(4);
    reader.loadOlder();
    await settle();
    expect(stream.calls).toHaveLength(5);
    expect(reader.store.count).toBe(3_000);
  });

  it('looks further back by itself when the newest page is empty, and lands on the newest event it finds', async () => {
    const stream = new FakeStream(300);
    stream.script.push({ kind: 'empty' });
    const reader = new StreamReader(stream);
    reader.go(NEWEST, 'open');
    await settle();
    expect(messages(reader)).toEqual(range(0, 300));
    expect(reader.getState().landing).toMatchObject({ key: reader.store.endKey - 1, align: 'end', cause: 'open' });
  });

  it('says an empty stream is empty from its beginning', async () => {
    const { reader } = await opened(0);
    expect(reader.store.count).toBe(0);
    expect(reader.getState()).toMatchObject({ shown: NEWEST, olderEnd: 'beginning', landing: undefined });
  });
});

describe('indexOfEvent', () => {
  const events = [
    { timestamp: 1, ingestionTime: 1, message: 'first' },
    { timestamp: 2, ingestionTime: 2, message: 'alpha one' },
    { timestamp: 2, ingestionTime: 2, message: 'beta two' },
    { timestamp: 3, ingestionTime: 3, message: 'beta two' },
  ];

  it('finds the first event of the millisecond whose message starts with the prefix', () => {
    expect(indexOfEvent(events, { timestamp: 2, messagePrefix: 'beta' })).toBe(2);
    expect(indexOfEvent(events, { timestamp: 2, messagePrefix: 'alpha one' })).toBe(1);
  });

  it('without a prefix, takes the first event of the millisecond', () => {
    expect(indexOfEvent(events, { timestamp: 2 })).toBe(1);
  });

  it('finds nothing when no event of that millisecond matches', () => {
    expect(indexOfEvent(events, { timestamp: 2, messagePrefix: 'gamma' })).toBe(-1);
    expect(indexOfEvent(events, { timestamp: 4 })).toBe(-1);
  });
});
