import { LOG_GROUP_NAME } from '../../../../shared/contract/logs-rules';
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { readLogsInput, requireGroup } from '../common';
import { LOGS_STORE } from '../store';

export function deleteLogGroup(body: unknown, context: RequestContext): undefined {
  const input = readLogsInput(body);
  const name = input.string('logGroupName', { ...LOG_GROUP_NAME, required: true });
  input.finish();
  const group = requireGroup(context, name);
  if (group.deletionProtectionEnabled) {
    throw new ServiceError('ValidationException', 'Cannot delete log group with deletion protection enabled.');
  }
  context.state.store(LOGS_STORE).deleteGroup(group.name);
  return undefined;
}
