/**
 * The plan of a download: which time slices of which groups ("lanes") are fetched, in parallel, and
 * which fetched events may be written, strictly in time order.
 *
 * Each lane's range is cut into pieces fetched independently (FilterLogEvents returns a piece's events
 * oldest first, page by page). A lane is complete up to its frontier: the end of its leading finished
 * pieces, or, inside the first unfinished piece, just before the newest millisecond fetched so far
 * (more events of that millisecond may be on the next page). Events up to the lowest frontier of all
 * lanes are written, merged by time (lanes in order within a millisecond).
 *
 * Adaptive slicing: when a fetcher has nothing to do, the piece with the most time left is split at the
 * newest millisecond it has fetched: the piece ends just before it, and the rest of its range becomes
 * two new pieces. The events of that millisecond are dropped and fetched again by the new piece, so
 * nothing is lost or repeated. Pieces that finish early wait in memory, but only up to a bound; past it
 * only each lane's leading piece is fetched, which is what frees the buffer.
 */
import type { FoundEvent } from '../../../shared/contract';

export interface Piece {
  readonly lane: number;
  readonly from: number;
  /** Included; lowered when the piece is split. */
  to: number;
  /** Where its next page starts (absent before the first page). */
  nextToken?: string;
  /** The timestamp of the newest event fetched so far. */
  newest?: number;
  started: boolean;
  inFlight: boolean;
  done: boolean;
  splitWanted: boolean;
  /** Fetched events not yet written, oldest first, from `written` on. */
  events: FoundEvent[];
  written: number;
}

export interface PlanOptions {
  readonly lanes: number;
  /** Both ends included. */
  readonly startTime: number;
  readonly endTime: number;
  /** How many pieces each lane starts with. */
  readonly initialPieces: number;
  /** Fetched events that may wait in memory before only the leading pieces are fetched. */
  readonly bufferLimit: number;
}

export class DownloadPlan {
  private readonly lanes: Piece[][];
  private readonly span: number;
  private bufferedEvents = 0;
  /** Milliseconds of the lanes' ranges whose pieces are finished. */
  private finishedMs = 0;
  private waiters: (() => void)[] = [];

  constructor(private readonly options: PlanOptions) {
    this.span = options.endTime - options.startTime + 1;
    const count = Math.max(1, Math.min(options.initialPieces, this.span));
    this.lanes = Array.from({ length: options.lanes }, (_, lane) =>
      Array.from({ length: count }, (_, index) => {
        const from = options.startTime + Math.floor((this.span * index) / count);
        const to = options.startTime + Math.floor((this.span * (index + 1)) / count) - 1;
        return newPiece(lane, from, to);
      }),
    );
  }

  /** Every event fetched and written. */
  get finished(): boolean {
    return this.lanes.every((pieces) => pieces.length === 0);
  }

  get buffered(): number {
    return this.bufferedEvents;
  }

  /** 0–1: how much of all lanes' ranges has been fetched. */
  get fraction(): number {
    let partial = 0;
    for (const pieces of this.lanes) {
      for (const piece of pieces) {
        if (!piece.done && piece.newest !== undefined) partial += piece.newest - piece.from;
      }
    }
    return Math.min(1, (this.finishedMs + partial) / (this.span * this.lanes.length));
  }

  /** The next piece to fetch a page of (marked in flight), or undefined when none may run now. */
  nextPiece(): Piece | undefined {
    const roomy = this.bufferedEvents < this.options.bufferLimit;
    let best: Piece | undefined;
    for (const pieces of this.lanes) {
      const leading = pieces.find((piece) => !piece.done);
      for (const piece of pieces) {
        if (piece.done || piece.inFlight || !(roomy || piece === leading)) continue;
        if (best === undefined || piece.from < best.from) best = piece;
        break; // a lane's pieces are in time order: its first runnable one is its best
      }
    }
    if (best !== undefined) {
      best.inFlight = true;
      best.started = true;
    }
    return best;
  }

  /**
   * For an idle fetcher: marks the piece with the most time left to be split after its current page.
   * Returns whether one was found.
   */
  requestSplit(): boolean {
    // A piece waiting for its turn (or for room in the buffer) is work already: splitting would not help.
    if (this.lanes.some((pieces) => pieces.some((piece) => !piece.done && !piece.inFlight))) return false;
    let best: Piece | undefined;
    let bestLeft = 0;
    for (const pieces of this.lanes) {
      for (const piece of pieces) {
        if (piece.done || piece.splitWanted || piece.newest === undefined || piece.newest <= piece.from) continue;
        const left = piece.to - piece.newest;
        if (left > bestLeft) {
          best = piece;
          bestLeft = left;
        }
      }
    }
    if (best === undefined) return false;
    best.splitWanted = true;
    return true;
  }

