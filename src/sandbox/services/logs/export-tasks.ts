/**
 * CloudWatch Logs export tasks of one region, and the work that runs them between requests. A task is
 * PENDING for a moment of the sandbox clock, then RUNNING while its events are written to S3 a part at a
 * time (gzip, `<prefix>/<taskId>/<stream>/000000.gz`, one `<ISO time> <message>` line per event), then
 * COMPLETED; or CANCELLED (through PENDING_CANCEL while a part is being written), or FAILED when the
 * bucket goes away under it. The work yields between parts, so the sandbox keeps answering meanwhile.
 */
import { promisify } from 'node:util';
import { constants, gzip } from 'node:zlib';
import { exportLine, exportObjectKey } from '../../../shared/exports/export-keys';
import type { RegionalStore } from '../../state';
import type { S3Store } from '../s3/store';
import type { LogGroup } from './store';
import type { StoredEvent, StreamEvents } from './stream-events';

const gzipAsync = promisify(gzip);

export type ExportStatusCode = 'PENDING' | 'RUNNING' | 'COMPLETED' | 'FAILED' | 'CANCELLED' | 'PENDING_CANCEL';

export const EXPORT_STATUS_CODES: readonly ExportStatusCode[] = ['CANCELLED', 'COMPLETED', 'FAILED', 'PENDING', 'PENDING_CANCEL', 'RUNNING'];

/** How long a new task waits before it starts, in sandbox-clock milliseconds (AWS queues tasks for a while too). */
export const EXPORT_PENDING_MS = 500;
/** Uncompressed bytes per exported object: a stream with more events is split into numbered parts. */
export const EXPORT_PART_BYTES = 16 * 1024 * 1024;
/** How often a task waiting for the sandbox clock looks at it again, in real milliseconds. */
const CLOCK_POLL_MS = 25;

export interface ExportTask {
  readonly taskId: string;
  readonly taskName?: string;
  readonly logGroupName: string;
  readonly logStreamNamePrefix?: string;
  readonly from: number;
  readonly to: number;
  readonly destination: string;
  readonly destinationPrefix: string;
  readonly creationTime: number;
  status: ExportStatusCode;
  message: string;
  completionTime?: number;
  cancelRequested: boolean;
  /** Events written so far (not part of AWS's answer). */
  eventsExported: number;
}

/** What a task's work needs: the clock, the group, and the account's buckets. */
export interface ExportWork {
  readonly clock: () => number;
  readonly group: LogGroup;
  readonly s3: S3Store;
}

export const STATUS_MESSAGES: Readonly<Record<ExportStatusCode, string>> = {
  PENDING: 'Pending',
  RUNNING: 'Started successfully',
  COMPLETED: 'Completed successfully',
  CANCELLED: 'Cancelled by user',
  PENDING_CANCEL: 'Cancellation requested',
  FAILED: 'Failed',
};

export class ExportTasks {
  /** In creation order. */
  private readonly tasks: ExportTask[] = [];
  private readonly running = new Set<Promise<void>>();

  all(): readonly ExportTask[] {
    return this.tasks;
  }

  task(taskId: string): ExportTask | undefined {
    return this.tasks.find((task) => task.taskId === taskId);
  }

  /** The task that is PENDING, RUNNING or being cancelled, if any: an account runs one at a time. */
  active(): ExportTask | undefined {
    return this.tasks.find((task) => isActive(task.status));
  }

  /** Records a new task and starts its work. */
  start(task: ExportTask, work: ExportWork): void {
    this.tasks.push(task);
    const run = runTask(task, work).catch((error: unknown) => {
      console.error(`[sandbox] export task ${task.taskId} failed`, error);
      finish(task, 'FAILED', work.clock(), error instanceof Error ? error.message : String(error));
    });
    this.running.add(run);
    void run.finally(() => this.running.delete(run));
  }

  /** Resolves when every task's work has ended (for tests and benchmarks). */
  async settled(): Promise<void> {
    while (this.running.size > 0) await Promise.all([...this.running]);
  }
}

export function isActive(status: ExportStatusCode): boolean {
  return status === 'PENDING' || status === 'RUNNING' || status === 'PENDING_CANCEL';
}

