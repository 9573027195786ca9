/**
 * How CloudWatch writes numbers and dates in an alarm's StateReason and StateReasonData. AWS's service is
 * Java: values print as Java doubles (`95.0`, `0.5`, `1.0E7`), reasons date datapoints as
 * `dd/MM/yy HH:mm:ss` in UTC and the JSON as `yyyy-MM-dd'T'HH:mm:ss.SSS+0000`. Example from AWS's
 * documentation ("How partial data from a Metrics Insights query is evaluated",
 * https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch-metrics-insights-alarms-partial-data.html):
 * `Threshold Crossed: 3 out of the last 3 datapoints [20000.0 (08/11/22 11:25:00), …] were greater than the
 * threshold (0.0) (minimum 1 datapoint for OK -> ALARM transition).` with reasonData
 * `{"version":"1.0","queryDate":"2022-11-08T11:26:05.399+0000","startDate":"2022-11-08T11:23:00.000+0000",
 * "period":60,"recentDatapoints":[20000.0,…],"threshold":0.0,"evaluatedDatapoints":[{"timestamp":…,"value":20000.0}]}`.
 */

/** A number as Java's Double.toString writes it. */
export function javaDouble(value: number): string {
  if (Number.isNaN(value)) return 'NaN';
  if (!Number.isFinite(value)) return value > 0 ? 'Infinity' : '-Infinity';
  if (value === 0) return Object.is(value, -0) ? '-0.0' : '0.0';
  const magnitude = Math.abs(value);
  if (magnitude >= 1e-3 && magnitude < 1e7) {
    const text = String(value);
    return text.includes('.') ? text : `${text}.0`;
  }
  const [mantissa = '', exponent = ''] = value.toExponential().split('e');
  return `${mantissa.includes('.') ? mantissa : `${mantissa}.0`}E${exponent.replace('+', '')}`;
}

function pad(value: number, width = 2): string {
  return String(value).padStart(width, '0');
}

/** `30/11/26 16:42:00`: how a reason dates a datapoint. */
export function reasonDate(epochMs: number): string {
  const d = new Date(epochMs);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}/${pad(d.getUTCFullYear() % 100)} ${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}:${pad(d.getUTCSeconds())}`;
}

/** `2026-11-30T16:42:00.000+0000`: how StateReasonData writes a time. */
export function reasonDataDate(epochMs: number): string {
  return `${new Date(epochMs).toISOString().slice(0, 23)}+0000`;
}

/** A marker for numbers JSON must write as integers (StateReasonData's `period`). */
export class JsonInteger {
  constructor(readonly value: number) {}
}

export type JavaJson = string | number | JsonInteger | readonly JavaJson[] | { readonly [key: string]: JavaJson | undefined };

/** JSON as CloudWatch writes it: compact, numbers as Java doubles, keys in insertion order, undefined left out. */
export function stringifyJavaJson(value: JavaJson): string {
  if (typeof value === 'string') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? javaDouble(value) : 'null';
  if (value instanceof JsonInteger) return String(Math.trunc(value.value));
  if (Array.isArray(value)) return `[${value.map((item: JavaJson) => stringifyJavaJson(item)).join(',')}]`;
  const entries = Object.entries(value as { readonly [key: string]: JavaJson | undefined }).filter(
    (entry): entry is [string, JavaJson] => entry[1] !== undefined,
  );
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stringifyJavaJson(item)}`).join(',')}}`;
}

export function plural(count: number, singular: string, pluralForm = `${singular}s`): string {
  return count === 1 ? singular : pluralForm;
}
