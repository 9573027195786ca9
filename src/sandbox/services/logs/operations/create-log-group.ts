import { LOG_GROUP_NAME, LOG_GROUP_RESERVED_PREFIX_PATTERN } from '../../../../shared/contract/logs-rules';
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { invalidParameter, LOG_GROUP_CLASSES, readLogsInput } from '../common';
import { LOGS_STORE } from '../store';

/** AWS's default quota of log groups per account and region. */
export const LOG_GROUPS_PER_REGION = 1_000_000;

const TAG_KEY = { min: 1, max: 128, pattern: /^([\p{L}\p{Z}\p{N}_.:/=+\-@]+)$/u, patternText: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]+)$' };
const TAG_VALUE = { max: 256, pattern: /^([\p{L}\p{Z}\p{N}_.:/=+\-@]*)$/u, patternText: '^([\\p{L}\\p{Z}\\p{N}_.:/=+\\-@]*)$' };

export function createLogGroup(body: unknown, context: RequestContext): undefined {
  const input = readLogsInput(body);
  const name = input.string('logGroupName', { ...LOG_GROUP_NAME, required: true });
  const kmsKeyId = input.string('kmsKeyId', { max: 256 });
  const tags = input.stringMap('tags', { minEntries: 1, maxEntries: 50, key: TAG_KEY, value: TAG_VALUE });
  const logGroupClass = input.string('logGroupClass', { oneOf: LOG_GROUP_CLASSES });
  const deletionProtectionEnabled = input.boolean('deletionProtectionEnabled');
  input.finish();
  if (name === undefined) return undefined;

  if (LOG_GROUP_RESERVED_PREFIX_PATTERN.test(name)) throw invalidParameter('Log groups starting with AWS/ are reserved for AWS.');
  const logs = context.state.store(LOGS_STORE);
  if (logs.group(name) !== undefined) {
    throw new ServiceError('ResourceAlreadyExistsException', 'The specified log group already exists');
  }
  if (logs.groupCount >= LOG_GROUPS_PER_REGION) throw new ServiceError('LimitExceededException', 'Resource limit exceeded.');
  logs.createGroup({
    name,
    creationTime: context.now,
    ...(kmsKeyId === undefined ? {} : { kmsKeyId }),
    ...(tags === undefined ? {} : { tags }),
    ...(logGroupClass === undefined ? {} : { logGroupClass: logGroupClass as (typeof LOG_GROUP_CLASSES)[number] }),
    ...(deletionProtectionEnabled === undefined ? {} : { deletionProtectionEnabled }),
  });
  return undefined;
}
