/**
 * The events that arrive while a tail is paused, kept in arrival order until the reader resumes. Batches
 * are kept as they came (no copying per event), and the oldest can be dropped when memory runs short.
 */
export class PauseBuffer<E> {
  private batches: (readonly E[])[] = [];
  /** How many events of the first batch were dropped already. */
  private skip = 0;
  private size = 0;

  get count(): number {
    return this.size;
  }

  push(events: readonly E[]): void {
    if (events.length === 0) return;
    this.batches.push(events);
    this.size += events.length;
  }

  /** Forgets the oldest `count` events (or all there are); returns how many were forgotten. */
  dropOldest(count: number): number {
    const dropping = Math.min(Math.max(0, count), this.size);
    let left = dropping;
    while (left > 0) {
      const first = this.batches[0]!;
      const remaining = first.length - this.skip;
      if (remaining <= left) {
        this.batches.shift();
        this.skip = 0;
        left -= remaining;
      } else {
        this.skip += left;
        left = 0;
      }
    }
    this.size -= dropping;
    return dropping;
  }

  /** Every kept event, oldest first, and an empty buffer. */
  takeAll(): E[] {
    const events: E[] = [];
    for (const [index, batch] of this.batches.entries()) {
      for (let i = index === 0 ? this.skip : 0; i < batch.length; i++) events.push(batch[i]!);
    }
    this.batches = [];
    this.skip = 0;
    this.size = 0;
    return events;
  }
}
