/**
 * AWS's rate quotas belong to the account and region, so when AWS throttles, every panel using that
 * region suffers at once. Throttling errors are collected here, one notice per region naming the APIs
 * and their quotas, and shown once by the app instead of in full in each panel.
 */
import { isApiError } from '../../../shared/errors';

export interface ThrottledOperation {
  readonly operation: string;
  readonly quotaTps?: number;
  readonly times: number;
  readonly lastAt: number;
}

export interface ThrottleNotice {
  readonly region: string;
  readonly quotaUrl?: string;
  /** Most recently throttled first. */
  readonly operations: readonly ThrottledOperation[];
}

type Listener = () => void;

export class ThrottleNotices {
  private notices: ReadonlyMap<string, ThrottleNotice> = new Map();
  private readonly listeners = new Set<Listener>();

  /** Records a throttling error; anything else is ignored. */
  report(error: unknown, now = Date.now()): void {
    if (!isApiError(error) || error.code !== 'Throttled') return;
    const region = error.details?.region;
    const operation = error.details?.operation;
    if (region === undefined || operation === undefined) return;
    const notice = this.notices.get(region);
    const earlier = notice?.operations.find((candidate) => candidate.operation === operation);
    const updated: ThrottledOperation = {
      operation,
      ...(error.details?.quotaTps === undefined ? {} : { quotaTps: error.details.quotaTps }),
      times: (earlier?.times ?? 0) + 1,
      lastAt: now,
    };
    const next = new Map(this.notices);
    next.set(region, {
      region,
      ...((error.details?.quotaUrl ?? notice?.quotaUrl) === undefined ? {} : { quotaUrl: error.details?.quotaUrl ?? notice?.quotaUrl }),
      operations: [updated, ...(notice?.operations.filter((candidate) => candidate !== earlier) ?? [])],
    });
    this.notices = next;
    this.emit();
  }

  dismiss(region: string): void {
    if (!this.notices.has(region)) return;
    const next = new Map(this.notices);
    next.delete(region);
    this.notices = next;
    this.emit();
  }

  /** The notice of a region; the same object until it changes, as `useSyncExternalStore` needs. */
  noticeFor(region: string): ThrottleNotice | undefined {
    return this.notices.get(region);
  }

  subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private emit(): void {
    for (const listener of this.listeners) listener();
  }
}

/** The app's one collection; the query client reports into it. */
export const throttleNotices = new ThrottleNotices();
