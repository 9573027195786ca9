/**
 * The app's queue of export tasks. AWS lets an account run one export task at a time and refuses a
 * second with LimitExceededException; the queue holds the rest and starts each when the one before it has
 * ended, polling DescribeExportTasks meanwhile. It is saved on every change, so it survives a restart: a
 * task that was running is followed again, and one whose CreateExportTask may have been sent when the app
 * stopped is found again by its name (`cloudscope-<id>`) before it is sent a second time.
 */
import { randomUUID } from 'node:crypto';
import { FINISHED_EXPORT_STATES, type ExportItem, type ExportQueue as ExportQueueSnapshot, type ExportState } from '../../../shared/contract';
import type { ApiError } from '../../../shared/errors';
import type { ExportQueueStore } from './queue-store';

/** What AWS says about a task, in the queue's words. */
export interface TaskStatus {
  readonly state: Extract<ExportState, 'pending' | 'running' | 'cancelling' | 'completed' | 'failed' | 'cancelled'>;
  readonly message?: string;
  readonly completionTime?: number;
}

/** The AWS calls the queue makes (export-tasks-aws.ts; fakes in unit tests). Failures are thrown as they come. */
export interface ExportTaskApi {
  create(item: ExportItem, taskName: string): Promise<string>;
  /** Undefined when AWS does not know the task (any more). */
  describe(item: ExportItem & { readonly taskId: string }): Promise<TaskStatus | undefined>;
  /** The id of the task created with this name, if AWS has one. */
  findByName(item: ExportItem, taskName: string): Promise<string | undefined>;
  cancel(item: ExportItem & { readonly taskId: string }): Promise<void>;
  /** What the task has written to S3 so far. */
  usage(item: ExportItem & { readonly taskId: string }): Promise<{ readonly objects: number; readonly bytes: number }>;
  /** A failure as the person reads it. */
  describeFailure(error: unknown): ApiError;
}

export interface ExportQueueOptions {
  readonly store: ExportQueueStore;
  readonly aws: ExportTaskApi;
  /** How often a running task is asked about; default 2 s (DescribeExportTasks allows 5 calls a second per account). */
  readonly pollMs?: number;
  readonly clock?: () => number;
}

export interface NewExports {
  readonly connectionId: string;
  readonly region: string;
  readonly logGroupNames: readonly string[];
  readonly from: number;
  readonly to: number;
  readonly bucket: string;
  readonly prefix: string;
}

const ACTIVE: readonly ExportState[] = ['starting', 'pending', 'running', 'cancelling'];
/** Failures that pass: the queue waits and asks again instead of giving up on the export. */
const TRANSIENT = new Set(['Throttled', 'Unreachable', 'ServiceUnavailable']);

export function taskNameOf(item: ExportItem): string {
  return `cloudscope-${item.id}`;
}

export class ExportQueue {
  private items: ExportItem[] = [];
  private readonly loaded: Promise<void>;
  private version = 0;
  private readonly waiters = new Set<() => void>();
  /** Items to cancel as soon as their CreateExportTask has answered. */
  private readonly cancelAfterStart = new Set<string>();
  private disposed = false;
  private wakeRunner: (() => void) | undefined;
  private readonly pollMs: number;
  private readonly clock: () => number;
  private readonly runner: Promise<void>;

  constructor(private readonly options: ExportQueueOptions) {
    this.pollMs = options.pollMs ?? 2_000;
    this.clock = options.clock ?? Date.now;
    this.loaded = options.store.load().then(
      (items) => {
        this.items = items;
        this.changed(false);
      },
      () => undefined,
    );
    this.runner = this.loaded.then(() => this.run());
  }

  async snapshot(): Promise<ExportQueueSnapshot> {
    await this.loaded;
    return { items: this.items };
  }

  /** The queue now, then after every change, until `signal` aborts. */
  async *watch(signal: AbortSignal): AsyncGenerator<ExportQueueSnapshot> {
    await this.loaded;
    let seen = -1;
    while (!signal.aborted && !this.disposed) {
      if (seen !== this.version) {
        seen = this.version;
        yield { items: this.items };
      }
      await this.nextChange(signal);
    }
  }

  async enqueue(request: NewExports): Promise<ExportQueueSnapshot> {
    await this.loaded;
    const queuedAt = this.clock();
    const added = request.logGroupNames.map(
      (logGroupName): ExportItem => ({
        id: randomUUID(),
        connectionId: request.connectionId,
        region: request.region,
        logGroupName,
        from: request.from,
        to: request.to,
        bucket: request.bucket,
        prefix: request.prefix,
        state: 'queued',
        queuedAt,
      }),
    );
    this.items = [...this.items, ...added];
    await this.changed();
    return { items: this.items };
  }

  async cancel(id: string): Promise<ExportQueueSnapshot> {
    await this.loaded;
    const item = this.items.find((candidate) => candidate.id === id);
    if (item === undefined || FINISHED_EXPORT_STATES.includes(item.state) || item.state === 'cancelling') return { items: this.items };
    if (item.state === 'queued') {
      await this.update(id, { state: 'cancelled', message: 'Cancelled before it started.', finishedAt: this.clock() });
    } else if (item.taskId === undefined) {
      this.cancelAfterStart.add(id);
    } else {
      await this.cancelTask({ ...item, taskId: item.taskId });
    }
    return { items: this.items };
  }

  async clearFinished(): Promise<ExportQueueSnapshot> {
    await this.loaded;
    this.items = this.items.filter((item) => !FINISHED_EXPORT_STATES.includes(item.state));
    await this.changed();
    return { items: this.items };
  }

