/**
 * One alarm: its state and why (the reason and the datapoints that decided it), its condition in words,
 * the metric graphed with the threshold and the alarm's states (a composite alarm's states alone, with the
 * alarms of its rule and its actions suppressor), "why did it fire", its actions and how
 * they were delivered, its history; and what can be done with it — edit, mute or unmute its actions,
 * set its state for testing, delete it, see who changed it.
 */
import { useEffect, useMemo, useRef, useState } from 'react';
import type { Alarm, AlarmHistoryItem, CompositeAlarm } from '../../../../shared/contract';
import { alarmNameOfReference } from '../../../../shared/alarms/composite-rule';
import { formatAge, formatTimestamp, plural } from '../../../../shared/format';
import { editAlarmHash } from '../../app/links/alarms';
import { whoChangedHash } from '../../app/links/trail';
import { JsonOrRaw } from '../../components/detail-pane/JsonOrRaw';
import { parseJsonMessage } from '../../components/event-table/jsonPath';
import { BackIcon, RefreshIcon } from '../../components/icons';
import { ErrorState } from '../../components/States';
import { useTimeZone } from '../../components/TimeZone';
import { TimeZoneToggle } from '../../components/TimeZoneToggle';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ActionsSection } from './ActionsSection';
import { AlarmNotLoaded } from './AlarmNotLoaded';
import { AlarmChart } from './AlarmChart';
import { changedAt } from './alarmList';
import { conditionDetails } from './alarmText';
import { compositeChildren } from './compositeChildren';
import { DeleteAlarmDialog } from './DeleteAlarmDialog';
import { HistoryTimeline } from './HistoryTimeline';
import { SetStateDialog } from './SetStateDialog';
import { StateBadge } from './StateBadge';
import { createdAt, stateChanges } from './stateHistory';
import { useAlarm, useAlarmHistory, useSetActionsEnabled } from './useAlarm';
import { useAlarmList } from './useAlarmList';
import { WhyDidItFire } from './WhyDidItFire';

interface AlarmDetailProps {
  readonly name: string;
  readonly now: number;
  readonly onBack: () => void;
  readonly onOpen: (name: string) => void;
  /** Reads the alarm, its history and its metric again, up to now. */
  readonly onRefresh: () => void;
}

const NO_HISTORY: readonly AlarmHistoryItem[] = [];

export function AlarmDetail({ name, now, onBack, onOpen, onRefresh }: AlarmDetailProps) {
  const alarm = useAlarm(name);
  const backRef = useRef<HTMLButtonElement>(null);
  // Opened from the list (now hidden, focus and all): the keyboard starts here.
  useEffect(() => {
    if (document.activeElement === document.body || document.activeElement?.closest('[hidden]')) backRef.current?.focus();
  }, [name]);
  const history = useAlarmHistory(name);
  const items = history.data?.items ?? NO_HISTORY;
  const changes = useMemo(() => stateChanges(items), [items]);

  return (
    <div className="alarm-detail">
      <div className="alarm-detail-head">
        <button ref={backRef} type="button" className="button button-quiet" onClick={onBack} aria-label="Back to the list of alarms" title="Back to the list (Alt+Left)">
          <BackIcon />
          Alarms
        </button>
        <h2 className="alarm-detail-name mono">{name}</h2>
        {alarm.data && <StateBadge state={alarm.data.alarm.state} />}
        <span className="toolbar-spacer" />
        <TimeZoneToggle />
        <button type="button" className="button button-quiet" onClick={onRefresh} disabled={alarm.isFetching || history.isFetching}>
          <RefreshIcon />
          Refresh
        </button>
      </div>
      {alarm.data === undefined ? (
        <AlarmNotLoaded
          name={name}
          query={alarm}
          gone={`There is no alarm named ${name} in this region: it was deleted, or the link is for another region.`}
          backLabel="Back to the list"
          errorContext="Could not load the alarm"
          onBack={onBack}
        />
      ) : (
        <AlarmBody alarm={alarm.data.alarm} items={items} changes={changes} historyError={history.isError ? history.error : undefined} now={now} onBack={onBack} onOpen={onOpen} />
      )}
    </div>
  );
}

interface AlarmBodyProps {
  readonly alarm: Alarm;
  readonly items: readonly AlarmHistoryItem[];
  readonly changes: ReturnType<typeof stateChanges>;
  readonly historyError: unknown;
  readonly now: number;
  readonly onBack: () => void;
  readonly onOpen: (name: string) => void;
}

