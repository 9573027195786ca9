/**
 * The Alarms view: every alarm by state (ALARM first) with a sparkline of its metric, and one alarm's
 * detail; its editor, or a new alarm's, opens over them. What is on screen lives in the location hash
 * (app/links/alarms.ts), so a reload, a shared link or another view's "Create alarm" opens it.
 */
import { useQueryClient } from '@tanstack/react-query';
import { useCallback, useEffect, useRef, useState } from 'react';
import type { MetricAlarm } from '../../../../shared/contract';
import { useBackHandler } from '../../app/backNavigation';
import { ALARMS_ROUTE, newAlarmHash } from '../../app/links/alarms';
import { useScope } from '../../app/scope';
import { useViewParameters } from '../../app/viewParameters';
import type { DataGridHandle } from '../../components/DataGrid';
import { EmptyState } from '../../components/States';
import { AlarmDetail } from './AlarmDetail';
import { AlarmListPanel } from './AlarmListPanel';
import { AlarmNotLoaded } from './AlarmNotLoaded';
import { alarmsKeys } from './alarmsKeys';
import { BLANK_ALARM, pageOf, pageParameters, type AlarmsPage } from './alarmsRoute';
import { AlarmEditor } from './editor/AlarmEditor';
import { useAlarm } from './useAlarm';
import { useAlarmChanges } from './useAlarmChanges';
import { addListedAlarm, updateListedAlarm } from './useAlarmList';
import './alarms.css';

export function AlarmsView({ active }: { readonly active: boolean }) {
  const [query, setQuery] = useViewParameters(ALARMS_ROUTE);
  // What is on screen stays while another view is (switching views leaves "#/alarms" bare on the way back):
  // the hash shows it again then, and a link or the address bar changes it.
  const [page, setPage] = useState<AlarmsPage>(() => pageOf(new URLSearchParams(query)));
  const shownQuery = pageParameters(page).toString();
  const [seenQuery, setSeenQuery] = useState(query);
  if (active && query !== seenQuery) {
    setSeenQuery(query);
    if (query !== '' && query !== shownQuery) setPage(pageOf(new URLSearchParams(query)));
  }
  useEffect(() => {
    if (!active || query !== '' || shownQuery === '') return;
    // The frame puts the bare route in the hash in its own effect, which runs after this one: write after it.
    const timer = setTimeout(() => setQuery(new URLSearchParams(shownQuery)), 0);
    return () => clearTimeout(timer);
  }, [active, query, shownQuery, setQuery]);
  const show = useCallback(
    (next: AlarmsPage) => {
      setPage(next);
      setQuery(pageParameters(next));
    },
    [setQuery],
  );
  const [now, setNow] = useState(() => Date.now());
  const gridRef = useRef<DataGridHandle>(null);
  const queryClient = useQueryClient();
  const { key } = useScope();

  const open = useCallback(
    (name: string) => {
      setNow(Date.now());
      show({ kind: 'alarm', name });
    },
    [show],
  );
  const backToList = useCallback(() => {
    show({ kind: 'list' });
    requestAnimationFrame(() => gridRef.current?.focusActiveRow());
  }, [show]);
  const refreshAlarm = useCallback(
    (name: string) => {
      setNow(Date.now());
      void queryClient.invalidateQueries({ queryKey: alarmsKeys.alarm(key, name) });
      void queryClient.invalidateQueries({ queryKey: alarmsKeys.history(key, name) });
    },
    [queryClient, key],
  );
  // The open alarm's detail reads itself again when it changed; an alarm being edited is left alone (saving
  // it over someone else's change asks first).
  const changes = useAlarmChanges(active, (names) => {
    if (page.kind === 'alarm' && names.has(page.name)) refreshAlarm(page.name);
  });
  // A saved alarm replaces its row in place (reloading 10,000 alarms to show one would take seconds), or joins the list.
  const saved = useCallback(
    (alarm: MetricAlarm) => {
      if (!addListedAlarm(queryClient, key, alarm)) updateListedAlarm(queryClient, key, alarm.name, alarm);
      refreshAlarm(alarm.name);
      open(alarm.name);
    },
    [queryClient, key, open, refreshAlarm],
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
        live={changes}
      />
      {page.kind === 'alarm' && <AlarmDetail key={page.name} name={page.name} now={now} onBack={backToList} onOpen={open} onRefresh={() => refreshAlarm(page.name)} />}
      {page.kind === 'edit' && <EditPage name={page.name} onSaved={saved} onCancel={() => open(page.name)} />}
      {page.kind === 'new' && <AlarmEditor key={shownQuery} start={{ kind: 'new', link: page.link }} onSaved={saved} onCancel={backToList} />}
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
  const alarm = useAlarm(name, { forEditing: true });
  if (alarm.data === undefined) {
    return <AlarmNotLoaded name={name} query={alarm} gone={`There is no alarm named ${name} in this region to edit.`} backLabel="Back" errorContext="Could not load the alarm to edit" onBack={onCancel} />;
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
