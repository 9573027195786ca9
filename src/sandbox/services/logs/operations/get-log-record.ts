import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { invalidParameter, readLogsInput } from '../common';
import { isLambdaGroup } from '../insights/discovered-fields';
import { decodeRecordPointer } from '../insights/record-pointer';
import { EventRow } from '../insights/row';
import { toText } from '../insights/values';
import { LOGS_STORE } from '../store';
import { compareKeys } from '../stream-events';

/**
 * Every field of the log event an `@ptr` points at, whatever the query showed: the built-in fields
 * (times as epoch milliseconds) and those discovered in its message.
 */
export function getLogRecord(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const pointer = input.string('logRecordPointer', { required: true, min: 0 }) as string;
  input.boolean('unmask');
  input.finish();

  const decoded = decodeRecordPointer(pointer);
  if (decoded === undefined) throw invalidParameter('The log record pointer is not valid.');
  const group = context.state.store(LOGS_STORE).group(decoded.group);
  const stream = group?.stream(decoded.stream);
  const index = stream?.events.indexOfKey(decoded.key);
  const event = index === undefined ? undefined : stream?.events.at(index);
  if (group === undefined || stream === undefined || event === undefined || compareKeys(event, decoded.key) !== 0) {
    throw new ServiceError('ResourceNotFoundException', 'The log event the pointer refers to does not exist.');
  }
  const row = new EventRow({ group, logId: `${context.accountId}:${group.name}`, lambda: isLambdaGroup(group.name) }, stream, event);
  const logRecord: Record<string, string> = {};
  for (const [name, value] of row.entries()) logRecord[name] = value === null ? 'null' : (toText(value) as string);
  return { logRecord };
}
