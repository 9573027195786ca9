/**
 * How the sandbox runs Insights queries. AWS's limits by default; tests and demos change them through
 * `Sandbox.insights.configure` (e.g. a slow scan rate so that a query is seen Running and can be stopped).
 */
import { INSIGHTS_MAX_CONCURRENT_QUERIES, INSIGHTS_QUERY_TIMEOUT_MS } from '../../../../shared/languages/insights';
import type { AccountStore } from '../../../state';

export interface InsightsSettings {
  /** How long a query stays Scheduled before it runs. */
  readonly scheduledMs: number;
  /** Events a query scans per second at most; Infinity scans as fast as the sandbox can between requests. */
  readonly eventsPerSecond: number;
  /** A query running longer than this ends with status Timeout; AWS: 60 minutes. */
  readonly timeoutMs: number;
  /** Queries Scheduled or Running at once per region before StartQuery answers LimitExceededException; AWS: 30. */
  readonly maxConcurrent: number;
}

export const AWS_INSIGHTS_SETTINGS: InsightsSettings = {
  scheduledMs: 200,
  eventsPerSecond: Number.POSITIVE_INFINITY,
  timeoutMs: INSIGHTS_QUERY_TIMEOUT_MS,
  maxConcurrent: INSIGHTS_MAX_CONCURRENT_QUERIES,
};

export class InsightsSettingsStore {
  private current: InsightsSettings = AWS_INSIGHTS_SETTINGS;

  get settings(): InsightsSettings {
    return this.current;
  }

  configure(settings: Partial<InsightsSettings>): void {
    const next = { ...this.current, ...settings };
    if (!(next.scheduledMs >= 0 && Number.isFinite(next.scheduledMs))) throw new RangeError(`Insights scheduledMs must be 0 or more, got ${next.scheduledMs}`);
    if (!(next.eventsPerSecond > 0)) throw new RangeError(`Insights eventsPerSecond must be positive, got ${next.eventsPerSecond}`);
    if (!(next.timeoutMs > 0)) throw new RangeError(`Insights timeoutMs must be positive, got ${next.timeoutMs}`);
    if (!(Number.isInteger(next.maxConcurrent) && next.maxConcurrent > 0)) throw new RangeError(`Insights maxConcurrent must be a positive whole number, got ${next.maxConcurrent}`);
    this.current = next;
  }
}

export const INSIGHTS_SETTINGS: AccountStore<InsightsSettingsStore> = { create: () => new InsightsSettingsStore() };
