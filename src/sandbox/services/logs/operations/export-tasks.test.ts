import { gunzipSync } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { requiredStatements } from '../../../../shared/exports/bucket-policy';
import { RouterHarness } from '../../../test-support';
import { S3_STORE } from '../../s3/store';
import { EXPORT_TASKS } from '../export-tasks';
import { LOGS_STORE } from '../store';

const REGION = 'ca-central-1';
const T0 = Date.UTC(2025, 0, 15, 10, 0, 0);

function setUp() {
  const harness = new RouterHarness();
  const logs = harness.state.region(REGION).store(LOGS_STORE);
  const group = logs.createGroup({ name: '/app/orders', creationTime: T0 - 1000 });
  for (const streamName of ['web/1', 'web/2', 'worker']) {
    const stream = group.createStream(streamName, T0);
    group.ingest(
      stream,
      Array.from({ length: 10 }, (_, index) => {
        const message = `${streamName} event ${index}`;
        return { timestamp: T0 + index * 1000, message, size: Buffer.byteLength(message) };
      }),
      () => T0 + 20_000,
    );
  }
  const s3 = harness.state.store(S3_STORE);
  const call = (operation: string, body: object) => {
    const response = harness.logs(operation, body, { region: REGION });
    return { status: response.status, body: response.body === '' ? {} : JSON.parse(response.body) };
  };
  const allowExports = (bucket: string, statements = requiredStatements({ bucket, prefix: 'exportedlogs', region: REGION, accountId: '123456789012' })) => {
    const target = s3.bucket(bucket);
    if (target) target.policy = JSON.stringify({ Version: '2012-10-17', Statement: statements });
  };
  const settle = async () => {
    harness.now += 1_000;
    await harness.state.region(REGION).store(EXPORT_TASKS).settled();
  };
  return { harness, s3, call, allowExports, settle };
}

const EXPORT = { logGroupName: '/app/orders', from: T0 + 2000, to: T0 + 5000, destination: 'orders-archive' };

describe('CreateExportTask', () => {
  it('refuses a missing bucket, one in another region, and a policy that does not let CloudWatch Logs in, in AWS’s words', () => {
    const { s3, call, allowExports, harness } = setUp();
    expect(call('CreateExportTask', EXPORT).body).toEqual({
      __type: 'InvalidParameterException',
      message: 'The given bucket does not exist. Please make sure the bucket is valid.',
    });
    const aclFailure = 'GetBucketAcl call on the given bucket failed. Please check if CloudWatch Logs has been granted permission to perform this operation.';
    s3.create('orders-archive', 'us-east-1', harness.now);
    allowExports('orders-archive');
    expect(call('CreateExportTask', EXPORT).body.message).toBe(aclFailure);
    s3.delete('orders-archive');
    s3.create('orders-archive', REGION, harness.now);
    expect(call('CreateExportTask', EXPORT).body.message).toBe(aclFailure);
    const [acl, write] = requiredStatements({ bucket: 'orders-archive', prefix: 'exportedlogs', region: REGION, accountId: '123456789012' });
    allowExports('orders-archive', [acl!]);
    expect(call('CreateExportTask', EXPORT).body.message).toBe(
      'PutObject call on the given bucket failed. Please check if CloudWatch Logs has been granted permission to perform this operation.',
    );
    allowExports('orders-archive', [acl!, write!]);
    expect(call('CreateExportTask', { ...EXPORT, destinationPrefix: 'elsewhere' }).body.message).toContain('PutObject call');
    expect(call('CreateExportTask', { ...EXPORT, logGroupName: '/nope' }).body.__type).toBe('ResourceNotFoundException');
    expect(call('CreateExportTask', { ...EXPORT, from: T0 + 6000 }).body.__type).toBe('InvalidParameterException');
    expect(call('CreateExportTask', { logGroupName: '/app/orders' }).body.message).toMatch(/^3 validation errors detected/);
  });

  it('runs one task at a time: PENDING, then COMPLETED with every event of the range in gzip parts under AWS’s key layout', async () => {
    const { s3, call, allowExports, settle, harness } = setUp();
    s3.create('orders-archive', REGION, harness.now);
    allowExports('orders-archive');
    const created = call('CreateExportTask', { ...EXPORT, taskName: 'january' });
    expect(created.status).toBe(200);
    const taskId = created.body.taskId as string;
    expect(taskId).toMatch(/^[0-9a-f-]{36}$/);
    expect(s3.bucket('orders-archive')?.object('exportedlogs/aws-logs-write-test')?.body.toString()).toBe('Permission Check Successful');
    expect(call('DescribeExportTasks', { taskId }).body.exportTasks).toEqual([
      {
        taskId,
        taskName: 'january',
        logGroupName: '/app/orders',
        from: EXPORT.from,
        to: EXPORT.to,
        destination: 'orders-archive',
        destinationPrefix: 'exportedlogs',
        status: { code: 'PENDING', message: 'Pending' },
        executionInfo: { creationTime: harness.now },
      },
    ]);
    expect(call('CreateExportTask', EXPORT).body).toEqual({ __type: 'LimitExceededException', message: 'Resource limit exceeded.' });

    await settle();
    const [done] = call('DescribeExportTasks', { taskId }).body.exportTasks;
    expect(done.status).toEqual({ code: 'COMPLETED', message: 'Completed successfully' });
    expect(done.executionInfo.completionTime).toBe(harness.now);
    const bucket = s3.bucket('orders-archive');
    expect(bucket?.sortedKeys()).toEqual(
      [
        'exportedlogs/aws-logs-write-test',
        `exportedlogs/${taskId}/web/1/000000.gz`,
        `exportedlogs/${taskId}/web/2/000000.gz`,
        `exportedlogs/${taskId}/worker/000000.gz`,
      ].sort(),
    );
    const lines = gunzipSync(bucket?.object(`exportedlogs/${taskId}/web/2/000000.gz`)?.body ?? Buffer.alloc(0)).toString();
    // Both ends of the range are included.
    expect(lines).toBe(
      ['2025-01-15T10:00:02.000Z web/2 event 2', '2025-01-15T10:00:03.000Z web/2 event 3', '2025-01-15T10:00:04.000Z web/2 event 4', '2025-01-15T10:00:05.000Z web/2 event 5']
        .map((line) => `${line}\n`)
        .join(''),
    );
    // The next task may start now; only streams with the prefix are exported.
    const next = call('CreateExportTask', { ...EXPORT, logStreamNamePrefix: 'web/' }).body.taskId as string;
    await settle();
    expect(bucket?.sortedKeys().filter((key) => key.includes(next))).toEqual([`exportedlogs/${next}/web/1/000000.gz`, `exportedlogs/${next}/web/2/000000.gz`]);
  });
});

