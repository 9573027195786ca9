/**
 * The Alarms view: every alarm by state (ALARM first) with a sparkline of its metric, and one alarm's
 * detail; its editor, or a new alarm's, opens over them. What is on screen lives in the location hash
 * (app/links/alarms.ts), so a reload, a shared link or another view's "Create alarm" opens it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useRef, useState } from 'react';
import type { MetricAlarm } from '../../../../shared/contract';
import { useBackHandler } from '../../app/backNavigation';
import { ALARMS_PARAMETERS, ALARMS_ROUTE, newAlarmHash } from '../../app/links/alarms';
import { useScope } from '../../app/scope';
import { useViewParameters } from '../../app/viewParameters';
import type { DataGridHandle } from '../../components/DataGrid';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { AlarmDetail } from './AlarmDetail';
import { AlarmListPanel } from './AlarmListPanel';
import { alarmsKeys } from './alarmsKeys';
import { BLANK_ALARM, pageOf } from './alarmsRoute';
import { AlarmEditor } from './editor/AlarmEditor';
import { isNotFound, useAlarm } from './useAlarm';
import './alarms.css';

export function AlarmsView({ active }: { readonly active: boolean }) {
  const [query, setQuery] = useViewParameters(ALARMS_ROUTE);
  const page = pageOf(new URLSearchParams(query));
  const [now, setNow] = useState(() => Date.now());
  const gridRef = useRef<DataGridHandle>(null);
  const queryClient = useQueryClient();
  const { key } = useScope();

  const open = useCallback(
    (name: string) => {
      setNow(Date.now());
      setQuery(new URLSearchParams({ [ALARMS_PARAMETERS.alarm]: name }));
    },
    [setQuery],
  );
  const backToList = useCallback(() => {
    setQuery(new URLSearchParams());
    requestAnimationFrame(() => gridRef.current?.focusActiveRow());
  }, [setQuery]);
  const saved = useCallback(
    (alarm: MetricAlarm) => {
      void queryClient.invalidateQueries({ queryKey: alarmsKeys.all(key) });
      open(alarm.name);
    },
    [queryClient, key, open],
  );

  const back = page.kind === 'list' ? undefined : page.kind === 'edit' ? () => open(page.name) : backToList;
  useBackHandler(active ? back : undefined);

  return (
    <div className="alarms-view">
      <h1 className="view-title">Alarms</h1>
      <AlarmListPanel
        hidden={page.kind !== 'list'}
        now={now}
        onRefresh={() => setNow(Date.now())}
        onOpen={open}
        onCreate={() => (window.location.hash = newAlarmHash(BLANK_ALARM))}
        gridRef={gridRef}
      />
      {page.kind === 'alarm' && <AlarmDetail key={page.name} name={page.name} now={now} onBack={backToList} onOpen={open} />}
      {page.kind === 'edit' && <EditPage name={page.name} onSaved={saved} onCancel={() => open(page.name)} />}
      {page.kind === 'new' && <AlarmEditor key={query} start={{ kind: 'new', link: page.link }} onSaved={saved} onCancel={backToList} />}
      {page.kind === 'badLink' && (
        <EmptyState
          title="This link to a new alarm cannot be read"
          actions={
            <button type="button" className="button" onClick={() => (window.location.hash = newAlarmHash(BLANK_ALARM))}>
              Start a blank alarm
            </button>
          }
        >
          It should name a metric or a graph’s queries; it may have been cut short when it was copied.
        </EmptyState>
      )}
    </div>
  );
}

/** The editor on the alarm as CloudWatch describes it now (a composite alarm has no metric to edit). */
function EditPage({ name, onSaved, onCancel }: { readonly name: string; readonly onSaved: (alarm: MetricAlarm) => void; readonly onCancel: () => void }) {
  const alarm = useAlarm(name);
  if (alarm.data === undefined) {
    if (!alarm.isError) return <LoadingState label={`Loading ${name}…`} />;
    return isNotFound(alarm.error) ? (
      <EmptyState
        title="This alarm no longer exists"
        actions={
          <button type="button" className="button" onClick={onCancel}>
            Back
          </button>
        }
      >
        {`There is no alarm named ${name} in this region to edit.`}
      </EmptyState>
    ) : (
      <ErrorState error={alarm.error} context="Could not load the alarm to edit" onRetry={() => void alarm.refetch()} />
    );
  }
  const loaded = alarm.data.alarm;
  if (loaded.kind !== 'metric') {
    return (
      <EmptyState
        title="Composite alarms are not edited here"
        actions={
          <button type="button" className="button" onClick={onCancel}>
            Back to the alarm
          </button>
        }
      >
        The editor tunes metric alarms on their chart; a composite alarm’s rule is changed with PutCompositeAlarm.
      </EmptyState>
    );
  }
  return <AlarmEditor key={loaded.configurationUpdatedAt} start={{ kind: 'edit', alarm: loaded }} onSaved={onSaved} onCancel={onCancel} />;
}
