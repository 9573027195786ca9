/**
 * An alarm's actions for one state: SNS topics of the account, EC2 actions when the metric is an instance's,
 * and any other ARN (Auto Scaling policies, Systems Manager…) kept exactly as written.
 */
import { useId, useState } from 'react';
import { ALARM_MAX_ACTIONS_PER_STATE, type SnsTopic } from '../../../../../shared/contract';
import { WarningIcon } from '../../../components/icons';
import { EC2_ACTIONS, ec2ActionArn } from './alarmDraft';

export type ActionState = 'OK' | 'ALARM' | 'INSUFFICIENT_DATA';

interface ActionsEditorProps {
  readonly state: ActionState;
  readonly actions: readonly string[];
  readonly onChange: (actions: readonly string[]) => void;
  readonly topics: readonly SnsTopic[];
  /** Offer stop/terminate/reboot/recover (the metric has an InstanceId dimension). */
  readonly ec2: boolean;
  readonly region: string;
  readonly problems: readonly string[];
}

/** How an action reads: a topic by its name, an EC2 action by its verb, anything else as written. */
export function describeAction(arn: string, topics: readonly SnsTopic[]): string {
  const topic = topics.find((item) => item.arn === arn);
  if (topic) return `SNS topic ${topic.name}`;
  const ec2 = /^arn:aws[a-z-]*:automate:[^:]+:ec2:(stop|terminate|reboot|recover)$/.exec(arn);
  if (ec2) return `EC2: ${ec2[1]} the instance`;
  if (arn.startsWith('arn:aws:sns:')) return `SNS topic ${arn.slice(arn.lastIndexOf(':') + 1)}`;
  return arn;
}

export function ActionsEditor({ state, actions, onChange, topics, ec2, region, problems }: ActionsEditorProps) {
  const id = useId();
  const [other, setOther] = useState('');
  const full = actions.length >= ALARM_MAX_ACTIONS_PER_STATE;
  const add = (arn: string) => {
    if (arn !== '' && !actions.includes(arn)) onChange([...actions, arn]);
  };
  const offered = [
    ...topics.map((topic) => ({ arn: topic.arn, label: `SNS topic ${topic.name}` })),
    ...(ec2 ? EC2_ACTIONS.map((action) => ({ arn: ec2ActionArn(region, action), label: `EC2: ${action} the instance` })) : []),
  ].filter((option) => !actions.includes(option.arn));
  return (
    <fieldset className="alarm-actions" aria-describedby={problems.length > 0 ? `${id}-problems` : undefined}>
      <legend className="field-label">When the alarm goes to {state}</legend>
      {actions.length === 0 ? (
        <p className="muted">No actions.</p>
      ) : (
        <ul className="alarm-action-list" aria-label={`Actions for ${state}`}>
          {actions.map((arn) => (
            <li key={arn}>
              <span className="alarm-action-text" title={arn}>
                {describeAction(arn, topics)}
              </span>
              <button type="button" className="button button-quiet" aria-label={`Remove ${describeAction(arn, topics)} from ${state}`} onClick={() => onChange(actions.filter((item) => item !== arn))}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      )}
      <div className="alarm-action-add">
        <select
          className="select"
          aria-label={`Add an action for ${state}`}
          value=""
          disabled={offered.length === 0}
          onChange={(event) => add(event.target.value)}
        >
          <option value="">{offered.length === 0 ? 'No topics to add' : 'Add a topic or action…'}</option>
          {offered.map((option) => (
            <option key={option.arn} value={option.arn}>
              {option.label}
            </option>
          ))}
        </select>
        <input
          className="input mono"
          aria-label={`Another action ARN for ${state}`}
          placeholder="arn:aws:… (Auto Scaling policy, Systems Manager…)"
          value={other}
          onChange={(event) => setOther(event.target.value)}
          onKeyDown={(event) => {
            if (event.key !== 'Enter') return;
            event.preventDefault();
            add(other.trim());
            setOther('');
          }}
        />
        <button
          type="button"
          className="button"
          disabled={other.trim() === ''}
          onClick={() => {
            add(other.trim());
            setOther('');
          }}
        >
          Add ARN
        </button>
      </div>
      {full && <p className="field-hint">CloudWatch takes at most {ALARM_MAX_ACTIONS_PER_STATE} actions per state.</p>}
      {problems.length > 0 && (
        <div id={`${id}-problems`}>
          {problems.map((problem) => (
            <p key={problem} className="field-error">
              <WarningIcon />
              {problem}
            </p>
          ))}
        </div>
      )}
    </fieldset>
  );
}
