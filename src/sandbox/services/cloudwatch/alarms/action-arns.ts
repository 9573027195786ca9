/**
 * The actions an alarm may take, per PutMetricAlarm's AlarmActions: EC2 (`arn:aws:automate:region:ec2:stop`,
 * terminate, reboot, recover, or the `arn:aws:swf:…:action/actions/AWS_EC2.InstanceId.Stop/1.0` forms), Auto
 * Scaling policies, Lambda functions, SNS topics, Systems Manager OpsItems and Incident Manager response plans,
 * and investigation groups; at most 5 per state. An action in another region than the alarm's is refused
 * ("Invalid region … specified. Only … is supported.").
 */
import { ServiceError } from '../../../core/errors';

/** ResourceList's `max` in the model. */
export const MAX_ACTIONS_PER_STATE = 5;

const ACTION_PATTERNS: readonly RegExp[] = [
  /^arn:aws[a-z-]*:automate:([a-z0-9-]+):ec2:(stop|terminate|reboot|recover)$/,
  /^arn:aws[a-z-]*:swf:([a-z0-9-]+):\d{12}:action\/actions\/AWS_EC2\.InstanceId\.(Stop|Terminate|Reboot|Recover)\/1\.0$/,
  /^arn:aws[a-z-]*:autoscaling:([a-z0-9-]+):\d{12}:scalingPolicy:[^:]+:autoScalingGroupName\/[^:]+:policyName\/.+$/,
  /^arn:aws[a-z-]*:lambda:([a-z0-9-]+):\d{12}:function:[A-Za-z0-9_-]+(:[A-Za-z0-9$_-]+)?$/,
  /^arn:aws[a-z-]*:sns:([a-z0-9-]+):\d{12}:[A-Za-z0-9_-]+(\.fifo)?$/,
  /^arn:aws[a-z-]*:ssm:([a-z0-9-]+):\d{12}:opsitem:\d+(#CATEGORY=.+)?$/,
  /^arn:aws[a-z-]*:ssm-incidents::\d{12}:responseplan\/.+$/,
  /^arn:aws[a-z-]*:aiops:([a-z0-9-]+):\d{12}:investigation-group:.+$/,
];

export type ActionKind = 'sns' | 'ec2' | 'other';

export function actionKind(arn: string): ActionKind {
  if (/^arn:aws[a-z-]*:sns:/.test(arn)) return 'sns';
  if (/^arn:aws[a-z-]*:(automate:[^:]+:ec2:|swf:[^:]+:\d{12}:action\/actions\/AWS_EC2)/.test(arn)) return 'ec2';
  return 'other';
}

/** Whether an action needs the alarm's metric to have an InstanceId dimension (the EC2 actions do). */
export function isEc2Action(arn: string): boolean {
  return actionKind(arn) === 'ec2';
}

/** Checks one state's actions; `path` names the parameter (`AlarmActions`). */
export function checkActions(actions: readonly string[], path: string, region: string): void {
  if (actions.length > MAX_ACTIONS_PER_STATE) {
    throw new ServiceError(
      'ValidationError',
      `1 validation error detected: Value '[${actions.join(', ')}]' at '${path.charAt(0).toLowerCase()}${path.slice(1)}' failed to satisfy constraint: Member must have length less than or equal to ${MAX_ACTIONS_PER_STATE}`,
    );
  }
  for (const action of actions) {
    const match = ACTION_PATTERNS.map((pattern) => pattern.exec(action)).find((m): m is RegExpExecArray => m !== null);
    if (match === undefined) throw new ServiceError('ValidationError', `Invalid arn syntax: ${action}`);
    const actionRegion = match[1];
    if (actionRegion !== undefined && actionRegion !== region) {
      throw new ServiceError('ValidationError', `Invalid region ${actionRegion} specified. Only ${region} is supported.`);
    }
  }
}
