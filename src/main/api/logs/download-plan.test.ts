import { describe, expect, it } from 'vitest';
import type { FoundEvent } from '../../../shared/contract';
import { DownloadPlan } from './download-plan';

/** A deterministic random sequence. */
function random(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state * 1_103_515_245 + 12_345) % 2_147_483_648;
    return state / 2_147_483_648;
  };
}

/** Events of one lane, sorted as FilterLogEvents returns them, with bursts and shared milliseconds. */
function laneEvents(lane: number, count: number, span: number, next: () => number): FoundEvent[] {
  const events: FoundEvent[] = [];
  for (let index = 0; index < count; index++) {
    const burst = next() < 0.5;
    const timestamp = burst ? Math.floor(next() * 20) : Math.floor(next() * span);
    events.push({ timestamp, ingestionTime: timestamp, message: `lane ${lane} event ${index}`, logGroupName: `g${lane}`, logStreamName: 's', eventId: `${lane}-${index}` });
  }
  return events.sort((a, b) => a.timestamp - b.timestamp || (a.eventId as string).localeCompare(b.eventId as string));
}

/** FilterLogEvents over [from, to] of sorted events, `pageSize` at a time, the token being the index to go on from. */
function page(events: readonly FoundEvent[], from: number, to: number, token: string | undefined, pageSize: number) {
  let start = token === undefined ? events.findIndex((event) => event.timestamp >= from) : Number(token);
  if (start === -1) start = events.length;
  const inRange: FoundEvent[] = [];
  let index = start;
  while (index < events.length && (events[index] as FoundEvent).timestamp <= to && inRange.length < pageSize) inRange.push(events[index++] as FoundEvent);
  const more = index < events.length && (events[index] as FoundEvent).timestamp <= to;
  return { events: inRange, nextToken: more ? String(index) : undefined };
}

/** Runs a plan with `workers` simulated fetchers whose pages finish in a random order. */
async function runPlan(lanes: FoundEvent[][], options: { span: number; workers: number; pageSize: number; bufferLimit: number; seed: number }) {
  const next = random(options.seed);
  const plan = new DownloadPlan({ lanes: lanes.length, startTime: 0, endTime: options.span - 1, initialPieces: 3, bufferLimit: options.bufferLimit });
  const written: FoundEvent[] = [];
  let maxBuffered = 0;
  const fetcher = async () => {
    while (!plan.finished) {
      const piece = plan.nextPiece();
      if (piece === undefined) {
        plan.requestSplit();
        await plan.changed();
        continue;
      }
      await new Promise((resolve) => setTimeout(resolve, Math.floor(next() * 3)));
      const result = page(lanes[piece.lane] as FoundEvent[], piece.from, piece.to, piece.nextToken, options.pageSize);
      plan.pageFetched(piece, result.events, result.nextToken);
      maxBuffered = Math.max(maxBuffered, plan.buffered);
    }
  };
  const writer = async () => {
    while (!plan.finished) {
      const events = plan.takeWritable();
      if (events.length === 0) await plan.changed();
      else written.push(...events);
    }
  };
  await Promise.all([writer(), ...Array.from({ length: options.workers }, fetcher)]);
  return { written, maxBuffered, fraction: plan.fraction };
}

describe('DownloadPlan', () => {
  it.each([1, 2, 3, 4, 5])('writes every event of every lane once, merged by time (run %i)', async (seed) => {
    const next = random(seed * 7);
    const lanes = [laneEvents(0, 3000, 10_000, next), laneEvents(1, 500, 10_000, next), laneEvents(2, 0, 10_000, next)];
    const { written, fraction } = await runPlan(lanes, { span: 10_000, workers: 6, pageSize: 37, bufferLimit: 100_000, seed });
    expect(written).toHaveLength(3500);
    expect(new Set(written.map((event) => event.eventId)).size).toBe(3500);
    for (let index = 1; index < written.length; index++) {
      const [before, after] = [written[index - 1] as FoundEvent, written[index] as FoundEvent];
      expect(after.timestamp).toBeGreaterThanOrEqual(before.timestamp);
      if (after.timestamp === before.timestamp) expect(after.logGroupName >= before.logGroupName).toBe(true);
    }
    // Each lane's own order (AWS's) is kept.
    for (const [lane, events] of lanes.entries()) {
      expect(written.filter((event) => event.logGroupName === `g${lane}`)).toEqual(events);
    }
    expect(fraction).toBe(1);
  });

  it('splits a dense piece so idle fetchers help, without losing the millisecond it was cut at', async () => {
    // One lane, one piece to start with, every event in one burst: only splits can spread the work.
    const events = laneEvents(0, 2000, 1000, random(11));
    const plan = new DownloadPlan({ lanes: 1, startTime: 0, endTime: 999, initialPieces: 1, bufferLimit: 100_000 });
    const piece = plan.nextPiece();
    if (piece === undefined) throw new Error('no piece');
    const first = page(events, 0, 999, undefined, 100);
    expect(plan.requestSplit()).toBe(false); // nothing fetched yet: no place to cut
    plan.pageFetched(piece, first.events, first.nextToken);
    expect(plan.requestSplit()).toBe(false); // the piece is waiting for its next page: that is work already
    const again = plan.nextPiece();
    expect(again).toBe(piece);
    expect(plan.requestSplit()).toBe(true);
    const second = page(events, 0, 999, piece.nextToken, 100);
    plan.pageFetched(piece, second.events, second.nextToken);
    const cut = (second.events.at(-1) as FoundEvent).timestamp;
    expect(piece).toMatchObject({ done: true, to: cut - 1 });
    const [left, right] = [plan.nextPiece(), plan.nextPiece()];
    expect(left?.from).toBe(cut);
    expect(right?.to).toBe(999);
    expect(left?.to).toBe((right?.from ?? 0) - 1);
  });

  it('keeps at most about the buffer limit in memory by fetching only the leading piece when full', async () => {
    const next = random(5);
    const lanes = [laneEvents(0, 5000, 100_000, next).map((event) => ({ ...event, timestamp: event.timestamp * 7 }))];
    const { written, maxBuffered } = await runPlan(lanes, { span: 700_000, workers: 8, pageSize: 50, bufferLimit: 300, seed: 5 });
    expect(written).toHaveLength(5000);
    // Past the limit, the pages in flight still land, and the leading piece (which frees the buffer) goes on.
    expect(maxBuffered).toBeLessThanOrEqual(300 + (8 + 1) * 50);
  });
});
