/**
 * The app's share of AWS's concurrent-query quota: at most `capacity` queries run at once; the rest wait
 * in order and start as slots free up. (AWS counts every tool's and dashboard's queries; when it refuses
 * a query anyway, run.ts waits and retries.)
 */
export class QuerySlots {
  private running = 0;
  private readonly waiting: Array<{ readonly grant: () => void }> = [];

  constructor(readonly capacity: number) {}

  /** Whether a query asking now would have to wait. */
  get full(): boolean {
    return this.running >= this.capacity;
  }

  get inUse(): number {
    return this.running;
  }

  /** Resolves with the slot's release once one is free; rejects (and leaves the line) when `signal` aborts. */
  acquire(signal: AbortSignal): Promise<() => void> {
    if (signal.aborted) return Promise.reject(signal.reason);
    if (this.running < this.capacity && this.waiting.length === 0) {
      this.running += 1;
      return Promise.resolve(this.releaser());
    }
    return new Promise((resolve, reject) => {
      const entry = {
        grant: () => {
          signal.removeEventListener('abort', onAbort);
          this.running += 1;
          resolve(this.releaser());
        },
      };
      const onAbort = () => {
        const index = this.waiting.indexOf(entry);
        if (index >= 0) this.waiting.splice(index, 1);
        reject(signal.reason);
      };
      signal.addEventListener('abort', onAbort, { once: true });
      this.waiting.push(entry);
    });
  }

  private releaser(): () => void {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      this.running -= 1;
      this.waiting.shift()?.grant();
    };
  }
}