describe('CancelExportTask and DescribeExportTasks', () => {
  it('cancels a pending task at once and refuses to cancel what has finished or does not exist', async () => {
    const { s3, call, allowExports, settle, harness } = setUp();
    s3.create('orders-archive', REGION, harness.now);
    allowExports('orders-archive');
    const taskId = call('CreateExportTask', EXPORT).body.taskId as string;
    expect(call('CancelExportTask', { taskId }).status).toBe(200);
    expect(call('DescribeExportTasks', { taskId }).body.exportTasks[0].status).toEqual({ code: 'CANCELLED', message: 'Cancelled by user' });
    await settle();
    expect(s3.bucket('orders-archive')?.sortedKeys()).toEqual(['exportedlogs/aws-logs-write-test']);
    expect(call('CancelExportTask', { taskId }).body).toEqual({ __type: 'InvalidOperationException', message: 'The specified export task has already finished' });
    expect(call('CancelExportTask', { taskId: 'nope' }).body).toEqual({ __type: 'ResourceNotFoundException', message: 'The specified export task does not exist.' });
  });

  it('stops a running task after the part it is writing: PENDING_CANCEL, then CANCELLED, the parts written so far kept', async () => {
    const { s3, call, allowExports, harness } = setUp();
    const group = harness.state.region(REGION).store(LOGS_STORE).group('/app/orders');
    for (let index = 0; index < 200; index++) {
      const stream = group!.createStream(`many/${String(index).padStart(3, '0')}`, T0);
      const message = `many ${index}`;
      group!.ingest(stream, [{ timestamp: T0 + 3000, message, size: Buffer.byteLength(message) }], () => T0 + 20_000);
    }
    s3.create('orders-archive', REGION, harness.now);
    allowExports('orders-archive');
    const taskId = call('CreateExportTask', EXPORT).body.taskId as string;
    const tasks = harness.state.region(REGION).store(EXPORT_TASKS);
    harness.now += 1_000;
    while (tasks.task(taskId)?.status !== 'RUNNING') await new Promise((resolve) => setImmediate(resolve));
    expect(call('CancelExportTask', { taskId }).status).toBe(200);
    expect(call('DescribeExportTasks', { taskId }).body.exportTasks[0].status.code).toBe('PENDING_CANCEL');
    await tasks.settled();
    expect(call('DescribeExportTasks', { taskId }).body.exportTasks[0].status).toEqual({ code: 'CANCELLED', message: 'Cancelled by user' });
    const written = s3.bucket('orders-archive')?.sortedKeys().filter((key) => key.includes(taskId)).length ?? 0;
    expect(written).toBeGreaterThan(0);
    expect(written).toBeLessThan(203);
  });

  it('lists newest first, filtered by status, a page at a time', async () => {
    const { s3, call, allowExports, settle, harness } = setUp();
    s3.create('orders-archive', REGION, harness.now);
    allowExports('orders-archive');
    const ids: string[] = [];
    for (let index = 0; index < 3; index++) {
      ids.push(call('CreateExportTask', EXPORT).body.taskId as string);
      await settle();
    }
    const first = call('DescribeExportTasks', { limit: 2 }).body;
    expect(first.exportTasks.map((task: { taskId: string }) => task.taskId)).toEqual([ids[2], ids[1]]);
    const second = call('DescribeExportTasks', { limit: 2, nextToken: first.nextToken }).body;
    expect([second.exportTasks.map((task: { taskId: string }) => task.taskId), second.nextToken]).toEqual([[ids[0]], undefined]);
    expect(call('DescribeExportTasks', { statusCode: 'RUNNING' }).body.exportTasks).toEqual([]);
    expect(call('DescribeExportTasks', { statusCode: 'COMPLETED' }).body.exportTasks).toHaveLength(3);
    expect(call('DescribeExportTasks', { statusCode: 'DONE' }).body.__type).toBe('InvalidParameterException');
    expect(call('DescribeExportTasks', { nextToken: 'bad' }).body.message).toBe('The specified nextToken is invalid.');
  });
});
