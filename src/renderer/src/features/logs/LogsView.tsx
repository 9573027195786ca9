/**
 * The Logs view: log groups → a group's streams → a stream's events, or a group's (or several
 * groups') events searched, tailed or downloaded. The list of groups stays mounted underneath, so going
 * back returns to the same search, sort and row. A search in the location hash opens at once, and so
 * does a stream at one of its events (a link from another view; Back returns there).
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { LogGroup, LogStream } from '../../../../shared/contract';
import { useBackHandler } from '../../app/backNavigation';
import { linkOriginOf, streamEventOf, type StreamEventLink } from '../../app/links/logs';
import { parametersOf, useViewParameters } from '../../app/viewParameters';
import type { DataGridHandle } from '../../components/DataGrid';
import { EmptyState } from '../../components/States';
import { Breadcrumbs, type Crumb } from './Breadcrumbs';
import { LogEventsPanel } from './events/LogEventsPanel';
import type { StreamStart } from './events/streamReader';
import { GroupHeader } from './GroupHeader';
import { useForgetGroup } from './groups/groupMutations';
import { rememberOpened } from '../../components/group-preferences/groupPreferences';
import { useGroupPreferences } from './groups/useGroupPreferences';
import { LogGroupsPanel } from './groups/LogGroupsPanel';
import { MetricFiltersPanel } from './metric-filters/MetricFiltersPanel';
import { LogStreamsPanel } from './streams/LogStreamsPanel';
import { DownloadsBar } from './download/DownloadsBar';
import { DownloadsProvider } from './download/DownloadsContext';
import { SearchPage } from './search/SearchPage';
import { fromParameters, searchOf, type SearchState } from './search/searchState';
import './logs.css';

/** A search of any groups, opened from the group list or a link. */
interface SearchPageState {
  readonly initial: SearchState;
  readonly runAtOnce: boolean;
  /** The link it was opened from: a new link opens a new search page. */
  readonly link?: string;
}

/** A stream opened at one of its events by a link. */
interface LinkedStreamState {
  readonly event: StreamEventLink;
  /** Which following of a link this is: each one (even of the same link) opens the stream anew. */
  readonly followed: number;
  /** The hash of the view the link was followed from, which Back returns to. */
  readonly origin?: string;
}

type GroupTab = 'streams' | 'search' | 'filters';

/** The stream viewer's start at a linked event: from its time, the event marked when found. */
function startAt({ timestamp, messagePrefix }: StreamEventLink): StreamStart {
  return { kind: 'time', time: timestamp, event: { timestamp, ...(messagePrefix === undefined ? {} : { messagePrefix }) } };
}

interface LogsViewProps {
  readonly active: boolean;
  readonly onSwitchRegion: () => void;
}

