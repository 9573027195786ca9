/**
 * Durations and the timestamp formats the log sources write. Formatting hundreds of thousands of
 * timestamps through `Date#toISOString` costs most of the time budget, so each format caches its
 * text per minute and only appends seconds and milliseconds.
 */
export const SECOND = 1000;
export const MINUTE = 60 * SECOND;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
export const WEEK = 7 * DAY;

export const MONTHS = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
const PAD2 = Array.from({ length: 100 }, (_, i) => String(i).padStart(2, '0'));
const PAD3 = Array.from({ length: 1000 }, (_, i) => String(i).padStart(3, '0'));

export function pad2(n: number): string {
  return PAD2[n] ?? String(n);
}

export function pad3(n: number): string {
  return PAD3[n] ?? String(n);
}

/** Remembers the formatted minute of the last call; callers mostly move forward in time. */
function perMinute(format: (date: Date) => string): (ms: number) => string {
  let minute = Number.NaN;
  let text = '';
  return (ms) => {
    const m = Math.floor(ms / MINUTE);
    if (m !== minute) {
      minute = m;
      text = format(new Date(m * MINUTE));
    }
    return text;
  };
}

function seconds(ms: number): string {
  return pad2(Math.floor((ms % MINUTE) / SECOND));
}

function millis(ms: number): string {
  return pad3(ms % SECOND);
}

const isoMinute = perMinute((d) => d.toISOString().slice(0, 17));
const clfMinute = perMinute(
  (d) =>
    `${pad2(d.getUTCDate())}/${MONTHS[d.getUTCMonth()]}/${d.getUTCFullYear()}:${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:`,
);
const syslogMinute = perMinute(
  (d) => `${MONTHS[d.getUTCMonth()]} ${String(d.getUTCDate()).padStart(2, ' ')} ${pad2(d.getUTCHours())}:${pad2(d.getUTCMinutes())}:`,
);
const spacedMinute = perMinute((d) => `${d.toISOString().slice(0, 10)} ${d.toISOString().slice(11, 17)}`);
const slashedMinute = perMinute((d) => `${d.toISOString().slice(0, 10).replaceAll('-', '/')} ${d.toISOString().slice(11, 17)}`);

/** `2026-11-21T10:00:00.123Z` */
export function isoTime(ms: number): string {
  return `${isoMinute(ms)}${seconds(ms)}.${millis(ms)}Z`;
}

/** `2026-11-21T10:00:00Z` (CloudTrail) */
export function isoSeconds(ms: number): string {
  return `${isoMinute(ms)}${seconds(ms)}Z`;
}

/** `21/Nov/2026:10:00:00 +0000` (nginx, API Gateway `$context.requestTime`) */
export function clfTime(ms: number): string {
  return `${clfMinute(ms)}${seconds(ms)} +0000`;
}

/** `2026-11-21 10:00:00 UTC` (PostgreSQL `%t`) */
export function pgTime(ms: number): string {
  return `${spacedMinute(ms)}${seconds(ms)} UTC`;
}

/** `Nov 21 10:00:00` (syslog) */
export function syslogTime(ms: number): string {
  return `${syslogMinute(ms)}${seconds(ms)}`;
}

/** `2026-11-21 10:00:00.123` (SNS delivery status) */
export function spacedMillis(ms: number): string {
  return `${spacedMinute(ms)}${seconds(ms)}.${millis(ms)}`;
}

/** `2026/11/21 10:00:00` (nginx error log) */
export function slashedTime(ms: number): string {
  return `${slashedMinute(ms)}${seconds(ms)}`;
}

/** `2026/11/21 10:00:00.123456` (CodeBuild's `[Container]` lines) */
export function slashedMicros(ms: number, micros: number): string {
  return `${slashedMinute(ms)}${seconds(ms)}.${millis(ms)}${pad3(micros)}`;
}

/** `2026/11/21` (Lambda stream names) */
export function slashedDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10).replaceAll('-', '/');
}

/** `2026-11-21` */
export function isoDate(ms: number): string {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Epoch seconds with microseconds, as zap writes `ts`: `1795340400.123456`. */
export function epochMicros(ms: number, micros: number): string {
  return `${Math.floor(ms / SECOND)}.${millis(ms)}${pad3(micros)}`;
}
