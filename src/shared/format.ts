/**
 * Formatting for people: sizes, retention, timestamps and counts. Pure and locale-independent
 * (always en-US digits and separators) so screens, tests and screenshots read the same everywhere.
 */

const BYTE_UNITS = ['B', 'KB', 'MB', 'GB', 'TB', 'PB'] as const;

/** 1536 → "1.5 KB", 1288490189 → "1.2 GB". Binary multiples, as the CloudWatch console shows them. */
export function formatBytes(bytes: number): string {
  if (!Number.isFinite(bytes) || bytes < 0) return '—';
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < BYTE_UNITS.length - 1) {
    value /= 1024;
    unit += 1;
  }
  if (unit === 0) return `${value} B`;
  // One decimal while it carries information (1.2 GB), none once the integer part says enough (12 GB).
  const rounded = value < 10 ? Math.round(value * 10) / 10 : Math.round(value);
  if (rounded >= 1024 && unit < BYTE_UNITS.length - 1) return `1 ${BYTE_UNITS[unit + 1]}`;
  return `${rounded} ${BYTE_UNITS[unit]}`;
}

/** The retention values AWS offers in whole years (PutRetentionPolicy), by their day count. */
const RETENTION_YEARS: ReadonlyMap<number, number> = new Map([
  [365, 1],
  [731, 2],
  [1096, 3],
  [1827, 5],
  [2192, 6],
  [2557, 7],
  [2922, 8],
  [3288, 9],
  [3653, 10],
]);

/** `null` → "Never expire", 30 → "30 days", 365 → "1 year". */
export function formatRetention(days: number | null): string {
  if (days === null) return 'Never expire';
  const years = RETENTION_YEARS.get(days);
  if (years !== undefined) return plural(years, 'year');
  return plural(days, 'day');
}

const LOG_GROUP_CLASSES: Readonly<Record<string, string>> = {
  STANDARD: 'Standard',
  INFREQUENT_ACCESS: 'Infrequent access',
  DELIVERY: 'Delivery',
};

/** "INFREQUENT_ACCESS" → "Infrequent access"; unknown future classes are made readable the same way. */
export function formatLogGroupClass(logGroupClass: string): string {
  const known = LOG_GROUP_CLASSES[logGroupClass];
  if (known) return known;
  const words = logGroupClass.toLowerCase().replaceAll('_', ' ');
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export type TimeZoneMode = 'local' | 'utc';
export type TimestampPrecision = 'date' | 'minute' | 'second' | 'millisecond';

/** 1700000000123 → "2023-11-14 22:13:20.123" (UTC), with as much precision as asked for. */
export function formatTimestamp(
  epochMs: number,
  zone: TimeZoneMode,
  precision: TimestampPrecision = 'millisecond',
): string {
  if (!Number.isFinite(epochMs)) return '—';
  const date = new Date(epochMs);
  const utc = zone === 'utc';
  const year = utc ? date.getUTCFullYear() : date.getFullYear();
  const month = (utc ? date.getUTCMonth() : date.getMonth()) + 1;
  const day = utc ? date.getUTCDate() : date.getDate();
  const text = `${year}-${pad(month)}-${pad(day)}`;
  if (precision === 'date') return text;
  const hours = utc ? date.getUTCHours() : date.getHours();
  const minutes = utc ? date.getUTCMinutes() : date.getMinutes();
  const withMinutes = `${text} ${pad(hours)}:${pad(minutes)}`;
  if (precision === 'minute') return withMinutes;
  const seconds = utc ? date.getUTCSeconds() : date.getSeconds();
  const withSeconds = `${withMinutes}:${pad(seconds)}`;
  if (precision === 'second') return withSeconds;
  const millis = utc ? date.getUTCMilliseconds() : date.getMilliseconds();
  return `${withSeconds}.${pad(millis, 3)}`;
}

/** A short age such as "just now", "42 s ago", "5 min ago", "3 h ago", "12 d ago"; future times count as now. */
export function formatAge(epochMs: number, nowMs: number): string {
  const seconds = Math.floor((nowMs - epochMs) / 1000);
  if (seconds < 5) return 'just now';
  if (seconds < 60) return `${seconds} s ago`;
  const minutes = Math.floor(seconds / 60);
  if (minutes < 60) return `${minutes} min ago`;
  const hours = Math.floor(minutes / 60);
  if (hours < 48) return `${hours} h ago`;
  const days = Math.floor(hours / 24);
  if (days < 365) return `${days} d ago`;
  return `${Math.floor(days / 365)} y ago`;
}

const COUNT_FORMAT = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/** 1250 → "1,250". */
export function formatCount(count: number): string {
  return COUNT_FORMAT.format(count);
}

/** (1, 'log group') → "1 log group", (1250, 'log group') → "1,250 log groups". */
export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return `${formatCount(count)} ${count === 1 ? singular : pluralForm}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}