function AlarmBody({ alarm, items, changes, historyError, now, onBack, onOpen }: AlarmBodyProps) {
  const { zone } = useTimeZone();
  const [dialog, setDialog] = useState<'state' | 'delete' | undefined>(undefined);
  const mute = useSetActionsEnabled();
  const reasonData = useMemo(() => parseJsonMessage(alarm.stateReasonData ?? ''), [alarm.stateReasonData]);
  const changed = changedAt(alarm);
  const created = useMemo(() => createdAt(items), [items]);

  return (
    <div className="alarm-detail-body">
      <div className="alarm-detail-actions">
        {alarm.kind === 'metric' && (
          <a className="button" href={editAlarmHash(alarm.name)}>
            Edit
          </a>
        )}
        <button type="button" className="button button-quiet" disabled={mute.isPending} onClick={() => mute.mutate({ alarm, enabled: !alarm.actionsEnabled })}>
          {alarm.actionsEnabled ? 'Mute actions' : 'Unmute actions'}
        </button>
        <button type="button" className="button button-quiet" onClick={() => setDialog('state')}>
          Set state…
        </button>
        <button type="button" className="button button-quiet alarm-delete" onClick={() => setDialog('delete')}>
          Delete…
        </button>
        <a className="link-button" href={whoChangedHash({ name: alarm.name, type: 'AWS::CloudWatch::Alarm' })} title="The changes made to this alarm in the last 90 days, in CloudTrail">
          Who changed this
        </a>
      </div>
      {mute.error !== null && <ErrorNotice error={mute.error} context={alarm.actionsEnabled ? 'Could not mute the actions' : 'Could not unmute the actions'} />}
      {alarm.description && <p className="alarm-description">{alarm.description}</p>}
      <section className="alarm-section" aria-label="State">
        <dl className="alarm-facts">
          <dt>Condition</dt>
          <dd>{alarm.kind === 'metric' ? conditionDetails(alarm) : <code className="mono">{alarm.alarmRule}</code>}</dd>
          <dt>Last change</dt>
          <dd>
            {formatTimestamp(changed, zone, 'second')}
            {zone === 'utc' ? ' UTC' : ''} ({formatAge(changed, now)})
          </dd>
          <dt>Actions</dt>
          <dd>{alarm.actionsEnabled ? 'Enabled' : 'Muted: state changes run no actions'}</dd>
          {alarm.kind === 'composite' && <SuppressionFacts alarm={alarm} onOpen={onOpen} />}
          <dt>Reason</dt>
          <dd className="alarm-reason">{alarm.stateReason}</dd>
        </dl>
        {alarm.stateReasonData && (
          <details className="alarm-reason-data">
            <summary>The data that decided it</summary>
            <JsonOrRaw text={alarm.stateReasonData} json={reasonData} treeLabel="State reason data" switchLabel="Show the reason data as" />
          </details>
        )}
      </section>
      {historyError !== undefined && <ErrorState inline error={historyError} context="Could not load the alarm’s history" />}
      <AlarmChart alarm={alarm} changes={changes} created={created} now={now} />
      {alarm.kind === 'metric' ? <WhyDidItFire alarm={alarm} changes={changes} now={now} /> : <CompositeChildren alarm={alarm} onOpen={onOpen} />}
      <ActionsSection alarm={alarm} history={items} now={now} />
      <HistoryTimeline items={items} now={now} />
      {dialog === 'state' && <SetStateDialog alarm={alarm} onClose={() => setDialog(undefined)} />}
      {dialog === 'delete' && <DeleteAlarmDialog alarm={alarm} onClose={() => setDialog(undefined)} onDeleted={onBack} />}
    </div>
  );
}

/**
 * A composite alarm's actions suppressor and, while it holds them, why. AWS: the composite waits up to
 * WaitPeriod seconds for the suppressor to go into ALARM, and after the suppressor leaves ALARM holds its
 * actions ExtensionPeriod seconds more (PutCompositeAlarm).
 */
function SuppressionFacts({ alarm, onOpen }: { readonly alarm: CompositeAlarm; readonly onOpen: (name: string) => void }) {
  if (alarm.actionsSuppressor === undefined) return null;
  const suppressor = alarmNameOfReference(alarm.actionsSuppressor);
  return (
    <>
      <dt>Suppressed by</dt>
      <dd>
        <button type="button" className="link-button mono" onClick={() => onOpen(suppressor)}>
          {suppressor}
        </button>{' '}
        while it is in ALARM
        {alarm.actionsSuppressorWaitPeriod !== undefined && `; waits up to ${plural(alarm.actionsSuppressorWaitPeriod, 'second')} for it to go into ALARM`}
        {alarm.actionsSuppressorExtensionPeriod !== undefined && `; holds the actions ${plural(alarm.actionsSuppressorExtensionPeriod, 'second')} after it leaves ALARM`}
      </dd>
      {alarm.actionsSuppressedBy !== undefined && (
        <>
          <dt>Actions now</dt>
          <dd>
            Suppressed ({SUPPRESSED_BY[alarm.actionsSuppressedBy] ?? alarm.actionsSuppressedBy})
            {alarm.actionsSuppressedReason ? `: ${alarm.actionsSuppressedReason}` : ''}
          </dd>
        </>
      )}
    </>
  );
}

const SUPPRESSED_BY: Readonly<Record<string, string>> = {
  Alarm: 'the suppressor is in ALARM',
  WaitPeriod: 'waiting for the suppressor to go into ALARM',
  ExtensionPeriod: 'the suppressor has just left ALARM',
};

/** A composite alarm's children with their states, from the loaded list. */
function CompositeChildren({ alarm, onOpen }: { readonly alarm: CompositeAlarm; readonly onOpen: (name: string) => void }) {
  const { query } = useAlarmList('');
  const byName = useMemo(() => new Map((query.data?.alarms ?? []).map((listed) => [listed.name, listed])), [query.data]);
  const children = compositeChildren(alarm);
  return (
    <section className="alarm-section" aria-label="Alarms in the rule">
      <div className="alarm-section-head">
        <h2 className="alarm-section-title">Alarms in the rule</h2>
      </div>
      {children.length === 0 ? (
        <p className="muted">The rule names no alarm.</p>
      ) : (
        <ul className="alarm-children">
          {children.map((child) => {
            const listed = byName.get(child);
            return (
              <li key={child}>
                <StateBadge state={listed?.state} />{' '}
                <button type="button" className="link-button mono" onClick={() => onOpen(child)}>
                  {child}
                </button>
              </li>
            );
          })}
        </ul>
      )}
    </section>
  );
}
