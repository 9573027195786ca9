import { LOG_GROUP_NAME, RETENTION_DAYS } from '../../../../shared/contract/logs-rules';
import type { RequestContext } from '../../../core/context';
import { readLogsInput, requireGroup } from '../common';

export function putRetentionPolicy(body: unknown, context: RequestContext): undefined {
  const input = readLogsInput(body);
  const name = input.string('logGroupName', { ...LOG_GROUP_NAME, required: true });
  const days = input.integer('retentionInDays', { required: true, oneOf: RETENTION_DAYS });
  input.finish();
  requireGroup(context, name).retentionInDays = days;
  return undefined;
}

export function deleteRetentionPolicy(body: unknown, context: RequestContext): undefined {
  const input = readLogsInput(body);
  const name = input.string('logGroupName', { ...LOG_GROUP_NAME, required: true });
  input.finish();
  requireGroup(context, name).retentionInDays = undefined;
  return undefined;
}
