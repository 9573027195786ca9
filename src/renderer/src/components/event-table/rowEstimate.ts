/**
 * How much of a message a row shows and how tall that makes it, before the row is drawn: a long
 * message is cut to a few lines (so no row is taller than a screen), and the estimate lets the list
 * lay out a window of rows it has not measured yet. Heights are measured once rows are drawn.
 */
import type { MessageLimit } from '../message/messageSegments';

/** A collapsed message shows at most this many lines. */
export const COLLAPSED_LINES = 5;
/** Without wrapping, lines are clipped at the edge; more than this of one is never needed. */
const CLIPPED_LINE_CHARS = 1000;

export interface RowMetrics {
  /** Characters of the monospace font that fit on one line of the message column. */
  readonly charsPerLine: number;
  readonly lineHeight: number;
  /** Padding and borders of a row. */
  readonly chrome: number;
}

/** What a collapsed row may show of a message. */
export function collapsedLimit(charsPerLine: number, wrap: boolean): MessageLimit {
  return { lines: COLLAPSED_LINES, chars: wrap ? COLLAPSED_LINES * Math.max(charsPerLine, 1) : COLLAPSED_LINES * CLIPPED_LINE_CHARS };
}

/**
 * The lines a collapsed row takes for `message`: its text lines (wrapped ones count once per screen
 * line) up to COLLAPSED_LINES, plus one for the "show all" line when it is cut. Reads only as much of
 * the message as can be shown.
 */
export function collapsedLines(message: string, charsPerLine: number, wrap: boolean): number {
  const perLine = Math.max(charsPerLine, 1);
  let lines = 0;
  let position = 0;
  while (position <= message.length && lines < COLLAPSED_LINES) {
    const newline = message.indexOf('\n', position);
    const lineEnd = newline === -1 ? message.length : newline;
    lines += wrap ? Math.max(1, Math.ceil((lineEnd - position) / perLine)) : 1;
    if (newline === -1 || newline === message.length - 1) {
      position = message.length + 1;
      break;
    }
    position = newline + 1;
  }
  const cut = lines > COLLAPSED_LINES || position <= message.length;
  return Math.min(lines, COLLAPSED_LINES) + (cut ? 1 : 0);
}

export function estimateRowHeight(message: string, wrap: boolean, metrics: RowMetrics): number {
  return collapsedLines(message, metrics.charsPerLine, wrap) * metrics.lineHeight + metrics.chrome;
}
