/**
 * One Insights query from StartQuery to its end: Scheduled for a moment, then Running in slices between
 * the sandbox's requests (so it stays responsive and statistics grow as AWS's do), then Complete — or
 * Cancelled by StopQuery, Failed by an error, Timeout after the time limit.
 */
import type { CompiledQuery, QueryExecution } from './compile-query';
import { formatRows, type ResultField } from './results';
import type { QueryScan } from './scan';
import type { InsightsSettings } from './settings';

export type QueryStatus = 'Scheduled' | 'Running' | 'Complete' | 'Failed' | 'Cancelled' | 'Timeout';

export interface QueryInfo {
  readonly id: string;
  readonly queryString: string;
  readonly groupNames: readonly string[];
  /** Sandbox clock, epoch milliseconds. */
  readonly createTime: number;
  readonly userIdentity: string;
}

export interface QueryStatistics {
  readonly recordsMatched: number;
  readonly recordsScanned: number;
  readonly bytesScanned: number;
  readonly logGroupsScanned: number;
}

/**
 * Time one slice may take when scanning as fast as possible. A request needs a few turns of the event loop,
 * each waiting for one slice: at 4 ms other requests take about 12 ms during a query, and the scan rate
 * is the same as with longer slices.
 */
const SLICE_MS = 4;
/** Events between two looks at the clock within a slice. */
const CHUNK = 4096;
/** Time between slices when the scan rate is limited. */
const PACED_TICK_MS = 50;

export class QueryRun {
  status: QueryStatus = 'Scheduled';
  private timer: { cancel(): void } | undefined;
  /** Once the query has ended: its rows and statistics, kept while the engine's state is let go. */
  private final: { readonly rows: ResultField[][]; readonly statistics: QueryStatistics } | undefined;
  private runningSince: number | undefined;
  private endedAt: number | undefined;

  constructor(
    readonly info: QueryInfo,
    private readonly compiled: CompiledQuery,
    private execution: QueryExecution | undefined,
    private scan: QueryScan | undefined,
    private readonly settings: InsightsSettings,
  ) {}

  get active(): boolean {
    return this.status === 'Scheduled' || this.status === 'Running';
  }

  begin(): void {
    this.later(this.settings.scheduledMs, () => {
      this.status = 'Running';
      this.runningSince = performance.now();
      this.slice();
    });
  }

  /** StopQuery: true when the query was still running. */
  stop(): boolean {
    if (!this.active) return false;
    this.finish('Cancelled');
    return true;
  }

  results(): ResultField[][] {
    return this.final?.rows ?? this.currentRows();
  }

  statistics(): QueryStatistics {
    return this.final?.statistics ?? this.currentStatistics();
  }

  private currentRows(): ResultField[][] {
    return this.execution === undefined ? [] : formatRows(this.execution.results(), this.compiled);
  }

  private currentStatistics(): QueryStatistics {
    return {
      recordsMatched: this.execution?.matched ?? 0,
      recordsScanned: this.scan?.scanned ?? 0,
      bytesScanned: this.scan?.bytes ?? 0,
      logGroupsScanned: this.info.groupNames.length,
    };
  }

  /** How long the query has run (or ran), in milliseconds. */
  get durationMs(): number {
    if (this.runningSince === undefined) return 0;
    return Math.round((this.endedAt ?? performance.now()) - this.runningSince);
  }

  private slice(): void {
    this.timer = undefined;
    if (this.status !== 'Running') return;
    if (performance.now() - (this.runningSince as number) > this.settings.timeoutMs) return this.finish('Timeout');
    const { scan, execution } = this;
    // Both are there until the query ends, and a slice runs only before then.
    if (scan === undefined || execution === undefined) return;
    try {
      const paced = Number.isFinite(this.settings.eventsPerSecond);
      let done: boolean;
      if (paced) {
        done = scan.step(execution, Math.max(1, Math.round((this.settings.eventsPerSecond * PACED_TICK_MS) / 1000)));
      } else {
        const until = performance.now() + SLICE_MS;
        do done = scan.step(execution, CHUNK);
        while (!done && performance.now() < until);
      }
      if (done) return this.finish('Complete');
      this.later(paced ? PACED_TICK_MS : 0, () => this.slice());
    } catch {
      this.finish('Failed');
    }
  }

  private finish(status: QueryStatus): void {
    this.timer?.cancel();
    this.timer = undefined;
    this.endedAt = performance.now();
    let rows: ResultField[][] = [];
    if (status !== 'Failed') {
      try {
        rows = this.currentRows();
      } catch {
        status = 'Failed';
      }
    }
    this.final = { rows, statistics: this.currentStatistics() };
    this.execution = undefined;
    this.scan = undefined;
    this.status = status;
  }

  private later(ms: number, action: () => void): void {
    if (ms <= 0) {
      const handle = setImmediate(action);
      this.timer = { cancel: () => clearImmediate(handle) };
    } else {
      const handle = setTimeout(action, ms);
      handle.unref();
      this.timer = { cancel: () => clearTimeout(handle) };
    }
  }
}
