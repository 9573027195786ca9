/**
 * One region's CloudTrail: its event history (the seed's, made when first looked up, and every write
 * recorded since) and the trails it shows.
 */
import type { RegionalStore } from '../../state';
import type { SeedTrail } from '../../seed/types';
import { trailEvent, type TrailEvent } from './events';

export type StoredTrail = SeedTrail;

export class TrailStore {
  private pendingHistory: (() => readonly TrailEvent[]) | undefined;
  /** Oldest first; among events of one millisecond, in the order they were recorded. */
  private events: TrailEvent[] = [];
  private readonly trailList: StoredTrail[] = [];

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  get trails(): readonly StoredTrail[] {
    return this.trailList;
  }

  /** Every event, oldest first. */
  all(): readonly TrailEvent[] {
    if (this.pendingHistory !== undefined) {
      const history = this.pendingHistory();
      this.pendingHistory = undefined;
      // History comes before anything recorded since the sandbox started.
      this.events = [...history, ...this.events];
      if (!isSorted(this.events)) this.events.sort((a, b) => a.time - b.time);
    }
    return this.events;
  }

  record(event: TrailEvent): void {
    const last = this.events.at(-1);
    this.events.push(event);
    if (last !== undefined && last.time > event.time) this.events.sort((a, b) => a.time - b.time);
  }

  addHistory(history: () => readonly TrailEvent[]): void {
    const earlier = this.pendingHistory;
    this.pendingHistory = earlier === undefined ? history : () => [...earlier(), ...history()].sort((a, b) => a.time - b.time);
  }

  addTrail(trail: StoredTrail): void {
    if (!this.trailList.some((existing) => existing.name === trail.name && existing.homeRegion === trail.homeRegion)) this.trailList.push(trail);
  }
}

function isSorted(events: readonly TrailEvent[]): boolean {
  for (let index = 1; index < events.length; index++) if ((events[index - 1] as TrailEvent).time > (events[index] as TrailEvent).time) return false;
  return true;
}

export const TRAIL_STORE: RegionalStore<TrailStore> = {
  create: (accountId, region) => new TrailStore(accountId, region),
  seed(store, data) {
    const seeded = data.cloudTrail;
    if (seeded === undefined) return;
    store.addHistory(() => seeded.events().map((event) => trailEvent(event.time, event.record, event.resources)));
    for (const trail of seeded.trails) store.addTrail(trail);
  },
};
