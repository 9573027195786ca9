/**
 * Anomaly detection through the SDK for JavaScript v3 (AWS JSON 1.0) against the demo sandbox: a detector's
 * life (Put, Describe, Delete) and ANOMALY_DETECTION_BAND in GetMetricData over a demo metric.
 */
import {
  CloudWatchClient,
  DeleteAnomalyDetectorCommand,
  DescribeAnomalyDetectorsCommand,
  GetMetricDataCommand,
  ListMetricsCommand,
  PutAnomalyDetectorCommand,
  ResourceNotFoundException,
  type Metric,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../../index';
import { rejectionOf } from '../../../test-support';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

let sandbox: Sandbox;
let sdk: CloudWatchClient;
/** The demo's API Gateway request count: traffic with a daily cycle. */
let metric: Metric;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'demo' });
  sdk = new CloudWatchClient({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
  const listed = await sdk.send(new ListMetricsCommand({ Namespace: 'AWS/ApiGateway', MetricName: 'Count' }));
  metric = listed.Metrics![0]!;
});

/** A result's values by timestamp (epoch ms). */
function bandAt(result: MetricDataResult): Map<number, number> {
  return new Map(result.Timestamps!.map((t, i) => [t.getTime(), result.Values![i]!]));
}

afterAll(async () => {
  sdk.destroy();
  await sandbox.close();
});

describe('anomaly detectors through the SDK', () => {
  it('puts, describes, updates and deletes a detector', async () => {
    const single = { Namespace: metric.Namespace!, MetricName: metric.MetricName!, Dimensions: metric.Dimensions!, Stat: 'Sum' };
    const excluded = { StartTime: new Date(Date.now() - 2 * DAY), EndTime: new Date(Date.now() - DAY) };
    const put = await sdk.send(
      new PutAnomalyDetectorCommand({ SingleMetricAnomalyDetector: single, Configuration: { ExcludedTimeRanges: [excluded], MetricTimezone: 'America/New_York' } }),
    );
    const described = await sdk.send(new DescribeAnomalyDetectorsCommand({ Namespace: metric.Namespace }));
    expect(described.AnomalyDetectors).toEqual([
      {
        AnomalyDetectorId: put.AnomalyDetectorId,
        Namespace: single.Namespace,
        MetricName: single.MetricName,
        Dimensions: single.Dimensions,
        Stat: 'Sum',
        SingleMetricAnomalyDetector: single,
        Configuration: { ExcludedTimeRanges: [excluded], MetricTimezone: 'America/New_York' },
        MetricCharacteristics: {},
        StateValue: 'PENDING_TRAINING',
      },
    ]);
    await sdk.send(new PutAnomalyDetectorCommand({ SingleMetricAnomalyDetector: single }));
    const updated = await sdk.send(new DescribeAnomalyDetectorsCommand({ AnomalyDetectorIds: [put.AnomalyDetectorId!] }));
    expect(updated.AnomalyDetectors![0]!.Configuration).toEqual({ ExcludedTimeRanges: [] });
    await sdk.send(new DeleteAnomalyDetectorCommand({ SingleMetricAnomalyDetector: single }));
    expect((await sdk.send(new DescribeAnomalyDetectorsCommand({}))).AnomalyDetectors).toEqual([]);
    const missing = await rejectionOf(sdk.send(new DeleteAnomalyDetectorCommand({ SingleMetricAnomalyDetector: single })));
    expect(missing).toBeInstanceOf(ResourceNotFoundException);
  });

  it('draws a band over a demo metric that holds most of its points, wider with a larger width', async () => {
    const end = Math.floor(Date.now() / HOUR) * HOUR;
    const query = (width: number) =>
      sdk.send(
        new GetMetricDataCommand({
          StartTime: new Date(end - 3 * DAY),
          EndTime: new Date(end),
          ScanBy: 'TimestampAscending',
          MetricDataQueries: [
            { Id: 'm1', MetricStat: { Metric: metric, Period: 300, Stat: 'Sum' } },
            { Id: 'ad1', Expression: `ANOMALY_DETECTION_BAND(m1, ${width})`, Label: 'Count (expected)' },
          ],
        }),
      );
    const [two, four] = await Promise.all([query(2), query(4)]);
    const [metricResult, upperResult, lowerResult] = two.MetricDataResults!;
    expect(two.MetricDataResults!.map((r) => [r.Id, r.Label])).toEqual([
      ['m1', 'Count'],
      ['ad1', 'Count (expected)'],
      ['ad1', 'Count (expected)'],
    ]);
    // The band has a value at every 5-minute period of the three days, whether or not the metric has one.
    expect(upperResult!.Timestamps!.length).toBe(3 * 288);
    expect(lowerResult!.Timestamps).toEqual(upperResult!.Timestamps);
    const [upper, lower] = [bandAt(upperResult!), bandAt(lowerResult!)];
    const values = metricResult!.Values!;
    const inside = values.filter((v, i) => {
      const t = metricResult!.Timestamps![i]!.getTime();
      return v >= lower.get(t)! && v <= upper.get(t)!;
    }).length;
    // The demo's incident (yesterday) leaves the band; nearly everything else stays in it.
    expect(values.length).toBeGreaterThan(2 * 288);
    expect(inside / values.length).toBeGreaterThan(0.85);
    const [wideUpper, wideLower] = [bandAt(four.MetricDataResults![1]!), bandAt(four.MetricDataResults![2]!)];
    upper.forEach((v, t) => expect(wideUpper.get(t)!).toBeGreaterThan(v));
    lower.forEach((v, t) => expect(wideLower.get(t)!).toBeLessThanOrEqual(v));
    // No detector was created by reading a band.
    expect((await sdk.send(new DescribeAnomalyDetectorsCommand({ AnomalyDetectorTypes: ['SINGLE_METRIC', 'METRIC_MATH'] }))).AnomalyDetectors).toEqual([]);
  });
});