export function LogsView({ active, onSwitchRegion }: LogsViewProps) {
  const [group, setGroup] = useState<LogGroup | null>(null);
  const [stream, setStream] = useState<LogStream | null>(null);
  const [tab, setTab] = useState<GroupTab>('streams');
  // A stream at an event in the hash; else a search in it.
  const [linkedStream, setLinkedStream] = useState<LinkedStreamState | null>(() => {
    const event = streamEventOf(parametersOf(window.location.hash, '/logs'));
    return event ? { event, followed: 0 } : null;
  });
  const [search, setSearch] = useState<SearchPageState | null>(() => {
    const parameters = parametersOf(window.location.hash, '/logs');
    const linked = streamEventOf(parameters) ? undefined : fromParameters(parameters, Date.now());
    return linked ? { initial: linked, runAtOnce: true } : null;
  });
  const linksFollowed = useRef(0);
  // A link from another view (an Insights result's event, a search) opens in place of what is open.
  useEffect(() => {
    const followLink = (change: HashChangeEvent) => {
      const parameters = parametersOf(window.location.hash, '/logs');
      const event = streamEventOf(parameters);
      const linked = event ? undefined : fromParameters(parameters, Date.now());
      if (!event && !linked) return;
      setStream(null);
      setGroup(null);
      const origin = linkOriginOf(change.oldURL);
      setLinkedStream(event ? { event, followed: ++linksFollowed.current, ...(origin === undefined ? {} : { origin }) } : null);
      setSearch(linked ? { initial: linked, runAtOnce: true, link: window.location.hash } : null);
    };
    window.addEventListener('hashchange', followLink);
    return () => window.removeEventListener('hashchange', followLink);
  }, []);
  const [, updatePreferences] = useGroupPreferences();
  const [, setParameters] = useViewParameters('/logs');
  const groupsGrid = useRef<DataGridHandle>(null);
  const streamsGrid = useRef<DataGridHandle>(null);
  // Going back puts the keyboard where it was on that level, which must be on screen first.
  const closeGroup = useCallback(() => {
    flushSync(() => {
      setStream(null);
      setGroup(null);
      setSearch(null);
      setLinkedStream(null);
    });
    // The hash holds the search on screen, and there is none now.
    setParameters(new URLSearchParams());
    groupsGrid.current?.focusActiveRow();
  }, [setParameters]);
  const closeStream = useCallback(() => {
    flushSync(() => setStream(null));
    streamsGrid.current?.focusActiveRow();
  }, []);

  const forgetGroup = useForgetGroup();
  const groupGone = useCallback(() => {
    if (group) forgetGroup(group.name);
    closeGroup();
  }, [group, forgetGroup, closeGroup]);

  const origin = linkedStream?.origin;
  const returnToOrigin = useCallback(() => {
    if (origin === undefined) return;
    closeGroup();
    window.location.hash = origin;
  }, [origin, closeGroup]);

  const pageOpen = group !== null || search !== null || linkedStream !== null;
  useBackHandler(active ? (stream && tab === 'streams' ? closeStream : origin !== undefined ? returnToOrigin : pageOpen ? closeGroup : undefined) : undefined);

  const crumbs: readonly Crumb[] = [
    { label: 'Log groups', onSelect: pageOpen ? closeGroup : undefined },
    ...(search ? [{ label: 'Search events' }] : []),
    ...(linkedStream
      ? [
          { label: linkedStream.event.logGroupName, mono: true },
          { label: linkedStream.event.logStreamName, mono: true },
        ]
      : []),
    ...(group ? [{ label: group.name, onSelect: stream && tab === 'streams' ? closeStream : undefined, mono: true }] : []),
    ...(group && stream && tab === 'streams' ? [{ label: stream.name, mono: true }] : []),
  ];

  return (
    <DownloadsProvider>
      <div className="logs-view">
        <h1 className="visually-hidden">Logs</h1>
        <Breadcrumbs crumbs={crumbs} />
        <LogGroupsPanel
          hidden={pageOpen}
          onOpen={(opened) => {
            setStream(null);
            setTab('streams');
            setGroup(opened);
            updatePreferences((preferences) => rememberOpened(preferences, opened.name));
          }}
          onSearch={() => setSearch({ initial: searchOf([]), runAtOnce: false })}
          onSwitchRegion={onSwitchRegion}
          gridRef={groupsGrid}
        />
        {search && (
          <div className="group-page">
            <SearchPage key={search.link} initial={search.initial} runAtOnce={search.runAtOnce} />
          </div>
        )}
        {linkedStream && (
          <div className="group-page">
            <LogEventsPanel
              key={linkedStream.followed}
              logGroupName={linkedStream.event.logGroupName}
              logStreamName={linkedStream.event.logStreamName}
              start={startAt(linkedStream.event)}
              focusOnLoad
              onGroupGone={closeGroup}
              onStreamGone={closeGroup}
            />
          </div>
        )}
        {group && (
          <div className="group-page" key={group.name}>
            <GroupHeader group={group} onChanged={setGroup} onDeleted={closeGroup} onShowMetricFilters={() => setTab('filters')} />
            <div className="segmented group-tabs" role="group" aria-label="Show">
              <button type="button" aria-pressed={tab === 'streams'} onClick={() => setTab('streams')}>
                Streams
              </button>
              <button type="button" aria-pressed={tab === 'search'} onClick={() => setTab('search')}>
                Search and tail
              </button>
              <button type="button" aria-pressed={tab === 'filters'} onClick={() => setTab('filters')}>
                Metric filters
              </button>
            </div>
            {tab === 'filters' && (
              <div className="group-tab">
                <MetricFiltersPanel group={group} onGroupChanged={setGroup} />
              </div>
            )}
            <div className="group-tab" hidden={tab !== 'search'}>
              <SearchPage initial={searchOf([group.name])} runAtOnce={false} />
            </div>
            <div className="group-split" hidden={tab !== 'streams'}>
              <LogStreamsPanel
                logGroupName={group.name}
                selectedStream={stream?.name ?? null}
                onOpen={setStream}
                focusOnLoad
                gridRef={streamsGrid}
                onGroupGone={groupGone}
              />
              <div className="events-pane">
                {stream ? (
                  <LogEventsPanel
                    key={stream.name}
                    logGroupName={group.name}
                    logStreamName={stream.name}
                    focusOnLoad
                    onGroupGone={groupGone}
                    onStreamGone={closeStream}
                  />
                ) : (
                  <EmptyState title="Pick a stream to read its events">
                    Streams are listed by their latest event. Use the arrow keys and Enter, or click one.
                  </EmptyState>
                )}
              </div>
            </div>
          </div>
        )}
        <DownloadsBar />
      </div>
    </DownloadsProvider>
  );
}
