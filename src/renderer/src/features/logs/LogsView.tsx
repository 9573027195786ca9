/**
 * The Logs view: log groups → a group's streams → a stream's events. The list of groups stays mounted
 * underneath, so going back returns to the same search, sort and row.
 */
import { useCallback, useRef, useState } from 'react';
import { flushSync } from 'react-dom';
import type { LogGroup, LogStream } from '../../../../shared/contract';
import { useBackHandler } from '../../app/backNavigation';
import type { DataGridHandle } from '../../components/DataGrid';
import { EmptyState } from '../../components/States';
import { Breadcrumbs, type Crumb } from './Breadcrumbs';
import { LogEventsPanel } from './events/LogEventsPanel';
import { GroupHeader } from './GroupHeader';
import { rememberOpened } from './groups/groupPreferences';
import { useGroupPreferences } from './groups/useGroupPreferences';
import { LogGroupsPanel } from './groups/LogGroupsPanel';
import { LogStreamsPanel } from './streams/LogStreamsPanel';
import './logs.css';

interface LogsViewProps {
  readonly active: boolean;
  readonly onSwitchRegion: () => void;
}

export function LogsView({ active, onSwitchRegion }: LogsViewProps) {
  const [group, setGroup] = useState<LogGroup | null>(null);
  const [stream, setStream] = useState<LogStream | null>(null);
  const [, updatePreferences] = useGroupPreferences();
  const groupsGrid = useRef<DataGridHandle>(null);
  const streamsGrid = useRef<DataGridHandle>(null);
  // Going back puts the keyboard where it was on that level, which must be on screen first.
  const closeGroup = useCallback(() => {
    flushSync(() => {
      setStream(null);
      setGroup(null);
    });
    groupsGrid.current?.focusActiveRow();
  }, []);
  const closeStream = useCallback(() => {
    flushSync(() => setStream(null));
    streamsGrid.current?.focusActiveRow();
  }, []);

  useBackHandler(active ? (stream ? closeStream : group ? closeGroup : undefined) : undefined);

  const crumbs: readonly Crumb[] = [
    { label: 'Log groups', onSelect: group ? closeGroup : undefined },
    ...(group ? [{ label: group.name, onSelect: stream ? closeStream : undefined, mono: true }] : []),
    ...(stream ? [{ label: stream.name, mono: true }] : []),
  ];

  return (
    <div className="logs-view">
      <h1 className="visually-hidden">Logs</h1>
      <Breadcrumbs crumbs={crumbs} />
      <LogGroupsPanel
        hidden={group !== null}
        onOpen={(opened) => {
          setStream(null);
          setGroup(opened);
          updatePreferences((preferences) => rememberOpened(preferences, opened.name));
        }}
        onSwitchRegion={onSwitchRegion}
        gridRef={groupsGrid}
      />
      {group && (
        <div className="group-page" key={group.name}>
          <GroupHeader group={group} onChanged={setGroup} onDeleted={closeGroup} />
          <div className="group-split">
            <LogStreamsPanel
              logGroupName={group.name}
              selectedStream={stream?.name ?? null}
              onOpen={setStream}
              focusOnLoad
              gridRef={streamsGrid}
            />
            <div className="events-pane">
              {stream ? (
                <LogEventsPanel key={stream.name} logGroupName={group.name} logStreamName={stream.name} focusOnLoad />
              ) : (
                <EmptyState title="Pick a stream to read its events">
                  Streams are listed by their latest event. Use the arrow keys and Enter, or click one.
                </EmptyState>
              )}
            </div>
          </div>
        </div>
      )}
    </div>
  );
}
