import { describe, expect, it } from 'vitest';
import type { ExportItem } from '../../../shared/contract';
import { apiError, type ApiError } from '../../../shared/errors';
import { ExportQueue, type ExportTaskApi, type TaskStatus } from './export-queue';
import { memoryExportQueueStore } from './queue-store';

/** AWS as the queue sees it: tasks whose status the test moves on; at most one active, as AWS allows. */
class FakeAws implements ExportTaskApi {
  readonly tasks = new Map<string, { item: ExportItem; status: TaskStatus; name: string }>();
  readonly calls: string[] = [];
  /** Errors the next creates throw, in order. */
  createFailures: ApiError[] = [];

  async create(item: ExportItem, taskName: string): Promise<string> {
    this.calls.push(`create ${item.logGroupName}`);
    const failure = this.createFailures.shift();
    if (failure) throw failure;
    if ([...this.tasks.values()].some((task) => ['pending', 'running', 'cancelling'].includes(task.status.state))) {
      throw apiError('LimitExceeded', 'Resource limit exceeded.', { awsCode: 'LimitExceededException' });
    }
    const taskId = `task-${this.tasks.size + 1}`;
    this.tasks.set(taskId, { item, status: { state: 'pending', message: 'Pending' }, name: taskName });
    return taskId;
  }
  async describe(item: ExportItem & { taskId: string }): Promise<TaskStatus | undefined> {
    this.calls.push(`describe ${item.taskId}`);
    return this.tasks.get(item.taskId)?.status;
  }
  async findByName(_item: ExportItem, taskName: string): Promise<string | undefined> {
    return [...this.tasks.entries()].find(([, task]) => task.name === taskName)?.[0];
  }
  async cancel(item: ExportItem & { taskId: string }): Promise<void> {
    this.calls.push(`cancel ${item.taskId}`);
    const task = this.tasks.get(item.taskId);
    if (task) task.status = { state: 'cancelling' };
  }
  async usage(): Promise<{ objects: number; bytes: number }> {
    return { objects: 2, bytes: 100 };
  }
  describeFailure(error: unknown): ApiError {
    return error as ApiError;
  }
  set(taskId: string, status: TaskStatus): void {
    const task = this.tasks.get(taskId);
    if (task) task.status = status;
  }
}

const REQUEST = { connectionId: 'demo', region: 'ca-central-1', from: 1, to: 2, bucket: 'b', prefix: 'exportedlogs' };

