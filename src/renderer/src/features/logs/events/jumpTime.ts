/**
 * The time a reader types to jump to in a stream, read with the app's time-range rules
 * (shared/time-range.ts): `-2h` (that long ago), `2026-11-30 10:00:05`, `2026-11-30` (its midnight),
 * `10:00` (today), in the app's time zone unless it ends in `Z`. One time, not a range, and not later
 * than now.
 */
import type { TimeZoneMode } from '../../../../../shared/format';
import { parseTimeRange } from '../../../../../shared/time-range';

export type JumpTimeCheck =
  | { readonly ok: true; readonly time: number }
  /** `position` and `length` mark the mistake in the text. */
  | { readonly ok: false; readonly message: string; readonly position: number; readonly length: number };

/** A day later than any time a person types. */
const LATEST_DAY = '9999-12-31';

export function parseJumpTime(text: string, zone: TimeZoneMode, now: number): JumpTimeCheck {
  const trimmed = text.trim();
  const offset = text.indexOf(trimmed);
  if (trimmed === '') return { ok: false, message: 'Type a time such as 2026-11-30 10:00, 10:00 (today) or -2h (two hours ago).', position: offset, length: 0 };
  const parsed = parseTimeRange(text, zone, now);
  if (parsed.ok) {
    const { range } = parsed;
    // A single time reads as the range from it until now.
    if (range.kind === 'relative' && range.endAgoMs === 0) return { ok: true, time: now - range.startAgoMs };
    if (range.kind === 'absolute' && range.end === now) return { ok: true, time: range.start };
    return { ok: false, message: 'Type one time to go to, not a range.', position: offset, length: trimmed.length };
  }
  // A time after now is refused as a range that ends (now) before it starts; say what is really wrong.
  const untilLater = parseTimeRange(`${trimmed} to ${LATEST_DAY}`, zone, now);
  if (untilLater.ok && untilLater.range.kind === 'absolute' && untilLater.range.start > now) {
    return { ok: false, message: 'That time is still to come: the newest events are at the end of the stream.', position: offset, length: trimmed.length };
  }
  return parsed;
}
