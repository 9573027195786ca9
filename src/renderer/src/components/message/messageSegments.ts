/**
 * A log message turned into pieces that can only be shown as text: what was logged, exactly, and
 * nothing that can act on the page or hide or reorder what is around it.
 *
 * - ANSI SGR codes become colours and weights; every other escape is shown (as an ESC marker and the
 *   characters after it), never interpreted.
 * - Control characters, direction overrides and isolates, and invisible characters (zero-width ones,
 *   the byte-order mark, the soft hyphen, tag characters…) become visible markers naming them.
 * - Long runs of combining marks are cut down to a few, with a marker saying how many were left out.
 * - Highlight ranges (offsets in the original message) are applied on top.
 * - A limit of lines and characters keeps a row short; the result says whether it cut anything.
 */
import type { TextSpan } from '../../../../shared/languages/filter-pattern';
import { PLAIN, readCsi, sameStyle, type AnsiStyle } from './ansi';

export type MessageSegment =
  | { readonly kind: 'text'; readonly text: string; readonly style: AnsiStyle; readonly highlight: boolean }
  /** A stand-in for a character that would otherwise be invisible or act on the text around it. */
  | { readonly kind: 'marker'; readonly label: string; readonly title: string; readonly style: AnsiStyle; readonly highlight: boolean };

export interface MessageLimit {
  /** Lines of the message to show at most. */
  readonly lines: number;
  /** Characters (UTF-16 code units) of the message to read at most. */
  readonly chars: number;
}

export interface SegmentedMessage {
  readonly segments: readonly MessageSegment[];
  /** The limit cut the message short. */
  readonly truncated: boolean;
}

/** More combining marks than this on one character are left out (and counted in a marker). */
export const MAX_COMBINING_MARKS = 8;

/** Everything that needs a closer look; the rest is copied through as it is. */
const SPECIAL = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{M}\p{Default_Ignorable_Code_Point}]|\p{Cs}/gu;
/** Combining marks, except the invisible ones (such as the grapheme joiner), which get markers of their own. */
const COMBINING_RUN = /(?:(?!\p{Default_Ignorable_Code_Point})\p{M})+/uy;
const PICTOGRAPH = /^\p{Extended_Pictographic}$/u;

const C0_NAMES = [
  'NUL', 'SOH', 'STX', 'ETX', 'EOT', 'ENQ', 'ACK', 'BEL', 'BS', 'HT', 'LF', 'VT', 'FF', 'CR', 'SO', 'SI',
  'DLE', 'DC1', 'DC2', 'DC3', 'DC4', 'NAK', 'SYN', 'ETB', 'CAN', 'EM', 'SUB', 'ESC', 'FS', 'GS', 'RS', 'US',
];

/** Short labels and names for the format characters people meet in logs; others show their code point. */
const FORMAT_NAMES: Readonly<Record<number, readonly [string, string]>> = {
  0x00ad: ['SHY', 'soft hyphen'],
  0x034f: ['CGJ', 'combining grapheme joiner'],
  0x061c: ['ALM', 'Arabic letter mark'],
  0x180e: ['MVS', 'Mongolian vowel separator'],
  0x200b: ['ZWSP', 'zero-width space'],
  0x200c: ['ZWNJ', 'zero-width non-joiner'],
  0x200d: ['ZWJ', 'zero-width joiner'],
  0x200e: ['LRM', 'left-to-right mark'],
  0x200f: ['RLM', 'right-to-left mark'],
  0x2028: ['LSEP', 'line separator'],
  0x2029: ['PSEP', 'paragraph separator'],
  0x202a: ['LRE', 'left-to-right embedding'],
  0x202b: ['RLE', 'right-to-left embedding'],
  0x202c: ['PDF', 'pop directional formatting'],
  0x202d: ['LRO', 'left-to-right override'],
  0x202e: ['RLO', 'right-to-left override'],
  0x2060: ['WJ', 'word joiner'],
  0x2061: ['FA', 'invisible function application'],
  0x2062: ['IT', 'invisible times'],
  0x2063: ['IS', 'invisible separator'],
  0x2064: ['IP', 'invisible plus'],
  0x2066: ['LRI', 'left-to-right isolate'],
  0x2067: ['RLI', 'right-to-left isolate'],
  0x2068: ['FSI', 'first strong isolate'],
  0x2069: ['PDI', 'pop directional isolate'],
  0xfeff: ['BOM', 'zero-width no-break space (byte-order mark)'],
};