async function runTask(task: ExportTask, work: ExportWork): Promise<void> {
  while (work.clock() < task.creationTime + EXPORT_PENDING_MS) {
    if (task.cancelRequested) return finish(task, 'CANCELLED', work.clock());
    await delay(CLOCK_POLL_MS);
  }
  if (task.cancelRequested) return finish(task, 'CANCELLED', work.clock());
  setStatus(task, 'RUNNING');
  const streams = work.group
    .streamNames()
    .filter((name) => task.logStreamNamePrefix === undefined || name.startsWith(task.logStreamNamePrefix));
  // Parts are compressed on libuv's thread pool; a few at a time keep every core busy.
  const inFlight = new Set<Promise<void>>();
  for (const streamName of streams) {
    const stream = work.group.stream(streamName);
    if (stream === undefined) continue;
    for (const part of partsOf(stream.events, task.from, task.to)) {
      if (task.cancelRequested) {
        await Promise.all(inFlight);
        return finish(task, 'CANCELLED', work.clock());
      }
      const write = writePart(task, work, streamName, part).finally(() => inFlight.delete(write));
      inFlight.add(write);
      if (inFlight.size >= PARALLEL_PARTS) await Promise.race(inFlight);
      // Let requests in between parts.
      else await new Promise((resolve) => setImmediate(resolve));
    }
  }
  await Promise.all(inFlight);
  if (task.cancelRequested) return finish(task, 'CANCELLED', work.clock());
  finish(task, 'COMPLETED', work.clock());
}

const PARALLEL_PARTS = 4;

interface Part {
  readonly index: number;
  readonly bytes: Buffer;
  readonly events: number;
}

/** `2025-01-15T12:00:00.000Z ` and the line break: what a line adds to its message. */
const LINE_OVERHEAD_BYTES = 26;

/**
 * A stream's events in [from, to] as numbered parts of lines, each at most `EXPORT_PART_BYTES` (but at
 * least one event). Each part's buffer is sized to its lines (a stream of one event gets a few bytes, not
 * a whole part), and lines are written straight into it: no intermediate strings.
 */
function* partsOf(events: StreamEvents, from: number, to: number): Generator<Part> {
  const end = events.indexOfTime(to + 1);
  let index = events.indexOfTime(from);
  let part = 0;
  const time = new TimeWriter();
  while (index < end) {
    let last = index;
    let bytes = 0;
    while (last < end) {
      // Measured, not the stored size: a part must hold every byte it is given.
      const need = Buffer.byteLength((events.at(last) as StoredEvent).message, 'utf8') + LINE_OVERHEAD_BYTES;
      if (last > index && bytes + need > EXPORT_PART_BYTES) break;
      bytes += need;
      last++;
    }
    const buffer = Buffer.allocUnsafe(bytes);
    let offset = 0;
    for (let at = index; at < last; at++) {
      const event = events.at(at) as StoredEvent;
      offset = time.write(buffer, offset, event.timestamp);
      offset += buffer.write(event.message, offset, 'utf8');
      buffer[offset++] = NEWLINE;
    }
    yield { index: part++, bytes: buffer.subarray(0, offset), events: last - index };
    index = last;
  }
}

const NEWLINE = 0x0a;
const DIGIT_ZERO = 0x30;

/** Writes `<ISO-8601 time> `; the date and time up to the second are formatted once per second. */
class TimeWriter {
  private second = Number.NaN;
  private readonly head = Buffer.alloc(20);

  write(buffer: Buffer, offset: number, timestamp: number): number {
    const second = Math.floor(timestamp / 1000);
    if (second !== this.second) {
      this.second = second;
      // `2025-01-15T12:00:00.`
      this.head.write(exportLine(second * 1000, '').slice(0, 20), 'latin1');
    }
    this.head.copy(buffer, offset);
    const millis = timestamp - second * 1000;
    buffer[offset + 20] = DIGIT_ZERO + Math.floor(millis / 100);
    buffer[offset + 21] = DIGIT_ZERO + (Math.floor(millis / 10) % 10);
    buffer[offset + 22] = DIGIT_ZERO + (millis % 10);
    buffer[offset + 23] = 0x5a; // Z
    buffer[offset + 24] = 0x20; // space
    return offset + 25;
  }
}

async function writePart(task: ExportTask, work: ExportWork, streamName: string, part: Part): Promise<void> {
  const body = await gzipAsync(part.bytes, { level: constants.Z_BEST_SPEED });
  const bucket = work.s3.bucket(task.destination);
  if (bucket === undefined) {
    task.cancelRequested = true;
    return finish(task, 'FAILED', work.clock(), 'The given bucket does not exist. Please make sure the bucket is valid.');
  }
  bucket.put(exportObjectKey(task.destinationPrefix, task.taskId, streamName, part.index), { body, contentType: 'application/octet-stream' }, work.clock());
  task.eventsExported += part.events;
}

function setStatus(task: ExportTask, status: ExportStatusCode, message = STATUS_MESSAGES[status]): void {
  task.status = status;
  task.message = message;
}

function finish(task: ExportTask, status: 'COMPLETED' | 'FAILED' | 'CANCELLED', now: number, message?: string): void {
  if (!isActive(task.status)) return;
  setStatus(task, status, message);
  task.completionTime = now;
}

function delay(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Each region's export tasks. */
export const EXPORT_TASKS: RegionalStore<ExportTasks> = {
  create: () => new ExportTasks(),
};
