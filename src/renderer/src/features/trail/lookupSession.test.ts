import { describe, expect, it } from 'vitest';
import type { LookupUpdate, TrailEvent } from '../../../../shared/contract';
import type { StreamListener } from '../../../../shared/rpc';
import { LookupSession, type LookupRequest } from './lookupSession';

function event(id: string, eventTime: number): TrailEvent {
  return { eventId: id, eventTime, eventName: 'X', eventSource: 's', resources: [], record: '{}' };
}

/** A fake `trail.lookup`: records each call's request and listener, and whether it was cancelled. */
function fakeLookup() {
  const calls: { request: LookupRequest; listener: StreamListener<LookupUpdate>; cancelled: boolean }[] = [];
  const call = (request: LookupRequest, listener: StreamListener<LookupUpdate>) => {
    const entry = { request, listener, cancelled: false };
    calls.push(entry);
    return () => {
      entry.cancelled = true;
    };
  };
  return { calls, call };
}

const REQUEST: LookupRequest = { lookup: { startTime: 0, endTime: 10 } };

describe('LookupSession', () => {
  it('folds the updates into events, what was sent and applied, progress and a cut-off, and reads on from the cursor', () => {
    const fake = fakeLookup();
    const session = new LookupSession(fake.call, REQUEST);
    session.start();
    const first = fake.calls[0];
    first?.listener.next({ type: 'started', sent: { key: 'Username', value: 'a' }, appliedLocally: [{ key: 'ReadOnly', value: 'false' }] });
    first?.listener.next({ type: 'events', events: [event('2', 2), event('1', 1)] });
    first?.listener.next({ type: 'progress', pages: 1, scanned: 50, matched: 2, throttled: 0, reachedTime: 1 });
    first?.listener.next({ type: 'end', cutOff: 'maxEvents', cursor: 'next' });
    first?.listener.complete?.();
    expect(session.getState()).toMatchObject({
      loading: false,
      sent: { key: 'Username', value: 'a' },
      appliedLocally: [{ key: 'ReadOnly', value: 'false' }],
      cutOff: 'maxEvents',
      progress: { pages: 1, scanned: 50, matched: 2 },
    });

    session.loadMore();
    expect(fake.calls[1]?.request).toEqual({ ...REQUEST, cursor: 'next' });
    expect(session.getState().cutOff).toBeUndefined();
    fake.calls[1]?.listener.next({ type: 'events', events: [event('0', 0)] });
    fake.calls[1]?.listener.next({ type: 'progress', pages: 1, scanned: 10, matched: 1, throttled: 1 });
    fake.calls[1]?.listener.next({ type: 'end' });
    fake.calls[1]?.listener.complete?.();
    expect(session.getState().events.map((e) => e.eventId)).toEqual(['2', '1', '0']);
    expect(session.getState().progress).toEqual({ pages: 2, scanned: 60, matched: 3, throttled: 1 });
    expect(session.getState().cutOff).toBeUndefined();
  });

  it('stops when asked, keeps what arrived, and says it stopped short', () => {
    const fake = fakeLookup();
    const session = new LookupSession(fake.call, REQUEST);
    session.start();
    fake.calls[0]?.listener.next({ type: 'events', events: [event('1', 1)] });
    fake.calls[0]?.listener.next({ type: 'progress', pages: 1, scanned: 50, matched: 1, throttled: 0 });
    session.cancel();
    expect(fake.calls[0]?.cancelled).toBe(true);
    expect(session.getState()).toMatchObject({ loading: false, cutOff: 'stopped', events: [{ eventId: '1' }] });
  });

  it('keeps the events and the error when the stream fails', () => {
    const fake = fakeLookup();
    const session = new LookupSession(fake.call, REQUEST);
    session.start();
    fake.calls[0]?.listener.next({ type: 'events', events: [event('1', 1)] });
    fake.calls[0]?.listener.error?.({ code: 'Throttled', message: 'slow down', retryable: true });
    expect(session.getState()).toMatchObject({ loading: false, error: { code: 'Throttled' }, events: [{ eventId: '1' }] });
  });
});
