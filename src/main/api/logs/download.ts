/**
 * `logs.download`: every event of a selection to a local file the user picks. Pieces of the range are
 * fetched in parallel (see download-plan.ts), paced by the scope's FilterLogEvents rate limiter (the
 * 'paced' retry budget: retries go on, as in the background), and written strictly in time order to a
 * temporary file that becomes the chosen file only once every event is in it.
 */
import { CloudWatchLogsClient } from '@aws-sdk/client-cloudwatch-logs';
import { setMaxListeners } from 'node:events';
import type { CloudscopeHandlers, DownloadUpdate, EventSelection, FoundEvent } from '../../../shared/contract';
import type { SaveFormat } from '../../../shared/contract/files';
import { eventFormatter, type Formatter } from '../files/formats';
import { SaveTarget } from '../files/save-target';
import type { ScopedClient, Session } from '../session';
import { sleep } from '../sleep';
import { filterPage, type GroupFilter } from './filter';
import { selectedGroups } from './group-selection';
import { DownloadPlan } from './download-plan';

/** Pages fetched at the same time (the rate limiter decides how many start per second). */
export const DOWNLOAD_PARALLEL_PAGES = 12;
/** Fetched events that may wait for earlier ones before only the earliest pieces are fetched. */
export const DOWNLOAD_BUFFER_EVENTS = 200_000;
/** Events formatted and written at a time. */
const WRITE_BATCH = 20_000;
const PROGRESS_INTERVAL_MS = 250;

export function downloadHandler(session: Session): CloudscopeHandlers['logs']['download'] {
  return async function* download(request, { signal }): AsyncGenerator<DownloadUpdate> {
    const scoped = await session.client(CloudWatchLogsClient, signal, 'paced');
    // A pattern that matches nothing (or too much) is said before the user picks a file.
    const groups = await selectedGroups(scoped, request.selection);
    const path = await session.chooseSaveFile({ suggestedName: request.suggestedName, format: request.format });
    if (path === undefined) {
      yield { type: 'dismissed' };
      return;
    }
    const target = await SaveTarget.open(path);
    const stop = new AbortController();
    let run: Promise<number> | undefined;
    let committed = false;
    try {
      yield { type: 'file', fileName: target.fileName };
      const download = new DownloadRun(scoped, groups, request.selection, request.format, target, AbortSignal.any([scoped.abortSignal, stop.signal]));
      run = download.run();
      let finished = false;
      void run.then(
        () => (finished = true),
        () => (finished = true),
      );
      while (!finished) {
        await Promise.race([run.catch(() => undefined), sleep(PROGRESS_INTERVAL_MS)]);
        if (!finished) yield download.progress();
      }
      const events = await run;
      await target.commit();
      committed = true;
      yield download.progress();
      yield { type: 'done', fileName: target.fileName, events, bytes: target.bytes };
    } finally {
      if (!committed) {
        stop.abort();
        await run?.catch(() => undefined);
        await target.discard();
      }
    }
  };
}

class DownloadRun {
  private written = 0;
  private throttled = 0;
  private readonly started = performance.now();
  private readonly plan: DownloadPlan;
  private readonly filters: readonly GroupFilter[];
  private readonly formatter: Formatter<FoundEvent>;
  private readonly failure = new AbortController();
  private readonly signal: AbortSignal;
  /** Rejects when the download is cancelled or fails, to wake whatever waits. */
  private readonly aborted: Promise<never>;

  constructor(
    private readonly scoped: ScopedClient<CloudWatchLogsClient>,
    groups: readonly string[],
    selection: EventSelection,
    format: SaveFormat,
    private readonly target: SaveTarget,
    signal: AbortSignal,
  ) {
    this.filters = groups.map((logGroupName) => ({
      logGroupName,
      logStreamNames: selection.logStreamNames,
      logStreamNamePrefix: selection.logStreamNamePrefix,
      filterPattern: selection.filterPattern ?? '',
    }));
    this.plan = new DownloadPlan({
      lanes: groups.length,
      startTime: selection.startTime,
      endTime: selection.endTime,
      initialPieces: Math.max(1, Math.ceil(DOWNLOAD_PARALLEL_PAGES / groups.length)),
      bufferLimit: DOWNLOAD_BUFFER_EVENTS,
    });
    this.formatter = eventFormatter(format);
    this.signal = AbortSignal.any([signal, this.failure.signal]);
    // Every page in flight listens to it (the SDK's request and the rate limiter's wait).
    setMaxListeners(4 * DOWNLOAD_PARALLEL_PAGES, this.signal);
    this.aborted = new Promise<never>((_, reject) => {
      const onAbort = () => reject(this.signal.reason);
      if (this.signal.aborted) onAbort();
      else this.signal.addEventListener('abort', onAbort, { once: true });
    });
    this.aborted.catch(() => undefined);
  }

  /** Fetches and writes everything; resolves with the number of events written. */
  async run(): Promise<number> {
    const work = [this.write(), ...Array.from({ length: DOWNLOAD_PARALLEL_PAGES }, () => this.fetch())].map((task) =>
      task.catch((error: unknown) => {
        this.failure.abort(error);
        throw error;
      }),
    );
    const settled = await Promise.allSettled(work);
    const failed = settled.find((result) => result.status === 'rejected');
    if (failed !== undefined) throw failed.reason;
    this.signal.throwIfAborted();
    return this.written;
  }

  progress(): DownloadUpdate {
    const seconds = (performance.now() - this.started) / 1000;
    return {
      type: 'progress',
      events: this.written,
      bytes: this.target.bytes,
      fraction: this.plan.fraction,
      eventsPerSecond: seconds > 0 ? Math.round(this.written / seconds) : 0,
      throttled: this.throttled,
    };
  }

  private changed(): Promise<void> {
    return Promise.race([this.plan.changed(), this.aborted]);
  }

  private async fetch(): Promise<void> {
    const observer = { throttled: () => this.throttled++ };
    while (!this.plan.finished) {
      this.signal.throwIfAborted();
      const piece = this.plan.nextPiece();
      if (piece === undefined) {
        this.plan.requestSplit();
        await this.changed();
        continue;
      }
      const filter = this.filters[piece.lane] as GroupFilter;
      const page = await filterPage(this.scoped, filter, { startTime: piece.from, endTime: piece.to }, piece.nextToken, observer, this.signal);
      this.plan.pageFetched(piece, page.events, page.nextToken);
    }
  }

  private async write(): Promise<void> {
    await this.target.write(this.formatter.header);
    while (!this.plan.finished) {
      this.signal.throwIfAborted();
      const events = this.plan.takeWritable();
      if (events.length === 0) {
        // Taking may itself have finished the plan (the last pieces were empty): then nothing will change.
        if (!this.plan.finished) await this.changed();
        continue;
      }
      for (let start = 0; start < events.length; start += WRITE_BATCH) {
        const batch = events.slice(start, start + WRITE_BATCH);
        await this.target.write(this.formatter.format(batch));
        this.written += batch.length;
      }
    }
  }
}
