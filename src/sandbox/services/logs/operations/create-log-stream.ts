import { LOG_GROUP_NAME, LOG_STREAM_NAME } from '../../../../shared/contract/logs-rules';
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { readLogsInput, requireGroup } from '../common';

export function createLogStream(body: unknown, context: RequestContext): undefined {
  const input = readLogsInput(body);
  const groupName = input.string('logGroupName', { ...LOG_GROUP_NAME, required: true });
  const streamName = input.string('logStreamName', { ...LOG_STREAM_NAME, required: true });
  input.finish();
  const group = requireGroup(context, groupName);
  if (streamName === undefined) return undefined;
  if (group.stream(streamName) !== undefined) {
    throw new ServiceError('ResourceAlreadyExistsException', 'The specified log stream already exists');
  }
  group.createStream(streamName, context.now);
  return undefined;
}
