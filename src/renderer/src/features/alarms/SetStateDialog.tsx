/**
 * Sets an alarm's state for testing (SetAlarmState): the state, a reason, and a plain warning that its
 * actions run as for a real change and that the next evaluation may change the state back.
 */
import { useId, useState } from 'react';
import type { Alarm, AlarmState } from '../../../../shared/contract';
import { plural } from '../../../../shared/format';
import { Dialog, DialogBody, DialogFooter } from '../../components/Dialog';
import { ErrorNotice } from '../../components/ErrorNotice';
import { Field } from '../../components/Field';
import { WarningIcon } from '../../components/icons';
import { alarmActions } from './alarmActions';
import { STATE_LABELS } from './alarmText';
import { STATE_ORDER } from './alarmList';
import { useSetAlarmState } from './useAlarm';

const REASON_MAX = 1023;

export function SetStateDialog({ alarm, onClose }: { readonly alarm: Alarm; readonly onClose: () => void }) {
  const [state, setState] = useState<AlarmState>(alarm.state === 'ALARM' ? 'OK' : 'ALARM');
  const [reason, setReason] = useState('Testing the alarm’s actions from Cloudscope');
  const setAlarmState = useSetAlarmState();
  const warningId = useId();
  const actions = alarmActions(alarm).filter((action) => action.on === state);
  const reasonProblem = reason.trim() === '' ? 'Say why: the reason is kept in the alarm’s history.' : reason.length > REASON_MAX ? `At most ${REASON_MAX} characters (${reason.length} now).` : undefined;

  async function submit() {
    if (reasonProblem || setAlarmState.isPending) return;
    try {
      await setAlarmState.mutateAsync({ name: alarm.name, state, reason: reason.trim() });
    } catch {
      return; // Shown in the dialog.
    }
    onClose();
  }

  return (
    <Dialog title="Set the alarm’s state" subtitle={<span className="mono">{alarm.name}</span>} size="small" onClose={onClose} describedBy={warningId}>
      <DialogBody>
        <div className="segmented" role="radiogroup" aria-label="New state">
          {STATE_ORDER.map((choice) => (
            <button key={choice} type="button" role="radio" aria-checked={state === choice} aria-pressed={state === choice} onClick={() => setState(choice)}>
              {STATE_LABELS[choice]}
            </button>
          ))}
        </div>
        <Field label="Reason" hint="Kept in the alarm’s history as the StateReason." error={reasonProblem}>
          {(aria) => <textarea {...aria} className="input" rows={3} maxLength={REASON_MAX + 100} value={reason} onChange={(event) => setReason(event.target.value)} data-autofocus />}
        </Field>
        <div id={warningId} className="notice notice-warning" role="note">
          <WarningIcon />
          <div className="notice-body">
            <p className="notice-title">Actions fire as for a real change</p>
            <p>
              {actions.length === 0
                ? `The alarm has no ${STATE_LABELS[state]} actions, so nothing is notified.`
                : alarm.actionsEnabled
                  ? `Going to ${STATE_LABELS[state]} runs ${plural(actions.length, 'action')}: ${actions.map((action) => action.arn).join(', ')}.`
                  : `The alarm’s actions are muted, so its ${plural(actions.length, 'action')} will not run.`}{' '}
              The next evaluation may change the state back.
            </p>
          </div>
        </div>
        {setAlarmState.error !== null && <ErrorNotice error={setAlarmState.error} context="Could not set the state" />}
      </DialogBody>
      <DialogFooter>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" onClick={() => void submit()} aria-disabled={Boolean(reasonProblem) || setAlarmState.isPending || undefined}>
          {setAlarmState.isPending && <span className="spinner spinner-small" aria-hidden="true" />}
          Set to {STATE_LABELS[state]}
        </button>
      </DialogFooter>
    </Dialog>
  );
}