/** Emoji presentation selectors belong to the emoji before them and are shown as part of it. */
const EMOJI_VARIATION_SELECTORS = new Set([0xfe0e, 0xfe0f]);

export interface SegmentOptions {
  readonly highlights?: readonly TextSpan[];
  readonly limit?: MessageLimit;
}

export function segmentMessage(message: string, { highlights = [], limit }: SegmentOptions = {}): SegmentedMessage {
  const out = new SegmentBuilder(highlights);
  const maxChars = Math.min(message.length, limit?.chars ?? Infinity);
  const maxLines = limit?.lines ?? Infinity;
  let style = PLAIN;
  let lines = 1;
  let position = 0;
  SPECIAL.lastIndex = 0;

  while (position < maxChars) {
    SPECIAL.lastIndex = position;
    const found = SPECIAL.exec(message);
    const next = found === null ? maxChars : Math.min(found.index, maxChars);
    if (next > position) out.text(message, position, endOnWholeCharacter(message, next), style);
    position = endOnWholeCharacter(message, next);
    if (found === null || found.index >= maxChars) break;

    const ch = found[0];
    const code = ch.codePointAt(0)!;
    if (ch === '\n') {
      if (lines >= maxLines) return { segments: out.segments, truncated: position + 1 < message.length };
      lines++;
      out.text(message, position, position + 1, style);
      position++;
    } else if (ch === '\t') {
      out.text(message, position, position + 1, style);
      position++;
    } else if (ch === '\r' && message.charAt(position + 1) === '\n') {
      // A Windows line ending: the line break says it all.
      position++;
    } else if (code === 0x1b) {
      const sequence = readCsi(message, position, style);
      if (sequence?.style !== undefined) {
        style = sequence.style;
        position += sequence.length;
      } else {
        out.marker('ESC', 'escape character (U+001B); the sequence after it is shown, not applied', position, style);
        position++;
      }
    } else if (/\p{Cc}/u.test(ch)) {
      out.marker(controlLabel(code), `control character ${codePoint(code)}`, position, style);
      position++;
    } else if (isShownAsIs(message, position, code)) {
      out.text(message, position, position + ch.length, style);
      position += ch.length;
    } else if (/\p{M}/u.test(ch) && !/\p{Default_Ignorable_Code_Point}/u.test(ch)) {
      position = combiningRun(message, position, maxChars, style, out);
    } else {
      const [label, name] = FORMAT_NAMES[code] ?? [codePoint(code), describeUnnamed(ch)];
      out.marker(label, `${name} (${codePoint(code)})`, position, style);
      position += ch.length;
    }
  }
  return { segments: out.segments, truncated: position < message.length };
}

/** A character from SPECIAL that is still shown as itself. */
function isShownAsIs(message: string, position: number, code: number): boolean {
  if (EMOJI_VARIATION_SELECTORS.has(code)) return true;
  // A joiner between two pictographs makes one emoji (👩‍💻) and hides nothing.
  if (code === 0x200d) return isPictograph(codePointBefore(message, position)) && isPictograph(message.codePointAt(position + 1));
  return false;
}

/** Shows up to MAX_COMBINING_MARKS marks of the run at `position`, and a marker counting the rest. */
function combiningRun(message: string, position: number, maxChars: number, style: AnsiStyle, out: SegmentBuilder): number {
  COMBINING_RUN.lastIndex = position;
  const run = COMBINING_RUN.exec(message)![0];
  const marks = [...run];
  const end = Math.min(position + run.length, maxChars);
  if (marks.length <= MAX_COMBINING_MARKS) {
    out.text(message, position, endOnWholeCharacter(message, end), style);
    return endOnWholeCharacter(message, end);
  }
  const shownLength = marks.slice(0, MAX_COMBINING_MARKS).join('').length;
  out.text(message, position, position + shownLength, style);
  const hidden = marks.length - MAX_COMBINING_MARKS;
  out.marker(`+${hidden}`, `${hidden} more combining marks on this character, left out`, position + shownLength, style);
  return position + run.length;
}

