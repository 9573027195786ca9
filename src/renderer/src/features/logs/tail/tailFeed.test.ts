import { describe, expect, it } from 'vitest';
import type { FoundEvent } from '../../../../../shared/contract';
import { EventStore } from '../../../components/event-table/eventStore';
import { APPEND_PIECE, TailFeed } from './tailFeed';

/** A clock and a frame scheduler the test drives by hand. */
function harness(cap?: number) {
  let now = 1_000_000;
  const frames: (() => void)[] = [];
  const store = new EventStore<FoundEvent>();
  const appends: number[] = [];
  store.subscribe((change) => {
    if (change.type === 'append') appends.push(change.events.length);
  });
  const feed = new TailFeed(store, {
    now: () => now,
    scheduleFlush: (flush) => {
      frames.push(flush);
      return () => frames.splice(frames.indexOf(flush), 1);
    },
    ...(cap === undefined ? {} : { cap }),
  });
  return {
    store,
    feed,
    appends,
    frames,
    advance(ms: number) {
      now += ms;
    },
    drawFrame() {
      for (const flush of frames.splice(0)) flush();
    },
    messages: () => store.slice(0, store.count).map((event) => event.message),
  };
}

let serial = 0;
function events(count: number, label = 'event'): FoundEvent[] {
  return Array.from({ length: count }, () => {
    const n = serial++;
    return { timestamp: 1_700_000_000_000 + n, ingestionTime: 1_700_000_000_000 + n, message: `${label} ${n}`, logGroupName: '/g', logStreamName: 's' };
  });
}
const messagesOf = (batch: readonly FoundEvent[]) => batch.map((event) => event.message);

