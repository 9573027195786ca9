/**
 * CreateExportTask, DescribeExportTasks and CancelExportTask, with AWS's rules: the destination bucket must
 * exist in the task's region and its policy must let the CloudWatch Logs service principal check the
 * bucket's ACL and write under the prefix (see shared/exports/bucket-policy.ts); the permission check
 * writes `<prefix>/aws-logs-write-test`; one task at a time may be active (PENDING or RUNNING) per account
 * in a region.
 */
import { randomUUID } from 'node:crypto';
import { LOG_GROUP_NAME, LOG_STREAM_NAME } from '../../../../shared/contract/logs-rules';
import { DEFAULT_EXPORT_PREFIX, evaluate, exportRequests } from '../../../../shared/exports/bucket-policy';
import { WRITE_TEST_BODY, writeTestKey } from '../../../../shared/exports/export-keys';
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { S3_STORE } from '../../s3/store';
import { invalidParameter, readLogsInput, requireGroup } from '../common';
import { EXPORT_STATUS_CODES, EXPORT_TASKS, STATUS_MESSAGES, type ExportTask } from '../export-tasks';
import { decodeCursor, encodeCursor } from '../tokens';

const DESCRIBE_LIMIT = 50;

export function createExportTask(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const taskName = input.string('taskName', { min: 1, max: 512 });
  const logGroupName = input.string('logGroupName', { ...LOG_GROUP_NAME, required: true }) ?? '';
  const logStreamNamePrefix = input.string('logStreamNamePrefix', LOG_STREAM_NAME);
  const from = input.long('from', { required: true, min: 0 }) ?? 0;
  const to = input.long('to', { required: true, min: 0 }) ?? 0;
  const destination = input.string('destination', { required: true, min: 1, max: 512 }) ?? '';
  const destinationPrefix = input.string('destinationPrefix') ?? DEFAULT_EXPORT_PREFIX;
  input.finish();

  const group = requireGroup(context, logGroupName);
  if (from > to) throw invalidParameter('Specified time range is invalid: from must be earlier than or equal to to.');
  if (Buffer.byteLength(destinationPrefix, 'utf8') > 1024 - 100) {
    throw invalidParameter('The destinationPrefix is too long: object keys are limited to 1,024 bytes.');
  }
  const s3 = context.account.store(S3_STORE);
  const bucket = s3.bucket(destination);
  if (bucket === undefined) throw invalidParameter('The given bucket does not exist. Please make sure the bucket is valid.');
  // A bucket in another region cannot be reached from this region's CloudWatch Logs: its ACL check fails.
  const policy = bucket.region === context.region ? parsedPolicy(bucket.policy) : undefined;
  const requests = exportRequests({ bucket: destination, prefix: destinationPrefix, region: context.region, accountId: context.accountId, logGroupName });
  if (bucket.region !== context.region || evaluate(policy, requests.aclCheck).effect !== 'allow') {
    throw invalidParameter('GetBucketAcl call on the given bucket failed. Please check if CloudWatch Logs has been granted permission to perform this operation.');
  }
  if (evaluate(policy, requests.write).effect !== 'allow') {
    throw invalidParameter('PutObject call on the given bucket failed. Please check if CloudWatch Logs has been granted permission to perform this operation.');
  }
  const tasks = context.state.store(EXPORT_TASKS);
  if (tasks.active() !== undefined) throw new ServiceError('LimitExceededException', 'Resource limit exceeded.');

  bucket.put(writeTestKey(destinationPrefix), { body: Buffer.from(WRITE_TEST_BODY, 'utf8'), contentType: 'application/octet-stream' }, context.now);
  const task: ExportTask = {
    taskId: randomUUID(),
    ...(taskName === undefined ? {} : { taskName }),
    logGroupName,
    ...(logStreamNamePrefix === undefined ? {} : { logStreamNamePrefix }),
    from,
    to,
    destination,
    destinationPrefix,
    creationTime: context.now,
    status: 'PENDING',
    message: STATUS_MESSAGES.PENDING,
    cancelRequested: false,
    eventsExported: 0,
  };
  tasks.start(task, { clock: context.account.clock, group, s3 });
  return { taskId: task.taskId };
}

/** A stored policy is valid JSON (PutBucketPolicy checked it); an unreadable one allows nothing. */
function parsedPolicy(text: string | undefined) {
  if (text === undefined) return undefined;
  try {
    return JSON.parse(text) as Parameters<typeof evaluate>[0];
  } catch {
    return undefined;
  }
}

interface TaskCursor {
  /** How many matching tasks came before this page. */
  readonly skip: number;
}

/** Newest task first; filtered by task ID and/or status code. */
export function describeExportTasks(body: unknown, context: RequestContext): object {
  const input = readLogsInput(body);
  const taskId = input.string('taskId', { min: 1, max: 512 });
  const statusCode = input.string('statusCode', { oneOf: EXPORT_STATUS_CODES });
  const nextToken = input.string('nextToken', { min: 1 });
  const limit = input.integer('limit', { min: 1, max: DESCRIBE_LIMIT }) ?? DESCRIBE_LIMIT;
  input.finish();

  const skip = nextToken === undefined ? 0 : decodeCursor(nextToken, isTaskCursor).skip;
  const matching = [...context.state.store(EXPORT_TASKS).all()]
    .reverse()
    .filter((task) => (taskId === undefined || task.taskId === taskId) && (statusCode === undefined || task.status === statusCode));
  const page = matching.slice(skip, skip + limit);
  return {
    exportTasks: page.map(describeTask),
    ...(skip + limit < matching.length ? { nextToken: encodeCursor({ skip: skip + limit } satisfies TaskCursor) } : {}),
  };
}

function isTaskCursor(value: unknown): value is TaskCursor {
  return typeof value === 'object' && value !== null && Number.isInteger((value as TaskCursor).skip) && (value as TaskCursor).skip >= 0;
}

function describeTask(task: ExportTask): object {
  return {
    taskId: task.taskId,
    ...(task.taskName === undefined ? {} : { taskName: task.taskName }),
    logGroupName: task.logGroupName,
    from: task.from,
    to: task.to,
    destination: task.destination,
    destinationPrefix: task.destinationPrefix,
    status: { code: task.status, message: task.message },
    executionInfo: { creationTime: task.creationTime, ...(task.completionTime === undefined ? {} : { completionTime: task.completionTime }) },
  };
}

/** A PENDING task is cancelled at once; a RUNNING one stops after the part it is writing (PENDING_CANCEL meanwhile). */
export function cancelExportTask(body: unknown, context: RequestContext): undefined {
  const input = readLogsInput(body);
  const taskId = input.string('taskId', { required: true, min: 1, max: 512 }) ?? '';
  input.finish();
  const task = context.state.store(EXPORT_TASKS).task(taskId);
  if (task === undefined) throw new ServiceError('ResourceNotFoundException', 'The specified export task does not exist.');
  if (task.status !== 'PENDING' && task.status !== 'RUNNING') {
    throw new ServiceError('InvalidOperationException', 'The specified export task has already finished');
  }
  task.cancelRequested = true;
  if (task.status === 'PENDING') {
    task.status = 'CANCELLED';
    task.message = STATUS_MESSAGES.CANCELLED;
    task.completionTime = context.now;
  } else {
    task.status = 'PENDING_CANCEL';
    task.message = STATUS_MESSAGES.PENDING_CANCEL;
  }
  return undefined;
}
