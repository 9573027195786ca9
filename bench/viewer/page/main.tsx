/**
 * The viewer benchmark's page: the app's EventTable and search worker over a store of synthetic
 * events, with `window.viewerBench` for the benchmark (in Chromium, driven by viewer.bench.ts) to
 * load events and time what the reader would wait for. Nothing here is part of the app.
 */
import '../../../src/renderer/src/styles/theme.css';
import '../../../src/renderer/src/styles/base.css';
import './page.css';
import { createRef, StrictMode, useCallback, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import type { FoundEvent } from '../../../src/shared/contract/logs';
import { LoadedSearch } from '../../../src/renderer/src/components/event-search/LoadedSearch';
import { DEFAULT_COLUMNS } from '../../../src/renderer/src/components/event-table/columns';
import { EventStore } from '../../../src/renderer/src/components/event-table/eventStore';
import { EventTable, type EventTableHandle } from '../../../src/renderer/src/components/event-table/EventTable';
import { useEventView } from '../../../src/renderer/src/components/event-table/useEventView';
import type { ViewerBenchApi } from '../api';
import { eventPage, NEEDLE } from './events';
import { HOSTILE_MESSAGES } from './hostile';

const store = new EventStore<FoundEvent>();
const search = new LoadedSearch(store);
search.start();

/** Which rows to show: everything, or only the matches of the last search. */
let onlyMatches = false;
const filterListeners = new Set<() => void>();

const table = createRef<EventTableHandle>();
let following = false;
const followListeners = new Set<() => void>();
function setFollowing(follow: boolean) {
  following = follow;
  for (const listener of followListeners) listener();
}

function BenchPage() {
  const followEnd = useSyncExternalStore(
    useCallback((onChange: () => void) => {
      followListeners.add(onChange);
      return () => followListeners.delete(onChange);
    }, []),
    () => following,
  );
  const filter = useSyncExternalStore(
    useCallback((onChange: () => void) => {
      filterListeners.add(onChange);
      const stop = search.subscribe(onChange);
      return () => {
        filterListeners.delete(onChange);
        stop();
      };
    }, []),
    () => {
      const state = search.getState();
      return onlyMatches && state.status === 'done' ? state.keys : undefined;
    },
  );
  const view = useEventView(store, filter);
  return (
    <main className="bench-layout">
      <EventTable
        view={view}
        columns={DEFAULT_COLUMNS}
        label="Benchmark events"
        wrap
        followEnd={followEnd}
        onFollowEndChange={setFollowing}
        handleRef={table}
      />
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <BenchPage />
    </StrictMode>,
  );
}

/** Resolves after the browser has painted the next frame. */
function afterNextPaint(): Promise<void> {
  return new Promise((resolve) =>
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = () => resolve();
      channel.port2.postMessage(null);
    }),
  );
}

async function paintedRows(): Promise<void> {
  for (let frame = 0; frame < 600; frame++) {
    await afterNextPaint();
    if (document.querySelector('.event-body-row')) return;
  }
  throw new Error('No rows appeared within 600 frames.');
}

/** The sequence numbers of the oldest and the next newer event, so pages continue the sequence. */
let oldest = 0;
let newest = 0;
let staged: { side: 'older' | 'newer'; events: FoundEvent[] } | undefined;

const bench: ViewerBenchApi = {
  async firstPage() {
    if (!staged || store.count > 0) throw new Error('Stage a page for an empty table first.');
    const page = staged.events;
    staged = undefined;
    const started = performance.now();
    store.append(page);
    await paintedRows();
    return performance.now() - started;
  },

  async loadUntil(total, pageSize) {
    while (store.count < total) {
      const size = Math.min(pageSize, total - store.count);
      store.append(eventPage(newest, size));
      newest += size;
      await afterNextPaint();
    }
  },

  stagePage(size, side) {
    if (side === 'older') {
      oldest -= size;
      staged = { side, events: eventPage(oldest, size) };
    } else {
      staged = { side, events: eventPage(newest, size) };
      newest += size;
    }
  },

  async addStagedPage() {
    if (!staged) throw new Error('No page is staged.');
    if (staged.side === 'older') store.prepend(staged.events);
    else store.append(staged.events);
    staged = undefined;
    await afterNextPaint();
  },

  async search(text = NEEDLE.toLowerCase()) {
    let frames = 0;
    let counting = true;
    const countFrames = () => {
      if (!counting) return;
      frames++;
      requestAnimationFrame(countFrames);
    };
    requestAnimationFrame(countFrames);
    const done = new Promise<void>((resolve) => {
      const stop = search.subscribe(() => {
        const state = search.getState();
        if (state.status === 'done' || state.status === 'failed') {
          stop();
          resolve();
        }
      });
    });
    search.search({ kind: 'text', text });
    await done;
    counting = false;
    const state = search.getState();
    if (state.status !== 'done') throw new Error(state.status === 'failed' ? state.message : 'The search did not finish.');
    return { workerMs: state.workerMs, totalMs: state.totalMs, matches: state.keys.length, frames };
  },

  async scrollToEdge(edge) {
    setFollowing(edge === 'end');
    if (edge === 'start') table.current?.scrollToIndex(0, { align: 'start' });
    for (let frame = 0; frame < 10; frame++) await afterNextPaint();
  },

  readingPosition() {
    const scroller = document.querySelector('.event-table-scroll');
    if (!scroller) return undefined;
    const top = scroller.getBoundingClientRect().top;
    const rows = [...document.querySelectorAll<HTMLElement>('.event-body-row')].map((row) => ({ key: Number(row.dataset['key']), offset: row.getBoundingClientRect().top - top }));
    return rows.filter((row) => row.offset > -1).sort((a, b) => a.offset - b.offset)[0];
  },

  showOnlyMatches(only) {
    onlyMatches = only;
    for (const listener of filterListeners) listener();
  },

  addHostile() {
    const page = eventPage(newest, HOSTILE_MESSAGES.length).map((event, i) => ({ ...event, message: HOSTILE_MESSAGES[i]! }));
    newest += page.length;
    store.append(page);
  },

  count: () => store.count,
  afterNextPaint,
};

declare global {
  interface Window {
    viewerBench: ViewerBenchApi;
  }
}
window.viewerBench = bench;
