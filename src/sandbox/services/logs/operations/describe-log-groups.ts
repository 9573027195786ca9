import { DESCRIBE_PAGE_LIMIT, LOG_GROUP_IDENTIFIER, LOG_GROUP_NAME, LOG_GROUP_NAME_SUBSTRING } from '../../../../shared/contract/logs-rules';
import type { RequestContext } from '../../../core/context';
import { invalidParameter, LOG_GROUP_CLASSES, readLogsInput } from '../common';
import { LOGS_STORE, type LogGroup, type LogsStore } from '../store';
import { decodeCursor, encodeCursor } from '../tokens';
import { describeLogGroup, describeLogGroupBriefly } from '../views';

interface GroupCursor {
  /** The last group name returned. */
  readonly after: string;
}

/**
 * Lists log groups in ASCII order of name, a page at a time, from the sorted name index: the page starts
 * by binary search after the cursor (or at the prefix) and stops as soon as it is full.
 */
export function describeLogGroups(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  input.stringList('accountIdentifiers', { maxItems: 20, item: { min: 12, max: 12, pattern: /^\d{12}$/, patternText: '^\\d{12}$' } });
  const prefix = input.string('logGroupNamePrefix', LOG_GROUP_NAME);
  const pattern = input.string('logGroupNamePattern', LOG_GROUP_NAME_SUBSTRING);
  const nextToken = input.string('nextToken', { min: 1 });
  const limit = input.integer('limit', { min: 1, max: DESCRIBE_PAGE_LIMIT }) ?? DESCRIBE_PAGE_LIMIT;
  input.boolean('includeLinkedAccounts');
  const logGroupClass = input.string('logGroupClass', { oneOf: LOG_GROUP_CLASSES });
  const identifiers = input.stringList('logGroupIdentifiers', { minItems: 1, maxItems: 50, item: LOG_GROUP_IDENTIFIER });
  input.finish();

  if (prefix !== undefined && pattern !== undefined) {
    throw invalidParameter('LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.');
  }
  if (identifiers !== undefined && (prefix !== undefined || pattern !== undefined)) {
    throw invalidParameter('logGroupIdentifiers cannot be used with logGroupNamePrefix or logGroupNamePattern.');
  }
  const after = nextToken === undefined ? undefined : decodeCursor(nextToken, isGroupCursor).after;
  const logs = context.state.store(LOGS_STORE);
  const wanted = identifiers === undefined ? undefined : new Set(identifiers.map((id) => groupName(logs, id)));
  const matches = (group: LogGroup): boolean =>
    (pattern === undefined || group.name.includes(pattern)) &&
    (logGroupClass === undefined || group.logGroupClass === logGroupClass) &&
    (wanted === undefined || wanted.has(group.name));

  const names = logs.groupNames();
  let index = after === undefined ? 0 : logs.groupIndexAfter(after);
  if (prefix !== undefined) index = Math.max(index, logs.groupIndexOf(prefix));
  const page: LogGroup[] = [];
  let hasMore = false;
  for (; index < names.length; index++) {
    const name = names[index] as string;
    if (prefix !== undefined && !name.startsWith(prefix)) break;
    const group = logs.group(name);
    if (group === undefined || !matches(group)) continue;
    if (page.length === limit) {
      hasMore = true;
      break;
    }
    page.push(group);
  }

  const view = pattern === undefined ? describeLogGroup : describeLogGroupBriefly;
  const last = page[page.length - 1];
  return {
    logGroups: page.map(view),
    ...(hasMore && last !== undefined ? { nextToken: encodeCursor({ after: last.name } satisfies GroupCursor) } : {}),
  };
}

function isGroupCursor(value: unknown): value is GroupCursor {
  return typeof value === 'object' && value !== null && typeof (value as { after?: unknown }).after === 'string';
}

/** `logGroupIdentifiers` may hold names or ARNs of this account's groups. */
function groupName(logs: LogsStore, identifier: string): string {
  const prefix = logs.groupArn('');
  if (identifier.startsWith(prefix)) return identifier.slice(prefix.length);
  return identifier;
}
