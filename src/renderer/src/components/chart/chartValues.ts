/**
 * Numbers and units as a chart shows them: compact axis labels ("1.2K ms") and the fuller values of
 * a tooltip. Units are CloudWatch's names (Milliseconds, Bytes/Second, Percent…) or any short text.
 */

/** CloudWatch's unit names shortened for axes and tooltips; Count and None read best with no suffix. */
const SHORT_UNITS: Readonly<Record<string, string>> = {
  Seconds: 's',
  Microseconds: 'µs',
  Milliseconds: 'ms',
  Bytes: 'B',
  Kilobytes: 'KB',
  Megabytes: 'MB',
  Gigabytes: 'GB',
  Terabytes: 'TB',
  Bits: 'bit',
  Kilobits: 'Kbit',
  Megabits: 'Mbit',
  Gigabits: 'Gbit',
  Terabits: 'Tbit',
  Percent: '%',
  Count: '',
  None: '',
  'Bytes/Second': 'B/s',
  'Kilobytes/Second': 'KB/s',
  'Megabytes/Second': 'MB/s',
  'Gigabytes/Second': 'GB/s',
  'Terabytes/Second': 'TB/s',
  'Bits/Second': 'bit/s',
  'Kilobits/Second': 'Kbit/s',
  'Megabits/Second': 'Mbit/s',
  'Gigabits/Second': 'Gbit/s',
  'Terabits/Second': 'Tbit/s',
  'Count/Second': '/s',
};

/** "Milliseconds" → "ms", "Count" → "", "widgets" → "widgets". */
export function shortUnit(unit: string | undefined): string {
  if (!unit) return '';
  return SHORT_UNITS[unit] ?? unit;
}

const COMPACT = new Intl.NumberFormat('en-US', { notation: 'compact', maximumFractionDigits: 2 });
const PLAIN = new Intl.NumberFormat('en-US', { maximumFractionDigits: 2 });
const SMALL = new Intl.NumberFormat('en-US', { maximumSignificantDigits: 3 });

/** 1234567 → "1.23M", 5000 → "5K", 0.00042 → "0.00042", 12.5 → "12.5": short enough for an axis label. */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const magnitude = Math.abs(value);
  if (magnitude !== 0 && magnitude < 1) return SMALL.format(value);
  return magnitude >= 1000 ? COMPACT.format(value) : PLAIN.format(value);
}

const FULL = new Intl.NumberFormat('en-US', { maximumFractionDigits: 4 });

/** A value with its unit for a tooltip: "1,234.5678 ms", "98.2 %", "12"; missing data reads "no data". */
export function formatValueWithUnit(value: number | null | undefined, unit: string | undefined): string {
  if (value === null || value === undefined || Number.isNaN(value)) return 'no data';
  const magnitude = Math.abs(value);
  const number = magnitude !== 0 && magnitude < 0.0001 ? value.toExponential(3) : FULL.format(value);
  const suffix = shortUnit(unit);
  return suffix ? `${number} ${suffix}` : number;
}

/** An axis tick: "1.2K ms"; the unit is repeated on each label so left and right axes cannot be confused. */
export function formatAxisTick(value: number, unit: string | undefined): string {
  const suffix = shortUnit(unit);
  const number = formatCompact(value);
  return suffix ? (suffix === '%' ? `${number}%` : `${number} ${suffix}`) : number;
}
