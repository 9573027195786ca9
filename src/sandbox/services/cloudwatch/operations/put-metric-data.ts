/**
 * PutMetricData: up to 1,000 data per request, each a Value, Values with Counts (up to 150), or a
 * StatisticValues set, with up to 30 dimensions, timestamped at most two weeks back and two hours ahead,
 * stored at 1-second (StorageResolution 1) or 1-minute resolution. The whole request is checked before
 * anything is stored. Limits from the PutMetricData API reference.
 */
import type { RequestContext } from '../../../core/context';
import { CloudWatchInput, invalidCombination, invalidValue, missingParameter, readDimensions, readNamespace, readUnit } from '../common';
import type { StoredDatum } from '../series';
import { METRICS_STORE } from '../store';
import type { MetricIdentity } from '../series';

export const MAX_METRIC_DATA = 1000;
export const MAX_VALUES = 150;
const HOUR = 3_600_000;
const MAX_AGE_MS = 14 * 24 * HOUR;
const MAX_AHEAD_MS = 2 * HOUR;
/** Values CloudWatch accepts: magnitudes from 2^-260 to 2^360, or zero. */
const MAX_MAGNITUDE = 2 ** 360;
const MIN_MAGNITUDE = 2 ** -260;

interface Datum {
  readonly identity: MetricIdentity;
  readonly datum: StoredDatum;
}

export function putMetricData(body: unknown, context: RequestContext): undefined {
  const input = CloudWatchInput.of(body);
  const namespace = readNamespace(input, { required: true })!;
  if (namespace.startsWith('AWS/')) throw invalidValue(`The value ${namespace} for parameter Namespace is invalid: namespaces starting with AWS/ are reserved for AWS services.`);
  if (input.has('EntityMetricData')) throw invalidValue('EntityMetricData is not supported by the sandbox; use MetricData.');
  const items = input.structures('MetricData', { required: true, max: MAX_METRIC_DATA })!;
  if (items.length === 0) throw missingParameter('MetricData');
  const data = items.map((item) => readDatum(namespace, item, context.now));
  const store = context.state.store(METRICS_STORE);
  for (const { identity, datum } of data) store.obtain(identity, context.now).add(datum, context.now);
  return undefined;
}

function readDatum(namespace: string, item: CloudWatchInput, now: number): Datum {
  const metricName = item.string('MetricName', { required: true, maxLength: 255 })!;
  const dimensions = readDimensions(item);
  const unit = readUnit(item) ?? 'None';
  const resolution = item.integer('StorageResolution') ?? 60;
  if (resolution !== 1 && resolution !== 60) {
    throw invalidValue(`The value ${resolution} for parameter ${item.pathOf('StorageResolution')} is invalid: use 1 (high resolution) or 60 (standard).`);
  }
  const timestamp = item.timestampMs('Timestamp') ?? now;
  if (timestamp < now - MAX_AGE_MS || timestamp > now + MAX_AHEAD_MS) {
    throw invalidValue(`The parameter ${item.pathOf('Timestamp')} must specify a time no more than two weeks in the past and no more than two hours in the future.`);
  }
  const stored = { timestamp: Math.floor(timestamp / (resolution * 1000)) * resolution * 1000, unit };
  const identity = { namespace, metricName, dimensions };

  const given = (['Value', 'StatisticValues', 'Values'] as const).filter((name) => item.has(name));
  if (given.length > 1) {
    throw invalidCombination(`The parameters ${item.pathOf(given[0]!)} and ${item.pathOf(given[1]!)} are mutually exclusive and you have specified both.`);
  }
  if (item.has('Counts') && !item.has('Values')) throw invalidCombination(`The parameter ${item.pathOf('Counts')} requires ${item.pathOf('Values')}.`);
  switch (given[0]) {
    case 'Value': {
      const value = item.number('Value')!;
      checkValue(value, item.pathOf('Value'));
      return { identity, datum: { ...stored, values: [value] } };
    }
    case 'StatisticValues': {
      const set = item.structure('StatisticValues')!;
      const [sampleCount, sum, minimum, maximum] = (['SampleCount', 'Sum', 'Minimum', 'Maximum'] as const).map((name) => {
        const value = set.number(name, { required: true })!;
        checkValue(value, set.pathOf(name));
        return value;
      }) as [number, number, number, number];
      if (sampleCount <= 0) throw invalidValue(`The value ${sampleCount} for parameter ${set.pathOf('SampleCount')} must be greater than 0.`);
      if (minimum > maximum) throw invalidValue(`The parameter ${set.pathOf('Minimum')} must not be greater than ${set.pathOf('Maximum')}.`);
      return { identity, datum: { ...stored, set: { sampleCount, sum, minimum, maximum } } };
    }
    case 'Values': {
      const values = item.numbers('Values', { max: MAX_VALUES })!;
      const counts = item.numbers('Counts', { max: MAX_VALUES });
      values.forEach((value, i) => checkValue(value, `${item.pathOf('Values')}.member.${i + 1}`));
      if (counts !== undefined && counts.length !== values.length) {
        throw invalidCombination(`The parameters ${item.pathOf('Values')} and ${item.pathOf('Counts')} must be of the same size.`);
      }
      counts?.forEach((count, i) => {
        if (!(count >= 0) || !Number.isFinite(count)) throw invalidValue(`The value ${count} for parameter ${item.pathOf('Counts')}.member.${i + 1} is invalid.`);
      });
      return { identity, datum: { ...stored, values, ...(counts !== undefined && { counts }) } };
    }
    default:
      throw missingParameter(`${item.pathOf('Value')}, ${item.pathOf('Values')} or ${item.pathOf('StatisticValues')}`);
  }
}

function checkValue(value: number, path: string): void {
  const magnitude = Math.abs(value);
  if (!Number.isFinite(value) || magnitude > MAX_MAGNITUDE || (magnitude !== 0 && magnitude < MIN_MAGNITUDE)) {
    throw invalidValue(`The value ${value} for parameter ${path} is invalid: values must be finite numbers between -2^360 and 2^360.`);
  }
}
