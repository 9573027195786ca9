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
    lines += wrap && lineEnd - position > perLine ? wrappedLines(message, position, Math.min(lineEnd, position + perLine * (COLLAPSED_LINES + 1)), perLine) : 1;
    if (newline === -1 || newline === message.length - 1) {
      position = message.length + 1;
      break;
    }
    position = newline + 1;
  }
  const cut = lines > COLLAPSED_LINES || position <= message.length;
  return Math.min(lines, COLLAPSED_LINES) + (cut ? 1 : 0);
}

/**
 * How many screen lines `text[start..end)` takes when wrapped as the message cell wraps it (spaces
 * kept, lines broken after spaces, a word longer than a line broken anywhere), in a monospace font
 * with `perLine` characters a line. Wide characters and markers make real lines a little fuller.
 */
export function wrappedLines(text: string, start: number, end: number, perLine: number): number {
  let lines = 1;
  let column = 0;
  let position = start;
  while (position < end) {
    let wordEnd = position;
    while (wordEnd < end && text.charCodeAt(wordEnd) !== 0x20 && text.charCodeAt(wordEnd) !== 0x09) wordEnd++;
    const word = wordEnd - position;
    if (word > 0) {
      if (column + word <= perLine) {
        column += word;
      } else if (word <= perLine) {
        lines++;
        column = word;
      } else {
        // Too long for any line: it starts on a line of its own and is cut into line-long pieces.
        if (column > 0) lines++;
        lines += Math.floor((word - 1) / perLine);
        column = ((word - 1) % perLine) + 1;
      }
    }
    // Spaces never start a new line: at the end of one they hang past its edge.
    let spaceEnd = wordEnd;
    while (spaceEnd < end && (text.charCodeAt(spaceEnd) === 0x20 || text.charCodeAt(spaceEnd) === 0x09)) spaceEnd++;
    column += spaceEnd - wordEnd;
    position = spaceEnd;
  }
  return lines;
}

export function estimateRowHeight(message: string, wrap: boolean, metrics: RowMetrics): number {
  return collapsedLines(message, metrics.charsPerLine, wrap) * metrics.lineHeight + metrics.chrome;
}
