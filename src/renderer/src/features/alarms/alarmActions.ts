/**
 * An alarm's actions: what each ARN does (the forms PutMetricAlarm's AlarmActions documents —
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/APIReference/API_PutMetricAlarm.html) and how it
 * went the last time it ran, from the alarm's Action history items ("Successfully executed action <arn>"
 * / "Failed to execute action <arn>", HistoryData `{"actionState":"Succeeded"|"Failed",…}`).
 */
import type { Alarm, AlarmHistoryItem, AlarmState } from '../../../../shared/contract';

export interface ActionKind {
  /** "SNS topic", "EC2: stop the instance", "Auto Scaling policy", … */
  readonly kind: string;
  /** The part worth reading: the topic's or policy's name, the response plan… */
  readonly target: string;
}

const EC2_ACTIONS: Readonly<Record<string, string>> = {
  stop: 'EC2: stop the instance',
  terminate: 'EC2: terminate the instance',
  reboot: 'EC2: reboot the instance',
  recover: 'EC2: recover the instance',
};

export function actionKind(arn: string): ActionKind {
  const parts = arn.split(':');
  const service = parts[2] ?? '';
  const resource = parts.slice(5).join(':');
  switch (service) {
    case 'sns':
      return { kind: 'SNS topic', target: resource };
    case 'automate': {
      const action = parts[4] === 'ec2' ? EC2_ACTIONS[parts[5] ?? ''] : undefined;
      return action ? { kind: action, target: 'the instance in the alarm’s InstanceId dimension' } : { kind: 'Automated action', target: parts.slice(4).join(':') };
    }
    case 'swf': {
      // The older EC2 form: action/actions/AWS_EC2.InstanceId.Stop/1.0
      const verb = /AWS_EC2\.InstanceId\.(\w+)\//.exec(resource)?.[1]?.toLowerCase();
      const action = verb ? EC2_ACTIONS[verb] : undefined;
      return action ? { kind: action, target: 'the instance in the alarm’s InstanceId dimension' } : { kind: 'Workflow action', target: resource };
    }
    case 'autoscaling': {
      const group = /autoScalingGroupName\/([^:]+)/.exec(resource)?.[1];
      const policy = /policyName\/([^:]+)/.exec(resource)?.[1];
      return { kind: 'Auto Scaling policy', target: policy ? `${policy}${group ? ` of ${group}` : ''}` : resource };
    }
    case 'ssm':
      return { kind: 'Systems Manager OpsItem', target: resource.replace(/^opsitem:/, 'severity ') };
    case 'ssm-incidents':
      return { kind: 'Incident Manager response plan', target: resource.replace(/^responseplan\//, '') };
    case 'lambda':
      return { kind: 'Lambda function', target: resource.replace(/^function:/, '') };
    default:
      return { kind: service === '' ? 'Action' : `${service} action`, target: resource || arn };
  }
}

export interface AlarmAction {
  readonly arn: string;
  /** The state whose entry runs it. */
  readonly on: AlarmState;
}

/** Every action of the alarm with the state that runs it (an ARN may appear under several states). */
export function alarmActions(alarm: Alarm): AlarmAction[] {
  return [
    ...alarm.alarmActions.map((arn) => ({ arn, on: 'ALARM' as const })),
    ...alarm.okActions.map((arn) => ({ arn, on: 'OK' as const })),
    ...alarm.insufficientDataActions.map((arn) => ({ arn, on: 'INSUFFICIENT_DATA' as const })),
  ];
}

export interface ActionDelivery {
  readonly succeeded: boolean;
  readonly timestamp: number;
  readonly summary: string;
}

function actionStateOf(data: string): string | undefined {
  try {
    const value = JSON.parse(data) as { actionState?: unknown };
    return typeof value.actionState === 'string' ? value.actionState : undefined;
  } catch {
    return undefined;
  }
}

/** How the action went the last time, from the newest Action item that names its ARN. */
export function lastDelivery(arn: string, items: readonly AlarmHistoryItem[]): ActionDelivery | undefined {
  let newest: AlarmHistoryItem | undefined;
  for (const item of items) {
    if (item.type !== 'Action' || !item.summary.includes(arn)) continue;
    if (!newest || item.timestamp > newest.timestamp) newest = item;
  }
  if (!newest) return undefined;
  const state = actionStateOf(newest.data);
  const succeeded = state !== undefined ? state === 'Succeeded' : /^Successfully/i.test(newest.summary);
  return { succeeded, timestamp: newest.timestamp, summary: newest.summary };
}