  /** Stops the runner (the tasks themselves go on in AWS and are followed again on the next start). */
  async dispose(): Promise<void> {
    this.disposed = true;
    this.wakeRunner?.();
    for (const wake of this.waiters) wake();
    await this.runner;
  }

  private async run(): Promise<void> {
    while (!this.disposed) {
      const active = this.items.find((item) => ACTIVE.includes(item.state));
      const next = active ?? this.items.find((item) => item.state === 'queued');
      if (next === undefined) {
        await this.pause();
        continue;
      }
      const waitMs = next.state === 'queued' ? await this.start(next) : await this.follow(next);
      if (waitMs > 0) await this.pause(waitMs);
    }
  }

  /** Sends CreateExportTask; returns how long to wait before the next step. */
  private async start(item: ExportItem): Promise<number> {
    await this.update(item.id, { state: 'starting', startedAt: this.clock(), message: 'Starting the export task…' });
    try {
      const taskId = await this.options.aws.create(item, taskNameOf(item));
      await this.update(item.id, { state: 'pending', taskId, message: 'Pending' });
      if (this.cancelAfterStart.delete(item.id)) await this.cancelTask({ ...item, taskId });
      return this.pollMs;
    } catch (error) {
      const failure = this.options.aws.describeFailure(error);
      if (failure.awsCode === 'LimitExceededException') {
        // Another export task (not this queue's) is active in the account: wait for it to end.
        await this.update(item.id, { state: 'queued', message: 'Waiting: another export task is running in this account, and AWS runs one at a time.' });
        return this.pollMs * 5;
      }
      if (TRANSIENT.has(failure.code)) {
        await this.update(item.id, { state: 'queued', message: `Waiting to start: ${failure.message}` });
        return this.pollMs * 5;
      }
      await this.update(item.id, { state: 'failed', message: failure.message, finishedAt: this.clock() });
      this.cancelAfterStart.delete(item.id);
      return 0;
    }
  }

  /** Asks AWS about the active task; returns how long to wait before asking again. */
  private async follow(item: ExportItem): Promise<number> {
    try {
      if (item.taskId === undefined) {
        // The app stopped after sending CreateExportTask, before it heard the task id.
        const taskId = await this.options.aws.findByName(item, taskNameOf(item));
        await this.update(item.id, taskId === undefined ? { state: 'queued' } : { state: 'pending', taskId });
        return 0;
      }
      const task = { ...item, taskId: item.taskId };
      const status = await this.options.aws.describe(task);
      if (status === undefined) {
        await this.update(item.id, { state: 'failed', message: 'AWS no longer knows this export task.', finishedAt: this.clock() });
        return 0;
      }
      const finished = FINISHED_EXPORT_STATES.includes(status.state);
      const usage = status.state === 'running' || status.state === 'completed' ? await this.options.aws.usage(task) : {};
      await this.update(item.id, {
        state: status.state,
        ...(status.message === undefined ? {} : { message: status.message }),
        ...(finished ? { finishedAt: status.completionTime ?? this.clock() } : {}),
        ...usage,
      });
      return finished ? 0 : this.pollMs;
    } catch (error) {
      const failure = this.options.aws.describeFailure(error);
      if (failure.code === 'NotFound' && failure.awsCode === undefined) {
        // The connection the export was queued in is gone: nothing can follow it any more.
        await this.update(item.id, { state: 'failed', message: failure.message, finishedAt: this.clock() });
        return 0;
      }
      // The task goes on in AWS whatever happens here: keep following it.
      await this.update(item.id, { message: `Could not check on the export: ${failure.message}` });
      return this.pollMs * (TRANSIENT.has(failure.code) ? 2 : 5);
    }
  }

  private async cancelTask(item: ExportItem & { readonly taskId: string }): Promise<void> {
    try {
      await this.options.aws.cancel(item);
      await this.update(item.id, { state: 'cancelling', message: 'Cancelling…' });
    } catch (error) {
      const failure = this.options.aws.describeFailure(error);
      // InvalidOperationException: it finished first; the next check says how.
      if (failure.awsCode !== 'InvalidOperationException') throw error;
    }
    this.wakeRunner?.();
  }

  private async update(id: string, change: Partial<ExportItem>): Promise<void> {
    this.items = this.items.map((item) => (item.id === id ? { ...item, ...change } : item));
    await this.changed();
  }

  /** Tells watchers and the runner, and saves the queue. */
  private async changed(save = true): Promise<void> {
    this.version++;
    for (const wake of this.waiters) wake();
    this.waiters.clear();
    this.wakeRunner?.();
    // After dispose another queue may own the file (the app restarting): nothing more is written.
    if (save && !this.disposed) await this.options.store.save(this.items).catch((error: unknown) => console.error('[exports] could not save the export queue', error));
  }

  private nextChange(signal: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal.aborted) {
        resolve();
        return;
      }
      const wake = () => {
        signal.removeEventListener('abort', wake);
        this.waiters.delete(wake);
        resolve();
      };
      this.waiters.add(wake);
      signal.addEventListener('abort', wake, { once: true });
    });
  }

  /** Waits `ms` (forever when absent) or until something changes. */
  private pause(ms?: number): Promise<void> {
    return new Promise((resolve) => {
      const timer = ms === undefined ? undefined : setTimeout(done, ms);
      function done(): void {
        if (timer !== undefined) clearTimeout(timer);
        resolve();
      }
      this.wakeRunner = () => {
        this.wakeRunner = undefined;
        done();
      };
    });
  }
}
