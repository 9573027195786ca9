import { describe, expect, it } from 'vitest';
import type { FoundEvent, SearchUpdate } from '../../../../../shared/contract';
import { apiError } from '../../../../../shared/errors';
import type { StreamListener } from '../../../../../shared/rpc';
import { EventStore } from '../../../components/event-table/eventStore';
import { SearchSession, type SearchRequest } from './searchSession';

function event(timestamp: number, eventId = `id-${timestamp}`): FoundEvent {
  return { timestamp, ingestionTime: timestamp, message: `at ${timestamp}`, logGroupName: '/g', logStreamName: 's', eventId };
}

/** A fake `logs.search` that records requests and lets the test answer them. */
function fakeSearch() {
  const calls: { request: SearchRequest; listener: StreamListener<SearchUpdate>; cancelled: boolean }[] = [];
  const run = (request: SearchRequest, listener: StreamListener<SearchUpdate>) => {
    const call = { request, listener, cancelled: false };
    calls.push(call);
    return () => {
      call.cancelled = true;
    };
  };
  const answer = (updates: SearchUpdate[]) => {
    const call = calls.at(-1)!;
    for (const update of updates) call.listener.next(update);
    call.listener.complete?.();
  };
  return { run, calls, answer };
}

const selection = { logGroupNames: ['/g'], filterPattern: 'ERROR', startTime: 1000, endTime: 9000 };

describe('SearchSession', () => {
  it('loads the newest events first, then older pages with the cursor, until the range is done', () => {
    const api = fakeSearch();
    const store = new EventStore<FoundEvent>();
    const session = new SearchSession(api.run, store, selection);
    session.start();
    expect(api.calls[0]?.request).toMatchObject({ selection, from: 'newest' });
    expect(session.getState().loading).toBe('first');
    api.answer([
      { type: 'groups', logGroupNames: ['/g'] },
      { type: 'events', events: [event(8000), event(8500)] },
      { type: 'progress', searchedFrom: 7000, searchedTo: 9000, eventsFound: 2 },
      { type: 'end', cursor: 'c1' },
    ]);
    expect(session.getState()).toMatchObject({ loading: null, groups: ['/g'], searchedFrom: 7000, complete: false });

    session.loadOlder();
    expect(api.calls[1]?.request).toMatchObject({ from: 'newest', cursor: 'c1' });
    api.answer([{ type: 'events', events: [event(3000)] }, { type: 'end' }]);
    expect(store.slice(0, store.count).map((found) => found.timestamp)).toEqual([3000, 8000, 8500]);
    expect(session.getState()).toMatchObject({ complete: true, searchedFrom: 1000 });
    session.loadOlder();
    expect(api.calls).toHaveLength(2);
  });

  it('reads newer events from the newest loaded millisecond, leaving out those already shown', () => {
    const api = fakeSearch();
    const store = new EventStore<FoundEvent>();
    store.append([event(8000), event(8500, 'a'), event(8500, 'b')]);
    const session = new SearchSession(api.run, store, selection);
    session.loadNewer(12_000);
    expect(api.calls[0]?.request).toEqual({
      selection: { ...selection, startTime: 8500, endTime: 12_000 },
      from: 'oldest',
      maxEvents: expect.any(Number),
      excludeEventIds: ['b', 'a'],
    });
    api.answer([{ type: 'events', events: [event(8500, 'c'), event(11_000)] }, { type: 'end' }]);
    expect(store.slice(0, store.count).map((found) => found.eventId)).toEqual(['id-8000', 'a', 'b', 'c', 'id-11000']);
  });

  it('keeps what is loaded when a page fails, and retries that page', () => {
    const api = fakeSearch();
    const store = new EventStore<FoundEvent>();
    const session = new SearchSession(api.run, store, selection);
    session.start();
    api.answer([{ type: 'events', events: [event(8000)] }, { type: 'end', cursor: 'c1' }]);
    session.loadOlder();
    api.calls[1]!.listener.error?.(apiError('Throttled', 'Slow down.'));
    expect(session.getState()).toMatchObject({ loading: null, failed: 'older', error: { code: 'Throttled' } });
    expect(store.count).toBe(1);
    session.retry(9000);
    expect(api.calls[2]?.request).toMatchObject({ cursor: 'c1' });
  });

  it('cancels the running request', () => {
    const api = fakeSearch();
    const session = new SearchSession(api.run, new EventStore<FoundEvent>(), selection);
    session.start();
    session.cancel();
    expect(api.calls[0]?.cancelled).toBe(true);
    expect(session.getState().loading).toBeNull();
  });
});
