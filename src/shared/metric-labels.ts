/**
 * CloudWatch's dynamic labels ("Use dynamic labels" in the CloudWatch User Guide): `${…}` in a series'
 * label, replaced by a property of its metric (`${PROP('Dim.FunctionName')}`, `${PROP('MetricName')}`,
 * `${PROP('Namespace')}`, `${PROP('Period')}`, `${PROP('Stat')}`, `${PROP('Region')}`, `${PROP('AccountId')}`)
 * or a value of its data over the range (`${AVG}`, `${MAX}`, `${MIN}`, `${SUM}`, `${FIRST}`, `${LAST}`,
 * `${DATAPOINT_COUNT}`, `${MIN_MAX_RANGE}`, `${FIRST_LAST_RANGE}`, times such as `${MAX_TIME}`, and the
 * default label `${LABEL}`). GetMetricData resolves them server-side, in LabelOptions' time zone; shared so the
 * app can show the same text for a series it computes itself. Unknown names are left as written.
 */

export interface LabelContext {
  /** The label the series has without one (e.g. the metric name). */
  readonly defaultLabel: string;
  readonly namespace?: string;
  readonly metricName?: string;
  readonly dimensions?: readonly { readonly Name: string; readonly Value: string }[];
  readonly period?: number;
  readonly stat?: string;
  readonly region?: string;
  readonly accountId?: string;
  /** Epoch ms, ascending. */
  readonly timestamps: readonly number[];
  readonly values: readonly number[];
  /** The time zone for times, `+HHMM` or `-HHMM` (LabelOptions.Timezone); default `+0000`. */
  readonly timezone?: string;
  /** For `…_RELATIVE` times. */
  readonly now: number;
}

const PLACEHOLDER = /\$\{([A-Z_]+(?:\('[^']*'\))?)\}/g;

export function hasDynamicLabel(label: string): boolean {
  return /\$\{[A-Z_]+/.test(label);
}

export function resolveDynamicLabel(label: string, context: LabelContext): string {
  return label.replace(PLACEHOLDER, (whole, name: string) => valueOf(name, context) ?? whole);
}

function valueOf(name: string, c: LabelContext): string | undefined {
  const prop = /^PROP\('([^']*)'\)$/.exec(name);
  if (prop !== null) return property(prop[1]!, c);
  if (name === 'LABEL') return c.defaultLabel;
  if (name === 'DATAPOINT_COUNT') return String(c.values.length);
  if (c.values.length === 0) return '';
  const { values, timestamps } = c;
  let minIndex = 0;
  let maxIndex = 0;
  values.forEach((v, i) => {
    if (v < values[minIndex]!) minIndex = i;
    if (v > values[maxIndex]!) maxIndex = i;
  });
  const last = values.length - 1;
  const sum = values.reduce((s, v) => s + v, 0);
  const time = (i: number): string => formatTime(timestamps[i]!, c.timezone);
  const relative = (i: number): string => formatRelative(c.now - timestamps[i]!);
  switch (name) {
    case 'AVG':
      return formatNumber(sum / values.length);
    case 'SUM':
      return formatNumber(sum);
    case 'MIN':
      return formatNumber(values[minIndex]!);
    case 'MAX':
      return formatNumber(values[maxIndex]!);
    case 'FIRST':
      return formatNumber(values[0]!);
    case 'LAST':
      return formatNumber(values[last]!);
    case 'MIN_MAX_RANGE':
      return `${formatNumber(values[minIndex]!)} - ${formatNumber(values[maxIndex]!)}`;
    case 'FIRST_LAST_RANGE':
      return `${formatNumber(values[0]!)} - ${formatNumber(values[last]!)}`;
    case 'FIRST_TIME':
      return time(0);
    case 'LAST_TIME':
      return time(last);
    case 'MIN_TIME':
      return time(minIndex);
    case 'MAX_TIME':
      return time(maxIndex);
    case 'FIRST_LAST_TIME_RANGE':
      return `${time(0)} - ${time(last)}`;
    case 'MIN_MAX_TIME_RANGE':
      return `${time(minIndex)} - ${time(maxIndex)}`;
    case 'FIRST_TIME_RELATIVE':
      return relative(0);
    case 'LAST_TIME_RELATIVE':
      return relative(last);
    case 'MIN_TIME_RELATIVE':
      return relative(minIndex);
    case 'MAX_TIME_RELATIVE':
      return relative(maxIndex);
    default:
      return undefined;
  }
}

function property(name: string, c: LabelContext): string | undefined {
  if (name.startsWith('Dim.')) return c.dimensions?.find((d) => d.Name === name.slice(4))?.Value ?? '';
  switch (name) {
    case 'MetricName':
      return c.metricName ?? '';
    case 'Namespace':
      return c.namespace ?? '';
    case 'Period':
      return c.period === undefined ? '' : String(c.period);
    case 'Stat':
      return c.stat ?? '';
    case 'Region':
      return c.region ?? '';
    case 'AccountId':
    case 'AccountLabel':
      return c.accountId ?? '';
    default:
      return undefined;
  }
}

/** At most two decimals, no trailing zeros. */
export function formatNumber(value: number): string {
  return String(Math.round(value * 100) / 100);
}

/** Whether a LabelOptions.Timezone is valid: `+` or `-`, then HHMM, from -1200 to +1400. */
export function isValidLabelTimezone(timezone: string): boolean {
  const match = /^([+-])(\d{2})(\d{2})$/.exec(timezone);
  if (match === null) return false;
  const minutes = Number(match[2]) * 60 + Number(match[3]);
  return Number(match[3]) < 60 && (match[1] === '+' ? minutes <= 14 * 60 : minutes <= 12 * 60);
}

function offsetMinutes(timezone: string | undefined): number {
  const match = /^([+-])(\d{2})(\d{2})$/.exec(timezone ?? '');
  if (match === null) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
}

/** `2026-11-30 16:41` in the time zone. */
function formatTime(epochMs: number, timezone: string | undefined): string {
  return new Date(epochMs + offsetMinutes(timezone) * 60_000).toISOString().slice(0, 16).replace('T', ' ');
}

function formatRelative(ageMs: number): string {
  const minutes = Math.max(0, Math.round(ageMs / 60_000));
  if (minutes < 60) return `${minutes} minute${minutes === 1 ? '' : 's'} ago`;
  const hours = Math.round(minutes / 60);
  if (hours < 48) return `${hours} hour${hours === 1 ? '' : 's'} ago`;
  const days = Math.round(hours / 24);
  return `${days} days ago`;
}
