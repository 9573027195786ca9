import { afterEach, describe, expect, it, vi } from 'vitest';
import { EventStore } from '../event-table/eventStore';
import { LoadedSearch, type LoadedSearchState } from './LoadedSearch';
import type { FromWorker, ToWorker } from './protocol';
import { SearchWorkerCore } from './searchWorkerCore';

interface Event {
  readonly timestamp: number;
  readonly message: string;
}

/** A worker that runs the real worker code in this thread, with messages delivered asynchronously as between threads. */
class InProcessWorker {
  onmessage: ((event: MessageEvent<FromWorker>) => void) | null = null;
  onerror: ((event: ErrorEvent) => void) | null = null;
  readonly sent: ToWorker[] = [];
  terminated = false;
  readonly core = new SearchWorkerCore((message) => setTimeout(() => this.onmessage?.({ data: message } as MessageEvent<FromWorker>)));

  postMessage(message: ToWorker): void {
    this.sent.push(message);
    setTimeout(() => this.core.handle(structuredClone(message)));
  }

  terminate(): void {
    this.terminated = true;
    this.core.close();
  }
}

const workers: InProcessWorker[] = [];
afterEach(() => {
  for (const worker of workers.splice(0)) worker.terminate();
});

function setUp() {
  const store = new EventStore<Event>();
  const worker = new InProcessWorker();
  workers.push(worker);
  const search = new LoadedSearch(store, () => worker as unknown as Worker);
  return { store, worker, search };
}

const page = (from: number, messages: readonly string[]): Event[] => messages.map((message, i) => ({ timestamp: from + i, message }));

function settled(search: LoadedSearch<Event>): Promise<LoadedSearchState> {
  return new Promise((resolve) => {
    const check = () => {
      const state = search.getState();
      if (state.status === 'done' || state.status === 'failed') {
        stop();
        resolve(state);
      }
    };
    const stop = search.subscribe(check);
    check();
  });
}

/** The messages of the matches, to compare easily. */
function matched(store: EventStore<Event>, state: LoadedSearchState): string[] {
  if (state.status !== 'done') throw new Error(`search ${state.status}`);
  return [...state.keys].map((key) => store.byKey(key)!.message);
}


describe('LoadedSearch', () => {
  it('hands the worker what was loaded before it started, then each page once', async () => {
    const { store, worker, search } = setUp();
    store.append(page(0, ['a1', 'b1']));
    search.start();
    store.prepend(page(-1, ['a0']));
    store.append(page(2, ['b2']));
    expect(worker.sent).toEqual([
      { type: 'append', firstKey: 0, messages: ['a1', 'b1'] },
      { type: 'prepend', firstKey: -1, messages: ['a0'] },
      { type: 'append', firstKey: 2, messages: ['b2'] },
    ]);
  });

  it('finds the matching events and answers with their keys', async () => {
    const { store, search } = setUp();
    store.append(page(0, ['GET /a 200', 'GET /b 500', 'POST /c 500', 'get /d 200']));
    search.start();
    search.search({ kind: 'text', text: 'get' });
    const state = await settled(search);
    expect(matched(store, state)).toEqual(['GET /a 200', 'GET /b 500', 'get /d 200']);
    expect(state).toMatchObject({ status: 'done', workerMs: expect.any(Number), totalMs: expect.any(Number) });
  });

  it('keeps the matches up to date as pages arrive after the answer', async () => {
    const { store, search } = setUp();
    store.append(page(0, ['x error', 'ok']));
    search.start();
    search.search({ kind: 'pattern', pattern: 'error' });
    await settled(search);
    store.append(page(2, ['ok', 'y error']));
    store.prepend(page(-2, ['w error', 'ok']));
    await vi.waitFor(() => expect(matched(store, search.getState())).toEqual(['w error', 'x error', 'y error']));
  });

  it('answers only the latest search when one replaces another', async () => {
    const { store, search } = setUp();
    store.append(page(0, Array.from({ length: 50_000 }, (_, i) => (i % 2 === 0 ? `even ${i}` : `odd ${i}`))));
    search.start();
    search.search({ kind: 'text', text: 'even' });
    search.search({ kind: 'text', text: 'odd 49999' });
    const state = await settled(search);
    expect(matched(store, state)).toEqual(['odd 49999']);
  });

  it('includes pages that arrive while the search runs', async () => {
    const { store, search } = setUp();
    store.append(page(0, Array.from({ length: 200_000 }, (_, i) => `line ${i}`)));
    search.start();
    search.search({ kind: 'text', text: 'line 1999' });
    store.append(page(200_000, ['line 1999 again']));
    await settled(search);
    await vi.waitFor(() =>
      expect(matched(store, search.getState())).toEqual(['line 1999', ...Array.from({ length: 10 }, (_, i) => `line 1999${i}`), ...Array.from({ length: 100 }, (_, i) => `line 1999${String(i).padStart(2, '0')}`), 'line 1999 again']),
    );
  });

  it('forgets matches whose events were dropped or cleared', async () => {
    const { store, search } = setUp();
    store.append(page(0, Array.from({ length: 2000 }, () => 'match')));
    store.append(page(2000, Array.from({ length: 2000 }, () => 'match')));
    search.start();
    search.search({ kind: 'text', text: 'match' });
    await settled(search);
    store.dropOldest(2000);
    const afterDrop = search.getState();
    expect(afterDrop.status === 'done' && afterDrop.keys.length).toBe(2000);
    store.clear();
    const afterClear = search.getState();
    expect(afterClear.status === 'done' && afterClear.keys.length).toBe(0);
  });

  it('reports a pattern the worker cannot use', async () => {
    const { search } = setUp();
    search.start();
    search.search({ kind: 'pattern', pattern: '[a, b' });
    expect(await settled(search)).toMatchObject({ status: 'failed', message: expect.stringContaining('at character') });
  });

  it('stops the worker when disposed, and can start a new one', () => {
    const { store, worker, search } = setUp();
    search.start();
    search.dispose();
    expect(worker.terminated).toBe(true);
    store.append(page(0, ['after']));
    expect(worker.sent).toHaveLength(0);
  });
});