async function until<T>(read: () => T | undefined | Promise<T | undefined>, what: string): Promise<T> {
  const deadline = Date.now() + 5_000;
  for (;;) {
    const value = await read();
    if (value !== undefined && value !== false) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

function states(queue: ExportQueue): Promise<string[]> {
  return queue.snapshot().then(({ items }) => items.map((item) => `${item.logGroupName}:${item.state}`));
}

describe('ExportQueue', () => {
  it('runs one task at a time in order, following each until it ends', async () => {
    const aws = new FakeAws();
    const queue = new ExportQueue({ store: memoryExportQueueStore(), aws, pollMs: 5 });
    await queue.enqueue({ ...REQUEST, logGroupNames: ['/a', '/b'] });
    await until(() => aws.tasks.get('task-1'), 'the first task');
    expect(await states(queue)).toEqual(['/a:pending', '/b:queued']);
    aws.set('task-1', { state: 'running', message: 'Started successfully' });
    await until(async () => (await states(queue))[0] === '/a:running' || undefined, 'running');
    aws.set('task-1', { state: 'completed', message: 'Completed successfully', completionTime: 42 });
    await until(() => aws.tasks.get('task-2'), 'the second task');
    const [first] = (await queue.snapshot()).items;
    expect(first).toMatchObject({ state: 'completed', taskId: 'task-1', finishedAt: 42, objects: 2, bytes: 100, message: 'Completed successfully' });
    expect(aws.calls.filter((call) => call.startsWith('create'))).toEqual(['create /a', 'create /b']);
    await queue.dispose();
  });

  it('waits while another export task holds the account, and fails an export AWS refuses, going on with the next', async () => {
    const aws = new FakeAws();
    aws.createFailures = [
      apiError('LimitExceeded', 'Resource limit exceeded.', { awsCode: 'LimitExceededException' }),
      apiError('InvalidInput', 'The given bucket does not exist.', { awsCode: 'InvalidParameterException' }),
    ];
    const queue = new ExportQueue({ store: memoryExportQueueStore(), aws, pollMs: 1 });
    await queue.enqueue({ ...REQUEST, logGroupNames: ['/a', '/b'] });
    await until(() => aws.tasks.get('task-1'), 'a task');
    const [a, b] = (await queue.snapshot()).items;
    expect([a?.state, a?.message]).toEqual(['failed', 'The given bucket does not exist.']);
    expect(b?.state).toBe('pending');
    await queue.dispose();
  });

  it('cancels a queued export without asking AWS, and a running one with CancelExportTask', async () => {
    const aws = new FakeAws();
    const queue = new ExportQueue({ store: memoryExportQueueStore(), aws, pollMs: 5 });
    const { items } = await queue.enqueue({ ...REQUEST, logGroupNames: ['/a', '/b'] });
    await queue.cancel(items[1]!.id);
    await until(() => aws.tasks.get('task-1'), 'the first task');
    await queue.cancel(items[0]!.id);
    expect(aws.calls).toContain('cancel task-1');
    expect(await states(queue)).toEqual(['/a:cancelling', '/b:cancelled']);
    aws.set('task-1', { state: 'cancelled', message: 'Cancelled by user' });
    await until(async () => (await states(queue))[0] === '/a:cancelled' || undefined, 'cancelled');
    expect(aws.calls.filter((call) => call.startsWith('create'))).toEqual(['create /a']);
    await queue.dispose();
  });

  it('is saved on every change and picks up where it was after a restart, finding a task by name if its id was never heard', async () => {
    const aws = new FakeAws();
    const store = memoryExportQueueStore();
    const first = new ExportQueue({ store, aws, pollMs: 5 });
    await first.enqueue({ ...REQUEST, logGroupNames: ['/a', '/b'] });
    await until(() => aws.tasks.get('task-1'), 'the first task');
    await first.dispose();
    expect(store.saved().map((item) => [item.state, item.taskId])).toEqual([
      ['pending', 'task-1'],
      ['queued', undefined],
    ]);
    // As if the app stopped right after sending CreateExportTask for /a.
    const [a, b] = store.saved();
    await store.save([{ ...a!, state: 'starting', taskId: undefined } as ExportItem, b!]);
    aws.set('task-1', { state: 'completed', completionTime: 7 });
    const second = new ExportQueue({ store, aws, pollMs: 5 });
    await until(() => aws.tasks.get('task-2'), 'the second task');
    expect((await second.snapshot()).items.map((item) => [item.logGroupName, item.state, item.taskId])).toEqual([
      ['/a', 'completed', 'task-1'],
      ['/b', 'pending', 'task-2'],
    ]);
    expect(aws.calls.filter((call) => call.startsWith('create'))).toEqual(['create /a', 'create /b']);
    await second.dispose();
  });

  it('keeps following through AWS’s failures, but gives up on an export whose connection is gone', async () => {
    const aws = new FakeAws();
    const queue = new ExportQueue({ store: memoryExportQueueStore(), aws, pollMs: 1 });
    await queue.enqueue({ ...REQUEST, logGroupNames: ['/a'] });
    await until(() => aws.tasks.get('task-1'), 'the task');
    aws.describe = async () => {
      throw apiError('Throttled', 'Rate exceeded', { awsCode: 'ThrottlingException' });
    };
    await until(async () => (await queue.snapshot()).items[0]?.message?.startsWith('Could not check on the export: Rate exceeded') || undefined, 'the throttled check');
    expect((await queue.snapshot()).items[0]?.state).toBe('pending');
    aws.describe = async () => {
      throw apiError('NotFound', 'There is no connection "demo" any more. Pick one from the connection list.');
    };
    await until(async () => (await queue.snapshot()).items[0]?.state === 'failed' || undefined, 'the failure');
    expect((await queue.snapshot()).items[0]?.message).toBe('There is no connection "demo" any more. Pick one from the connection list.');
    await queue.dispose();
  });

  it('tells watchers of every change', async () => {
    const queue = new ExportQueue({ store: memoryExportQueueStore(), aws: new FakeAws(), pollMs: 5 });
    const controller = new AbortController();
    const seen: number[] = [];
    const watching = (async () => {
      for await (const snapshot of queue.watch(controller.signal)) {
        seen.push(snapshot.items.length);
        if (snapshot.items.length === 1) controller.abort();
      }
    })();
    await until(() => seen.length > 0 || undefined, 'the first snapshot');
    await queue.enqueue({ ...REQUEST, logGroupNames: ['/a'] });
    await watching;
    expect(seen).toEqual([0, 1]);
    await queue.dispose();
  });
});
