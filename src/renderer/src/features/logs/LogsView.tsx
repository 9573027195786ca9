/**
 * The Logs view: log groups → a group's streams → a stream's events, or a group's (or several
 * groups') events searched, tailed or downloaded. The list of groups stays mounted underneath, so going
 * back returns to the same search, sort and row. A search in the location hash opens at once.
 */
import { useCallback, useEffect, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { LogGroup, LogStream } from '../../../../shared/contract';
import { useBackHandler } from '../../app/backNavigation';
import { parametersOf, useViewParameters } from '../../app/viewParameters';
import type { DataGridHandle } from '../../components/DataGrid';
import { EmptyState } from '../../components/States';
import { Breadcrumbs, type Crumb } from './Breadcrumbs';
import { LogEventsPanel } from './events/LogEventsPanel';
import { GroupHeader } from './GroupHeader';
import { useForgetGroup } from './groups/groupMutations';
import { rememberOpened } from '../../components/group-preferences/groupPreferences';
import { useGroupPreferences } from './groups/useGroupPreferences';
import { LogGroupsPanel } from './groups/LogGroupsPanel';
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

type GroupTab = 'streams' | 'search';

interface LogsViewProps {
  readonly active: boolean;
  readonly onSwitchRegion: () => void;
}

export function LogsView({ active, onSwitchRegion }: LogsViewProps) {
  const [group, setGroup] = useState<LogGroup | null>(null);
  const [stream, setStream] = useState<LogStream | null>(null);
  const [tab, setTab] = useState<GroupTab>('streams');
  const [search, setSearch] = useState<SearchPageState | null>(() => {
    const linked = fromParameters(parametersOf(window.location.hash, '/logs'), Date.now());
    return linked ? { initial: linked, runAtOnce: true } : null;
  });
  // A link from another view (an Insights result's stream) opens its search, in place of what is open.
  useEffect(() => {
    const followLink = () => {
      const linked = fromParameters(parametersOf(window.location.hash, '/logs'), Date.now());
      if (!linked) return;
      setStream(null);
      setGroup(null);
      setSearch({ initial: linked, runAtOnce: true, link: window.location.hash });
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

  useBackHandler(active ? (stream && tab === 'streams' ? closeStream : group || search ? closeGroup : undefined) : undefined);

  const crumbs: readonly Crumb[] = [
    { label: 'Log groups', onSelect: group || search ? closeGroup : undefined },
    ...(search ? [{ label: 'Search events' }] : []),
    ...(group ? [{ label: group.name, onSelect: stream && tab === 'streams' ? closeStream : undefined, mono: true }] : []),
    ...(group && stream && tab === 'streams' ? [{ label: stream.name, mono: true }] : []),
  ];

  return (
    <DownloadsProvider>
      <div className="logs-view">
        <h1 className="visually-hidden">Logs</h1>
        <Breadcrumbs crumbs={crumbs} />
        <LogGroupsPanel
          hidden={group !== null || search !== null}
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
        {group && (
          <div className="group-page" key={group.name}>
            <GroupHeader group={group} onChanged={setGroup} onDeleted={closeGroup} />
            <div className="segmented group-tabs" role="group" aria-label="Show">
              <button type="button" aria-pressed={tab === 'streams'} onClick={() => setTab('streams')}>
                Streams
              </button>
              <button type="button" aria-pressed={tab === 'search'} onClick={() => setTab('search')}>
                Search and tail
              </button>
            </div>
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
