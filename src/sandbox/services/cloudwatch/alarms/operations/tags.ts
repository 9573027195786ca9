/**
 * TagResource, UntagResource and ListTagsForResource for alarm ARNs
 * (`arn:aws:cloudwatch:<region>:<account>:alarm:<name>`); another ARN, or an alarm that does not exist, is
 * `ResourceNotFoundException`.
 */
import type { RequestContext } from '../../../../core/context';
import { ServiceError } from '../../../../core/errors';
import { CloudWatchInput } from '../../common';
import { MAX_TAGS, readTags, validationError } from '../metric-alarm-input';
import type { StoredAlarm } from '../model';
import { alarmRegionOf } from '../region';
import type { AlarmsStore } from '../store';

function resourceNotFound(): ServiceError {
  return new ServiceError('ResourceNotFoundException', 'The specified resource does not exist.', 404);
}

function alarmOf(input: CloudWatchInput, alarms: AlarmsStore): StoredAlarm {
  const arn = input.string('ResourceARN', { required: true, maxLength: 1024 })!;
  const alarm = alarms.byArn(arn);
  if (alarm === undefined) throw resourceNotFound();
  return alarm;
}

export function tagResource(body: unknown, context: RequestContext): Record<string, never> {
  const input = CloudWatchInput.of(body);
  const { alarms } = alarmRegionOf(context);
  const alarm = alarmOf(input, alarms);
  const tags = readTags(input);
  const keys = new Set([...alarms.tagsOf(alarm.arn).keys(), ...Object.keys(tags)]);
  if (keys.size > MAX_TAGS) throw validationError(`A resource can have at most ${MAX_TAGS} tags; this would give it ${keys.size}.`);
  alarms.setTags(alarm.arn, tags);
  return {};
}

export function untagResource(body: unknown, context: RequestContext): Record<string, never> {
  const input = CloudWatchInput.of(body);
  const { alarms } = alarmRegionOf(context);
  const alarm = alarmOf(input, alarms);
  alarms.removeTags(alarm.arn, input.strings('TagKeys', { required: true })!);
  return {};
}

export function listTagsForResource(body: unknown, context: RequestContext): { Tags: { Key: string; Value: string }[] } {
  const input = CloudWatchInput.of(body);
  const { alarms } = alarmRegionOf(context);
  const alarm = alarmOf(input, alarms);
  return { Tags: [...alarms.tagsOf(alarm.arn)].map(([Key, Value]) => ({ Key, Value })) };
}
