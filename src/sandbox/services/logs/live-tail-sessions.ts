/**
 * The account's live tail sessions: how many are open in each region (AWS's concurrent-session quota
 * counts per account and region), and the settings new sessions get. Tests shorten `sessionMs` to see a
 * session time out in a second (`Sandbox.liveTail.configure`).
 */
import {
  LIVE_TAIL_MAX_CONCURRENT_SESSIONS,
  LIVE_TAIL_SESSION_MS,
  LIVE_TAIL_UPDATE_INTERVAL_MS,
} from '../../../shared/contract/logs-rules';
import type { AccountStore } from '../../state';

export interface LiveTailSettings {
  /** How long a session lasts before it ends with a SessionTimeoutException; AWS: three hours. */
  readonly sessionMs: number;
  /** Time between two session updates; AWS: one second. */
  readonly updateIntervalMs: number;
  /** Sessions open at once per region before StartLiveTail answers LimitExceededException; AWS: 15. */
  readonly maxSessions: number;
}

export const AWS_LIVE_TAIL_SETTINGS: LiveTailSettings = {
  sessionMs: LIVE_TAIL_SESSION_MS,
  updateIntervalMs: LIVE_TAIL_UPDATE_INTERVAL_MS,
  maxSessions: LIVE_TAIL_MAX_CONCURRENT_SESSIONS,
};

export class LiveTailSessions {
  private current: LiveTailSettings = AWS_LIVE_TAIL_SETTINGS;
  private readonly open = new Map<string, number>();

  get settings(): LiveTailSettings {
    return this.current;
  }

  /** Changes the settings of sessions started from now on. */
  configure(settings: Partial<LiveTailSettings>): void {
    const next = { ...this.current, ...settings };
    for (const [name, value] of Object.entries(next)) {
      if (!(Number.isFinite(value) && value > 0)) throw new RangeError(`Live tail ${name} must be a positive number, got ${value}`);
    }
    if (!Number.isInteger(next.maxSessions)) throw new RangeError(`Live tail maxSessions must be a whole number, got ${next.maxSessions}`);
    this.current = next;
  }

  /** Sessions open now in a region, or in every region. */
  openIn(region?: string): number {
    if (region !== undefined) return this.open.get(region) ?? 0;
    let total = 0;
    for (const count of this.open.values()) total += count;
    return total;
  }

  /** Counts a session as open in a region until the returned function is called (once). */
  begin(region: string): () => void {
    this.open.set(region, this.openIn(region) + 1);
    let ended = false;
    return () => {
      if (ended) return;
      ended = true;
      this.open.set(region, this.openIn(region) - 1);
    };
  }
}

export const LIVE_TAIL_SESSIONS: AccountStore<LiveTailSessions> = { create: () => new LiveTailSessions() };
