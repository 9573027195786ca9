/**
 * The part of a typed text around a mistake, to show under the field with the mistake marked: long
 * texts are cut to a window around it so the mark is always in view.
 */
export interface MistakeExcerpt {
  readonly before: string;
  /** The text of the mistake; empty when it is a missing piece at `before`'s end. */
  readonly mistake: string;
  readonly after: string;
  /** Text was left out before `before` or after `after`. */
  readonly cutStart: boolean;
  readonly cutEnd: boolean;
}

export function mistakeExcerpt(text: string, position: number, length: number, width = 64): MistakeExcerpt {
  const start = Math.min(Math.max(position, 0), text.length);
  const end = Math.min(start + Math.max(length, 0), text.length);
  const room = Math.max(width - (end - start), 8);
  const from = Math.max(0, Math.min(start - Math.floor(room / 2), text.length - width));
  const to = Math.min(text.length, Math.max(end + Math.ceil(room / 2), from + width));
  return {
    before: text.slice(from, start),
    mistake: text.slice(start, end),
    after: text.slice(end, to),
    cutStart: from > 0,
    cutEnd: to < text.length,
  };
}
