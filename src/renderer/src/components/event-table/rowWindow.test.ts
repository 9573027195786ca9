import { describe, expect, it } from 'vitest';
import { nextWindow, type RowWindow, type WindowInput } from './rowWindow';

const SIZE = 1000;
const MARGIN = 100;

function next(input: Partial<WindowInput> & { count: number }): RowWindow {
  return nextWindow({ previous: undefined, touchedStart: false, touchedEnd: false, visible: undefined, ...input }, SIZE, MARGIN);
}

describe('nextWindow', () => {
  it('holds every row of a view that fits', () => {
    expect(next({ count: 0 })).toEqual({ start: 0, end: 0 });
    expect(next({ count: 1000 })).toEqual({ start: 0, end: 1000 });
  });

  it('starts at the newest rows of a big view', () => {
    expect(next({ count: 5000 })).toEqual({ start: 4000, end: 5000 });
  });

  it('stays put while the reader is away from its edges', () => {
    const previous = { start: 2000, end: 3000 };
    expect(next({ count: 10_000, previous, visible: { first: 2400, last: 2450 } })).toEqual(previous);
  });

  it('moves down as the reader nears its lower edge, keeping the rows on screen', () => {
    const moved = next({ count: 10_000, previous: { start: 2000, end: 3000 }, visible: { first: 2880, last: 2920 } });
    expect(moved.end - moved.start).toBe(SIZE);
    expect(moved.start).toBeLessThanOrEqual(2880 - MARGIN);
    expect(moved.end).toBeGreaterThan(2920 + MARGIN);
  });

  it('moves up as the reader nears its upper edge', () => {
    const moved = next({ count: 10_000, previous: { start: 2000, end: 3000 }, visible: { first: 2050, last: 2090 } });
    expect(moved.end - moved.start).toBe(SIZE);
    expect(moved.start).toBeLessThan(2050 - MARGIN);
    expect(moved.end).toBeGreaterThan(2090);
  });

  it('does not move past the ends of the view', () => {
    expect(next({ count: 10_000, previous: { start: 0, end: 1000 }, visible: { first: 10, last: 40 } })).toEqual({ start: 0, end: 1000 });
    expect(next({ count: 10_000, previous: { start: 9000, end: 10_000 }, visible: { first: 9960, last: 9990 } })).toEqual({ start: 9000, end: 10_000 });
  });

  it('takes in older rows prepended above a window at the top, giving up rows far below the reader', () => {
    // 500 older rows arrived; the old rows 0–999 are now 500–1499 and the reader is at the top.
    const grown = next({ count: 10_500, previous: { start: 500, end: 1500 }, touchedStart: true, visible: { first: 510, last: 540 } });
    expect(grown).toEqual({ start: 0, end: 1000 });
  });

  it('takes in newer rows appended below a window at the bottom, giving up rows far above', () => {
    const grown = next({ count: 10_200, previous: { start: 9000, end: 10_000 }, touchedEnd: true, visible: { first: 9950, last: 9999 } });
    expect(grown).toEqual({ start: 9200, end: 10_200 });
  });

  it('leaves a window that did not touch an edge as it was when rows are added there', () => {
    const previous = { start: 3000, end: 4000 };
    expect(next({ count: 20_000, previous, visible: { first: 3500, last: 3520 } })).toEqual(previous);
  });

  it('jumps to a row asked for outside the window', () => {
    expect(next({ count: 10_000, previous: { start: 0, end: 1000 }, visible: { first: 0, last: 30 }, target: 7000 })).toEqual({
      start: 6500,
      end: 7500,
    });
    expect(next({ count: 10_000, previous: { start: 0, end: 1000 }, target: 9999 })).toEqual({ start: 9000, end: 10_000 });
  });

  it('keeps still while scrolling to a row it holds, whatever the rows on screen', () => {
    // The reader is leaving the top of the window for its last row: no move up.
    expect(next({ count: 10_000, previous: { start: 3000, end: 4000 }, visible: { first: 3000, last: 3030 }, target: 3999 })).toEqual({
      start: 3000,
      end: 4000,
    });
  });

  it('follows the reader when the rows on screen are outside the window', () => {
    expect(next({ count: 10_000, previous: { start: 0, end: 1000 }, visible: { first: 5000, last: 5030 } })).toEqual({ start: 4500, end: 5500 });
  });
});
