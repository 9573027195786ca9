/**
 * One lookup as the window runs it: the `trail.lookup` stream's updates folded into what the view
 * shows — the events (newest first), what AWS looked up and what main applied, progress, whether the
 * results were cut off — with Load more (from the cursor), Stop, and subscribe/getState for React.
 */
import type { CloudscopeApi, LookupAttribute, LookupUpdate, TrailEvent } from '../../../../shared/contract';
import type { Unsubscribe } from '../../../../shared/rpc';

type LookupCall = CloudscopeApi['trail']['lookup'];
export type LookupRequest = Parameters<LookupCall>[0];

export interface LookupProgress {
  readonly pages: number;
  readonly scanned: number;
  readonly matched: number;
  readonly reachedTime?: number;
  readonly throttled: number;
}

export interface LookupSessionState {
  readonly events: readonly TrailEvent[];
  readonly loading: boolean;
  readonly sent: LookupAttribute | null;
  readonly appliedLocally: readonly LookupAttribute[];
  readonly progress?: LookupProgress;
  /** Why the results stopped short of the range's start; `loadMore` reads on. */
  readonly cutOff?: 'maxEvents' | 'maxPages' | 'stopped';
  readonly error?: unknown;
}

const INITIAL: LookupSessionState = { events: [], loading: false, sent: null, appliedLocally: [] };

export class LookupSession {
  private state: LookupSessionState = INITIAL;
  private cursor: string | undefined;
  private unsubscribe: Unsubscribe | undefined;
  private readonly listeners = new Set<() => void>();
  /** Progress counts of the runs before the current one (Load more adds to them). */
  private before: LookupProgress = { pages: 0, scanned: 0, matched: 0, throttled: 0 };

  constructor(
    private readonly call: LookupCall,
    private readonly request: LookupRequest,
  ) {}

  readonly subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  readonly getState = (): LookupSessionState => this.state;

  start(): void {
    this.run(undefined);
  }

  /** Reads on from where the lookup stopped (cut off, stopped, or failed after some pages); from the start when it failed at once. */
  loadMore(): void {
    if (this.state.loading) return;
    if (this.cursor === undefined && this.state.progress !== undefined) return;
    this.run(this.cursor);
  }

  /** Stops reading; what arrived stays, and Load more reads on from the last whole page. */
  cancel(): void {
    if (!this.state.loading) return;
    this.unsubscribe?.();
    this.unsubscribe = undefined;
    this.update({ loading: false, ...(this.cursor === undefined && this.state.progress === undefined ? {} : { cutOff: 'stopped' as const }) });
  }

  private run(cursor: string | undefined): void {
    this.before = this.state.progress ?? this.before;
    this.update({ loading: true, cutOff: undefined, error: undefined });
    this.unsubscribe = this.call(
      { ...this.request, ...(cursor === undefined ? {} : { cursor }) },
      {
        next: (update) => this.apply(update),
        error: (error) => {
          this.unsubscribe = undefined;
          // Load more (Retry) reads on from the last whole page.
          this.update({ loading: false, error, ...(this.cursor === undefined ? {} : { cutOff: 'stopped' as const }) });
        },
        complete: () => {
          this.unsubscribe = undefined;
          this.update({ loading: false });
        },
      },
    );
  }

  private apply(update: LookupUpdate): void {
    switch (update.type) {
      case 'started':
        this.update({ sent: update.sent, appliedLocally: update.appliedLocally });
        return;
      case 'events':
        this.update({ events: this.state.events.concat(update.events) });
        return;
      case 'progress': {
        this.cursor = update.cursor;
        const before = this.before;
        this.update({
          progress: {
            pages: before.pages + update.pages,
            scanned: before.scanned + update.scanned,
            matched: before.matched + update.matched,
            throttled: before.throttled + update.throttled,
            ...(update.reachedTime === undefined ? {} : { reachedTime: update.reachedTime }),
          },
        });
        return;
      }
      case 'end':
        this.cursor = update.cursor;
        this.update({ cutOff: update.cutOff });
        return;
    }
  }

  private update(change: Partial<LookupSessionState>): void {
    const next = { ...this.state, ...change };
    for (const key of Object.keys(change) as (keyof LookupSessionState)[]) if (change[key] === undefined) delete next[key];
    this.state = next;
    for (const listener of this.listeners) listener();
  }
}