  /** Records a fetched page of a piece (`nextToken` absent: the piece is complete). */
  pageFetched(piece: Piece, events: readonly FoundEvent[], nextToken: string | undefined): void {
    piece.inFlight = false;
    for (const event of events) piece.events.push(event);
    this.bufferedEvents += events.length;
    const last = events[events.length - 1];
    if (last !== undefined) piece.newest = last.timestamp;
    if (nextToken === undefined) {
      this.finish(piece);
    } else if (piece.splitWanted && piece.newest !== undefined && piece.newest > piece.from) {
      this.split(piece, piece.newest);
    } else {
      piece.nextToken = nextToken;
      piece.splitWanted = false;
    }
    this.notify();
  }

  /** The events that can be written now, in order, removed from the plan. */
  takeWritable(): FoundEvent[] {
    const frontier = Math.min(...this.lanes.map((pieces) => laneFrontier(pieces, this.options.endTime)));
    const taken: FoundEvent[] = [];
    let dropped = false;
    for (const pieces of this.lanes) {
      for (const piece of pieces) {
        while (piece.written < piece.events.length) {
          const event = piece.events[piece.written] as FoundEvent;
          if (event.timestamp > frontier) break;
          taken.push(event);
          piece.written++;
        }
        if (!piece.done || piece.written < piece.events.length) break;
      }
      if (this.dropWritten(pieces)) dropped = true;
    }
    this.bufferedEvents -= taken.length;
    if (taken.length > 0 || dropped) this.notify();
    // Stable: each lane's events keep their order, and lanes theirs within a millisecond.
    return this.lanes.length > 1 ? taken.sort((a, b) => a.timestamp - b.timestamp) : taken;
  }

  /** Resolves at the next change (a page fetched, events taken, a piece released). */
  changed(): Promise<void> {
    return new Promise((resolve) => this.waiters.push(resolve));
  }

  private finish(piece: Piece): void {
    piece.done = true;
    piece.splitWanted = false;
    delete piece.nextToken;
    this.finishedMs += piece.to - piece.from + 1;
  }

  /** Ends the piece before millisecond `at`, whose events the new pieces covering [at, to] fetch again. */
  private split(piece: Piece, at: number): void {
    let dropped = 0;
    while (piece.events.length > piece.written && (piece.events[piece.events.length - 1] as FoundEvent).timestamp >= at) {
      piece.events.pop();
      dropped++;
    }
    this.bufferedEvents -= dropped;
    const end = piece.to;
    piece.to = at - 1;
    piece.newest = at - 1;
    this.finish(piece);
    const middle = at + Math.floor((end - at) / 2);
    const rest = middle < end ? [newPiece(piece.lane, at, middle), newPiece(piece.lane, middle + 1, end)] : [newPiece(piece.lane, at, end)];
    const pieces = this.lanes[piece.lane] as Piece[];
    pieces.splice(pieces.indexOf(piece) + 1, 0, ...rest);
  }

  /** Forgets the leading pieces that are finished and written (returns whether any); compacts a partly written one. */
  private dropWritten(pieces: Piece[]): boolean {
    const before = pieces.length;
    while (pieces.length > 0 && pieces[0]?.done && pieces[0].written === pieces[0].events.length) pieces.shift();
    const first = pieces[0];
    if (first !== undefined && first.written > 10_000 && first.written * 2 > first.events.length) {
      first.events = first.events.slice(first.written);
      first.written = 0;
    }
    return pieces.length < before;
  }

  private notify(): void {
    const waiters = this.waiters;
    this.waiters = [];
    for (const wake of waiters) wake();
  }
}

function newPiece(lane: number, from: number, to: number): Piece {
  return { lane, from, to, started: false, inFlight: false, done: false, splitWanted: false, events: [], written: 0 };
}

/** Every event of the lane up to this time has been fetched. */
function laneFrontier(pieces: readonly Piece[], endTime: number): number {
  const open = pieces.find((piece) => !piece.done);
  if (open === undefined) return endTime;
  return open.newest === undefined ? open.from - 1 : open.newest - 1;
}
