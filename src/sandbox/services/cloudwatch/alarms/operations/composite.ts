/**
 * PutCompositeAlarm: a rule over other alarms' states in the shared rule language (parse errors as AWS words
 * them: "Error in AlarmRule [Unsupported token …]"), referencing alarms that exist, at most 100 of them, each
 * alarm in the rules of at most 150 composite alarms; actions limited to what composite alarms can do (SNS,
 * Lambda, Systems Manager OpsItems and incidents, investigations: no EC2 or Auto Scaling); an optional
 * ActionsSuppressor with its wait and extension periods. A new composite alarm starts in INSUFFICIENT_DATA and
 * is evaluated at once ("The alarm is then evaluated and its state is set appropriately. Any actions associated
 * with the new state are then executed."); a second put replaces the whole alarm and keeps its state.
 */
import { awsAlarmRuleMessage, INITIAL_STATE_REASON, parseAlarmRule } from '../../../../../shared/alarms';
import type { RequestContext } from '../../../../core/context';
import { ServiceError } from '../../../../core/errors';
import { CloudWatchInput, invalidCombination } from '../../common';
import { actionKind } from '../action-arns';
import { evaluateComposite, referencedAlarm } from '../composite-evaluation';
import { configurationItem } from '../history';
import { readActions, readDescription, readTags, validationError } from '../metric-alarm-input';
import type { CompositeAlarmConfig, StoredCompositeAlarm } from '../model';
import { parentsOf, referencedNames } from '../references';
import { alarmRegionOf } from '../region';

/** "Any single alarm can be included in the rule expressions of as many as 150 composite alarms." */
export const MAX_PARENTS = 150;

export function putCompositeAlarm(body: unknown, context: RequestContext): Record<string, never> {
  const input = CloudWatchInput.of(body);
  const where = alarmRegionOf(context);
  const name = input.string('AlarmName', { required: true, maxLength: 255 })!;
  const ruleText = input.string('AlarmRule', { required: true, maxLength: 10_240 })!;
  const parsed = parseAlarmRule(ruleText);
  if (!parsed.ok) throw validationError(awsAlarmRuleMessage(parsed.error));
  const actions = readActions(input, context.region);
  const tags = readTags(input);
  for (const action of [...actions.OKActions, ...actions.AlarmActions, ...actions.InsufficientDataActions]) {
    if (actionKind(action) === 'ec2' || /^arn:aws[a-z-]*:autoscaling:/.test(action)) {
      throw validationError(`Composite alarms cannot take the action ${action}: they can notify SNS topics, invoke Lambda functions and create Systems Manager OpsItems and incidents.`);
    }
  }
  const suppressor = input.string('ActionsSuppressor', { maxLength: 1600 });
  const wait = input.integer('ActionsSuppressorWaitPeriod');
  const extension = input.integer('ActionsSuppressorExtensionPeriod');
  if (suppressor === undefined && (wait !== undefined || extension !== undefined)) {
    throw invalidCombination('ActionsSuppressorWaitPeriod and ActionsSuppressorExtensionPeriod are only for an alarm with an ActionsSuppressor.');
  }
  if (suppressor !== undefined && (wait === undefined || extension === undefined)) {
    throw validationError('An ActionsSuppressor needs ActionsSuppressorWaitPeriod and ActionsSuppressorExtensionPeriod.');
  }
  for (const period of [wait, extension]) if (period !== undefined && period < 0) throw validationError('The suppressor periods must be 0 seconds or more.');
  if (suppressor !== undefined && referencedAlarm(where.alarms, suppressor) === undefined) throw validationError(`The ActionsSuppressor alarm ${suppressor} does not exist.`);

  const config: CompositeAlarmConfig = {
    AlarmName: name,
    ...(input.has('AlarmDescription') ? { AlarmDescription: readDescription(input)! } : {}),
    ...actions,
    AlarmRule: ruleText,
    ...(suppressor === undefined ? {} : { ActionsSuppressor: suppressor, ActionsSuppressorWaitPeriod: wait!, ActionsSuppressorExtensionPeriod: extension! }),
  };
  const children = referencedNames(config);
  const missing = children.filter((child) => where.alarms.get(child) === undefined);
  if (missing.length > 0) throw validationError(`Could not save the composite alarm as alarms [${missing.join(', ')}] in the alarm rule do not exist`);
  for (const child of children) {
    const parents = parentsOf(child, where.alarms.all()).filter((p) => p.config.AlarmName !== name);
    if (parents.length >= MAX_PARENTS) throw new ServiceError('LimitExceeded', `The alarm ${child} is already in the rules of ${MAX_PARENTS} composite alarms.`);
  }
  const existing = where.alarms.get(name);
  if (existing?.type === 'MetricAlarm') throw validationError(`The alarm ${name} is a metric alarm: update it with PutMetricAlarm.`);

  const now = context.now;
  const alarm: StoredCompositeAlarm = {
    type: 'CompositeAlarm',
    arn: where.alarms.arnOf(name),
    configurationUpdatedAt: now,
    state: existing?.state ?? { value: 'INSUFFICIENT_DATA', reason: INITIAL_STATE_REASON, updatedAt: now, transitionedAt: now },
    config,
  };
  where.alarms.put(alarm);
  if (existing === undefined) where.alarms.setTags(alarm.arn, tags);
  where.alarms.record(existing === undefined ? configurationItem('Create', alarm, now) : configurationItem('Update', alarm, now, existing));
  evaluateComposite(where, alarm, now);
  return {};
}
