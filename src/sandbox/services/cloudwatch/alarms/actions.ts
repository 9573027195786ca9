/**
 * Runs an alarm's actions for the state it went into, when its actions are enabled: an SNS topic receives
 * the alarm notification (kept in the SNS store, which is what the sandbox delivers), and every action gets
 * an Action history item, "Successfully executed action <arn>" or, for a topic that does not exist, "Failed
 * to execute action <arn>". The sandbox has no EC2 instances, Auto Scaling policies or Lambda functions:
 * those actions are recorded as executed, with nothing else happening.
 */
import { randomUUID } from 'node:crypto';
import type { SnsStore } from '../../sns/store';
import { actionKind } from './action-arns';
import { actionItem, type ActionOutcome } from './history';
import type { AlarmStateRecord, StoredAlarm } from './model';
import { alarmNotification } from './notification';
import type { AlarmsStore } from './store';

export interface AlarmRegion {
  readonly alarms: AlarmsStore;
  readonly sns: SnsStore;
  readonly region: string;
  readonly accountId: string;
}

export function actionsFor(alarm: StoredAlarm, state: AlarmStateRecord['value']): readonly string[] {
  const c = alarm.config;
  return state === 'ALARM' ? c.AlarmActions : state === 'OK' ? c.OKActions : c.InsufficientDataActions;
}

export function runActions(where: AlarmRegion, alarm: StoredAlarm, from: AlarmStateRecord, to: AlarmStateRecord, now: number): void {
  if (!alarm.config.ActionsEnabled) return;
  const actions = actionsFor(alarm, to.value);
  if (actions.length === 0) return;
  const notification = alarmNotification(alarm, from, to, where.region, where.accountId);
  for (const action of actions) {
    const outcome = actionKind(action) === 'sns' ? publish(where.sns, action, notification.subject, notification.message, now) : { action, succeeded: true };
    where.alarms.record(actionItem(alarm, now, to.updatedAt, outcome));
  }
}

function publish(sns: SnsStore, topicArn: string, subject: string, message: string, now: number): ActionOutcome {
  const topic = sns.get(topicArn);
  if (topic === undefined) return { action: topicArn, succeeded: false, error: 'Resource not found' };
  topic.published.push({
    messageId: randomUUID(),
    timestamp: now,
    message,
    subject,
    messageAttributes: {},
    ...(topic.fifo ? { messageGroupId: 'cloudwatch-alarms', sequenceNumber: String(topic.published.length + 1).padStart(20, '0') } : {}),
  });
  return { action: topicArn, succeeded: true, publishedMessage: JSON.stringify({ default: message }) };
}