function controlLabel(code: number): string {
  if (code < 0x20) return C0_NAMES[code]!;
  if (code === 0x7f) return 'DEL';
  return codePoint(code);
}

function describeUnnamed(ch: string): string {
  if (/\p{Cs}/u.test(ch)) return 'unpaired surrogate, not a character';
  if (/\p{Default_Ignorable_Code_Point}/u.test(ch)) return 'invisible character';
  return 'format character';
}

function codePoint(code: number): string {
  return `U+${code.toString(16).toUpperCase().padStart(4, '0')}`;
}

function codePointBefore(text: string, position: number): number | undefined {
  if (position === 0) return undefined;
  const low = text.charCodeAt(position - 1);
  if (low >= 0xdc00 && low <= 0xdfff && position >= 2) return text.codePointAt(position - 2);
  return low;
}

function isPictograph(code: number | undefined): boolean {
  return code !== undefined && PICTOGRAPH.test(String.fromCodePoint(code));
}

/** Moves a cut that would fall between the two halves of a surrogate pair to before the pair. */
function endOnWholeCharacter(text: string, end: number): number {
  if (end <= 0 || end >= text.length) return end;
  const before = text.charCodeAt(end - 1);
  const after = text.charCodeAt(end);
  return before >= 0xd800 && before <= 0xdbff && after >= 0xdc00 && after <= 0xdfff ? end - 1 : end;
}

/** Collects segments, splitting text where highlights start and end, joining neighbours that look the same. */
class SegmentBuilder {
  readonly segments: MessageSegment[] = [];
  private next = 0;

  constructor(private readonly highlights: readonly TextSpan[]) {}

  text(message: string, from: number, to: number, style: AnsiStyle): void {
    let at = from;
    while (at < to) {
      const { highlight, until } = this.highlightAt(at);
      const end = Math.min(to, until);
      this.push({ kind: 'text', text: message.slice(at, end), style, highlight });
      at = end;
    }
  }

  marker(label: string, title: string, at: number, style: AnsiStyle): void {
    this.segments.push({ kind: 'marker', label, title, style, highlight: this.highlightAt(at).highlight });
  }

  /** Whether `at` is highlighted, and up to where that stays so. Positions only move forward. */
  private highlightAt(at: number): { highlight: boolean; until: number } {
    while (this.next < this.highlights.length && this.highlights[this.next]!.end <= at) this.next++;
    const span = this.highlights[this.next];
    if (span === undefined) return { highlight: false, until: Infinity };
    if (at < span.start) return { highlight: false, until: span.start };
    return { highlight: true, until: span.end };
  }

  private push(segment: Extract<MessageSegment, { kind: 'text' }>): void {
    const last = this.segments[this.segments.length - 1];
    if (last?.kind === 'text' && last.highlight === segment.highlight && sameStyle(last.style, segment.style)) {
      this.segments[this.segments.length - 1] = { ...last, text: last.text + segment.text };
    } else {
      this.segments.push(segment);
    }
  }
}

/** The size of a message in UTF-8 bytes (how CloudWatch counts it) and its number of lines. */
export function messageStats(message: string): { bytes: number; lines: number } {
  let bytes = 0;
  let lines = 1;
  for (let i = 0; i < message.length; i++) {
    const code = message.charCodeAt(i);
    if (code === 0x0a) lines++;
    if (code < 0x80) bytes += 1;
    else if (code < 0x800) bytes += 2;
    else if (code >= 0xd800 && code <= 0xdbff && i + 1 < message.length && (message.charCodeAt(i + 1) & 0xfc00) === 0xdc00) {
      bytes += 4;
      i++;
    } else bytes += 3;
  }
  return { bytes, lines };
}