describe('TailFeed', () => {
  it('adds the batches that came during a frame to the table in one append, in order', () => {
    const { feed, appends, frames, drawFrame, messages } = harness();
    const first = events(3);
    const second = events(2);
    feed.receive(first, false);
    feed.receive(second, false);
    expect(frames).toHaveLength(1);
    expect(messages()).toEqual([]);
    drawFrame();
    expect(appends).toEqual([5]);
    expect(messages()).toEqual([...messagesOf(first), ...messagesOf(second)]);
    expect(feed.snapshot().received).toBe(5);
  });

  it('tells its listeners once per frame, with a new snapshot only when something changed', () => {
    const { feed, drawFrame } = harness();
    let told = 0;
    feed.subscribe(() => told++);
    const before = feed.snapshot();
    feed.receive(events(4), false);
    expect(feed.snapshot()).toBe(before);
    drawFrame();
    expect(told).toBe(1);
    expect(feed.snapshot()).not.toBe(before);
    expect(feed.snapshot()).toBe(feed.snapshot());
  });

  it('keeps new events aside while paused and adds them, then those on their way, in order on resume', () => {
    const { feed, drawFrame, messages } = harness();
    const shown = events(2);
    feed.receive(shown, false);
    drawFrame();
    feed.pause();
    expect(feed.snapshot().paused).toBe(true);
    const held = [events(3), events(4)];
    for (const batch of held) {
      feed.receive(batch, false);
      drawFrame();
    }
    expect(messages()).toEqual(messagesOf(shown));
    expect(feed.snapshot().waiting).toBe(7);
    const onTheirWay = events(1);
    feed.receive(onTheirWay, false);

    feed.resume();
    expect(messages()).toEqual(messagesOf([...shown, ...held.flat(), ...onTheirWay]));
    expect(feed.snapshot()).toMatchObject({ paused: false, waiting: 0, received: 10 });
    // The scheduled frame was taken over by the resume: nothing is added twice.
    drawFrame();
    expect(messages()).toHaveLength(10);
  });

  it('keeps events that arrive between a pause and the next frame aside too', () => {
    const { feed, drawFrame, messages } = harness();
    feed.receive(events(2), false);
    feed.pause();
    drawFrame();
    expect(messages()).toEqual([]);
    expect(feed.snapshot().waiting).toBe(2);
  });

  it('drops the oldest events beyond the cap and counts them', () => {
    const { feed, store, drawFrame, messages } = harness(5000);
    const all: FoundEvent[] = [];
    for (let batch = 0; batch < 12; batch++) {
      const arriving = events(1000);
      all.push(...arriving);
      feed.receive(arriving, false);
      drawFrame();
    }
    // Pages are dropped whole, so the table keeps the newest 5,000 or a little more.
    expect(store.count).toBeGreaterThanOrEqual(5000);
    expect(store.count).toBeLessThan(6100);
    expect(feed.snapshot().dropped).toBe(12_000 - store.count);
    expect(messages()).toEqual(messagesOf(all.slice(12_000 - store.count)));
  });

  it('counts the events in the table and those waiting against the cap, dropping the table’s first', () => {
    const { feed, store, drawFrame, messages } = harness(3000);
    // Batches of 1,500 are pages of their own in the store, so what is dropped is predictable.
    for (let batch = 0; batch < 2; batch++) {
      feed.receive(events(1500), false);
      drawFrame();
    }
    feed.pause();
    const waiting = events(1500);
    feed.receive(waiting, false);
    drawFrame();
    // 4,500 in memory: the table's oldest page goes, the waiting events stay.
    expect(store.count).toBe(1500);
    expect(feed.snapshot()).toMatchObject({ waiting: 1500, dropped: 1500 });

    const more = events(2000);
    feed.receive(more, false);
    drawFrame();
    // More waiting than the cap: the table empties, then the oldest waiting ones go.
    expect(store.count).toBe(0);
    expect(feed.snapshot()).toMatchObject({ waiting: 3000, dropped: 3500 });
    feed.resume();
    expect(messages()).toEqual(messagesOf([...waiting, ...more].slice(500)));
  });

  it('adds a long pause’s events in pieces, so reaching the cap later drops a piece at a time', () => {
    const cap = 3 * APPEND_PIECE;
    const { feed, store, drawFrame, messages } = harness(cap);
    feed.pause();
    const all = events(cap);
    feed.receive(all, false);
    drawFrame();
    feed.resume();
    expect(store.count).toBe(cap);
    for (let batch = 0; batch < 40; batch++) {
      const arriving = events(1000);
      all.push(...arriving);
      feed.receive(arriving, false);
      drawFrame();
      expect(store.count).toBeGreaterThanOrEqual(cap);
      expect(store.count).toBeLessThanOrEqual(cap + APPEND_PIECE);
    }
    expect(messages()).toEqual(messagesOf(all.slice(all.length - store.count)));
    expect(feed.snapshot().dropped).toBe(all.length - store.count);
  });

  it('remembers when AWS sent a sample', () => {
    const { feed, drawFrame, advance } = harness();
    feed.receive(events(10), false);
    drawFrame();
    expect(feed.snapshot().sampling).toBeUndefined();
    advance(1000);
    feed.receive(events(500), true);
    advance(1000);
    feed.receive(events(500), true);
    advance(1000);
    feed.receive(events(20), false);
    drawFrame();
    expect(feed.snapshot().sampling).toEqual({ first: 1_001_000, last: 1_002_000, updates: 2 });
  });

  it('knows the earliest timestamp it received, for a download of everything the tail saw', () => {
    const { feed, drawFrame } = harness();
    const late = events(3);
    const early = { ...late[0]!, timestamp: late[0]!.timestamp - 60_000 };
    feed.receive([...late, early], false);
    drawFrame();
    expect(feed.snapshot().earliestTimestamp).toBe(early.timestamp);
  });

  it('measures the rate from arrivals', () => {
    const { feed, advance } = harness();
    for (let second = 0; second < 5; second++) {
      advance(1000);
      feed.receive(events(40), false);
    }
    expect(feed.ratePerSecond()).toBeCloseTo(40, 6);
  });

  it('adds what is on its way at once when the tail stops', () => {
    const { feed, frames, drawFrame, messages } = harness();
    const last = events(3);
    feed.receive(last, false);
    feed.flushNow();
    expect(frames).toHaveLength(0);
    expect(messages()).toEqual(messagesOf(last));
    drawFrame();
    expect(messages()).toEqual(messagesOf(last));
  });
});
