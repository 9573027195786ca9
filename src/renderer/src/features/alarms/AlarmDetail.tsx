/**
 * One alarm: its state and why (the reason and the datapoints that decided it), its condition in words,
 * the metric graphed with the threshold and the alarm's states, "why did it fire", its actions and how
 * they were delivered, its history; and what can be done with it — edit, mute or unmute its actions,
 * set its state for testing, delete it, see who changed it.
 */
import { useMemo, useState } from 'react';
import type { Alarm, AlarmHistoryItem, CompositeAlarm } from '../../../../shared/contract';
import { formatAge, formatTimestamp } from '../../../../shared/format';
import { editAlarmHash } from '../../app/links/alarms';
import { whoChangedHash } from '../../app/links/trail';
import { JsonOrRaw } from '../../components/detail-pane/JsonOrRaw';
import { parseJsonMessage } from '../../components/event-table/jsonPath';
import { BackIcon } from '../../components/icons';
import { EmptyState, ErrorState, LoadingState } from '../../components/States';
import { useTimeZone } from '../../components/TimeZone';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ActionsSection } from './ActionsSection';
import { AlarmChart } from './AlarmChart';
import { changedAt } from './alarmList';
import { conditionDetails } from './alarmText';
import { compositeChildren } from './compositeChildren';
import { DeleteAlarmDialog } from './DeleteAlarmDialog';
import { HistoryTimeline } from './HistoryTimeline';
import { SetStateDialog } from './SetStateDialog';
import { StateBadge } from './StateBadge';
import { stateChanges } from './stateHistory';
import { isNotFound, useAlarm, useAlarmHistory, useSetActionsEnabled } from './useAlarm';
import { useAlarmList } from './useAlarmList';
import { WhyDidItFire } from './WhyDidItFire';

interface AlarmDetailProps {
  readonly name: string;
  readonly now: number;
  readonly onBack: () => void;
  readonly onOpen: (name: string) => void;
}

const NO_HISTORY: readonly AlarmHistoryItem[] = [];

export function AlarmDetail({ name, now, onBack, onOpen }: AlarmDetailProps) {
  const alarm = useAlarm(name);
  const history = useAlarmHistory(name, now);
  const items = history.data?.items ?? NO_HISTORY;
  const changes = useMemo(() => stateChanges(items), [items]);

  return (
    <div className="alarm-detail">
      <div className="alarm-detail-head">
        <button type="button" className="button button-quiet" onClick={onBack} title="Back to the list (Alt+Left)">
          <BackIcon />
          Alarms
        </button>
        <h2 className="alarm-detail-name mono">{name}</h2>
        {alarm.data && <StateBadge state={alarm.data.alarm.state} />}
      </div>
      {alarm.data === undefined ? (
        alarm.isError ? (
          isNotFound(alarm.error) ? (
            <EmptyState
              title="This alarm no longer exists"
              actions={
                <button type="button" className="button" onClick={onBack}>
                  Back to the list
                </button>
              }
            >
              {`There is no alarm named ${name} in this region: it was deleted, or the link is for another region.`}
            </EmptyState>
          ) : (
            <ErrorState error={alarm.error} context="Could not load the alarm" onRetry={() => void alarm.refetch()} />
          )
        ) : (
          <LoadingState label={`Loading ${name}…`} />
        )
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
        <a className="button button-quiet" href={whoChangedHash({ name: alarm.name, type: 'AWS::CloudWatch::Alarm' })}>
          Who changed this
        </a>
        <button type="button" className="button button-danger-quiet" onClick={() => setDialog('delete')}>
          Delete…
        </button>
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
          <dd>{alarm.actionsEnabled ? 'Enabled' : 'Muted: state changes notify no one'}</dd>
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
      {alarm.kind === 'metric' ? (
        <>
          <AlarmChart alarm={alarm} changes={changes} now={now} />
          <WhyDidItFire alarm={alarm} changes={changes} now={now} />
        </>
      ) : (
        <CompositeChildren alarm={alarm} onOpen={onOpen} />
      )}
      <ActionsSection alarm={alarm} history={items} now={now} />
      <HistoryTimeline items={items} now={now} />
      {dialog === 'state' && <SetStateDialog alarm={alarm} onClose={() => setDialog(undefined)} />}
      {dialog === 'delete' && <DeleteAlarmDialog alarm={alarm} onClose={() => setDialog(undefined)} onDeleted={onBack} />}
    </div>
  );
}

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
