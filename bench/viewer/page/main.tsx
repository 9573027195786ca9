/**
 * The viewer's shared components on a page of their own: EventTable over a store of synthetic
 * events, the search worker, DetailPane, TimeRangePicker, FilterPatternInput and KeyboardHelp, wired
 * as a view would wire them. The viewer benchmark (viewer.bench.ts) and the component tests
 * (e2e/viewer-components.spec.ts) drive it through `window.viewerBench`. Nothing here is in the app.
 */
import '../../../src/renderer/src/styles/theme.css';
import '../../../src/renderer/src/styles/base.css';
import './page.css';
import { createRef, StrictMode, useCallback, useEffect, useMemo, useState, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import type { FoundEvent } from '../../../src/shared/contract/logs';
import { highlightRanges, type FilterPattern } from '../../../src/shared/languages/filter-pattern';
import { lastDuration, type TimeRange } from '../../../src/shared/time-range';
import { DetailPane } from '../../../src/renderer/src/components/detail-pane/DetailPane';
import { LoadedSearch } from '../../../src/renderer/src/components/event-search/LoadedSearch';
import { adjacentMatch, matchNumber } from '../../../src/renderer/src/components/event-search/searchQuery';
import { DEFAULT_COLUMNS, hasFieldColumn, withFieldColumn, withoutColumn, type EventColumn } from '../../../src/renderer/src/components/event-table/columns';
import { EventStore, type RowKey } from '../../../src/renderer/src/components/event-table/eventStore';
import { EventTable, type EventTableHandle } from '../../../src/renderer/src/components/event-table/EventTable';
import { useEventView } from '../../../src/renderer/src/components/event-table/useEventView';
import { FilterPatternInput } from '../../../src/renderer/src/components/filter-pattern/FilterPatternInput';
import { KeyboardHelp } from '../../../src/renderer/src/components/keyboard-help/KeyboardHelp';
import { isHelpKey, viewerShortcuts } from '../../../src/renderer/src/components/keyboard-help/shortcuts';
import { SearchField } from '../../../src/renderer/src/components/SearchField';
import { TimeRangePicker } from '../../../src/renderer/src/components/time-range/TimeRangePicker';
import { TimeZoneProvider } from '../../../src/renderer/src/components/TimeZone';
import type { ViewerBenchApi } from '../api';
import { eventPage, NEEDLE } from './events';
import { afterNextPaint } from './frames';
import { HOSTILE_MESSAGES } from './hostile';

const store = new EventStore<FoundEvent>();
const search = new LoadedSearch(store);
search.start();
const table = createRef<EventTableHandle>();

/** What the benchmark can switch on the page: only matches, and following the newest rows. */
const settings = { onlyMatches: false, following: false };
const settingsListeners = new Set<() => void>();
function changeSettings(change: Partial<typeof settings>) {
  Object.assign(settings, change);
  for (const listener of settingsListeners) listener();
}
function useSetting<K extends keyof typeof settings>(key: K): (typeof settings)[K] {
  return useSyncExternalStore(
    useCallback((onChange: () => void) => {
      settingsListeners.add(onChange);
      return () => settingsListeners.delete(onChange);
    }, []),
    () => settings[key],
  );
}

function Viewer() {
  const onlyMatches = useSetting('onlyMatches');
  const following = useSetting('following');
  const searchState = useSyncExternalStore(search.subscribe, search.getState);
  const matches = searchState.status === 'done' ? searchState.keys : undefined;
  const view = useEventView(store, onlyMatches ? matches : undefined);

  const [range, setRange] = useState<TimeRange>(() => lastDuration(3_600_000));
  const [patternText, setPatternText] = useState('');
  const [pattern, setPattern] = useState<FilterPattern | undefined>(undefined);
  const [findText, setFindText] = useState('');
  const [wrap, setWrap] = useState(true);
  const [columns, setColumns] = useState<readonly EventColumn[]>(DEFAULT_COLUMNS);
  const [open, setOpen] = useState<{ key: RowKey; event: FoundEvent } | undefined>(undefined);
  const [activeKey, setActiveKey] = useState<RowKey | undefined>(undefined);
  const [helpOpen, setHelpOpen] = useState(false);

  const highlightsFor = useMemo(() => (pattern ? (event: FoundEvent) => highlightRanges(pattern, event.message) : undefined), [pattern]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement;
      const inTextField = target instanceof HTMLInputElement || target instanceof HTMLTextAreaElement;
      if (isHelpKey({ key: event.key, ctrlKey: event.ctrlKey, metaKey: event.metaKey, altKey: event.altKey, inTextField })) {
        event.preventDefault();
        setHelpOpen(true);
      }
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, []);

  function find(text: string) {
    setFindText(text);
    if (text === '') search.clear();
    else search.search({ kind: 'text', text });
  }

  function jump(direction: 'next' | 'previous') {
    if (!matches) return;
    const key = adjacentMatch(matches, activeKey, direction);
    if (key !== undefined) table.current?.scrollToKey(key, { align: 'center', focus: true });
  }

  return (
    <main className="viewer-page">
      <div className="viewer-toolbar">
        <TimeRangePicker value={range} onChange={setRange} />
        <div className="viewer-pattern">
          <FilterPatternInput
            value={patternText}
            onChange={setPatternText}
            onSubmit={(text, parsed) => {
              setPattern(parsed.kind === 'all' ? undefined : parsed);
              if (parsed.kind === 'all') search.clear();
              else search.search({ kind: 'pattern', pattern: text });
            }}
          />
        </div>
        <SearchField label="Find in loaded events" placeholder="Find in loaded events" value={findText} onChange={find} />
        <button type="button" className="button button-quiet" onClick={() => jump('previous')} disabled={!matches?.length}>
          Previous
        </button>
        <button type="button" className="button button-quiet" onClick={() => jump('next')} disabled={!matches?.length}>
          Next
        </button>
        <span className="viewer-count" role="status">
          {searchState.status === 'searching' && 'Searching…'}
          {searchState.status === 'failed' && searchState.message}
          {matches && `${matchNumber(matches, activeKey)} of ${matches.length} matches`}
        </span>
        <label className="checkbox">
          <input type="checkbox" checked={onlyMatches} onChange={(event) => changeSettings({ onlyMatches: event.target.checked })} />
          Only matches
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={wrap} onChange={(event) => setWrap(event.target.checked)} />
          Wrap
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={following} onChange={(event) => changeSettings({ following: event.target.checked })} />
          Follow newest
        </label>
        <button type="button" className="button button-quiet" aria-keyshortcuts="?" onClick={() => setHelpOpen(true)}>
          Shortcuts
        </button>
      </div>
      <div className="viewer-split" data-detail={open !== undefined || undefined}>
        <EventTable
          view={view}
          columns={columns}
          label="Events"
          wrap={wrap}
          highlightsFor={highlightsFor}
          followEnd={following}
          onFollowEndChange={(follow) => changeSettings({ following: follow })}
          onOpen={(key, event) => setOpen({ key, event })}
          onActiveChange={(key, event) => {
            setActiveKey(key);
            setOpen((current) => (current ? { key, event } : current));
          }}
          onRemoveColumn={(column) => setColumns((current) => withoutColumn(current, column))}
          handleRef={table}
        />
        {open && (
          <DetailPane
            key={open.key}
            event={open.event}
            highlights={highlightsFor?.(open.event)}
            onClose={() => setOpen(undefined)}
            returnFocus={() => table.current?.focusActiveRow()}
            onAddColumn={(path) => setColumns((current) => withFieldColumn(current, path))}
            hasColumn={(path) => hasFieldColumn(columns, path)}
          />
        )}
      </div>
      {helpOpen && <KeyboardHelp shortcuts={viewerShortcuts('Ctrl')} onClose={() => setHelpOpen(false)} />}
    </main>
  );
}

const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <TimeZoneProvider>
        <Viewer />
      </TimeZoneProvider>
    </StrictMode>,
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
    changeSettings({ following: edge === 'end' });
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
    changeSettings({ onlyMatches: only });
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
