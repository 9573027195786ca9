/**
 * The sandbox's CloudWatch through three clients and three protocols: the SDK for JavaScript v3 (AWS JSON
 * 1.0), Debian's AWS CLI v2.9 (the query protocol; $AWS_CLI or /usr/bin/aws — the suite says so and skips
 * those tests when it is missing) and hand-built Smithy RPC v2 CBOR requests. Each client writes the same
 * data into its own namespace; every client then reads every namespace, and all must give the same answers.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import {
  CloudWatchClient,
  GetMetricDataCommand,
  GetMetricStatisticsCommand,
  ListMetricsCommand,
  PutMetricDataCommand,
  type MetricDatum,
} from '@aws-sdk/client-cloudwatch';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnvironment, findAwsCliV2 } from '../../aws-cli-testing';
import { startSandbox, type Sandbox } from '../../index';
import { cloudWatchCbor } from '../../test-support';

const run = promisify(execFile);

// A version 2 CLI sends CloudWatch requests in the query protocol.
const cli = findAwsCliV2();
if (cli === undefined) console.warn('No AWS CLI v2 at $AWS_CLI or on PATH (apt-get install awscli): skipping the query-protocol CLI tests.');

const MINUTE = 60_000;
const NOW = Math.floor(Date.now() / MINUTE) * MINUTE;
const START = NOW - 10 * MINUTE;
const END = NOW + MINUTE;
const DIMENSIONS = [{ Name: 'Service', Value: 'checkout' }];

/** Two minutes of latency: raw values (with counts) and a statistic set, so both paths are compared. */
function data(): MetricDatum[] {
  return [
    { MetricName: 'Latency', Dimensions: DIMENSIONS, Timestamp: new Date(NOW - 3 * MINUTE), Values: [10, 20, 30, 40, 500], Counts: [1, 2, 3, 3, 1], Unit: 'Milliseconds' },
    { MetricName: 'Latency', Dimensions: DIMENSIONS, Timestamp: new Date(NOW - 2 * MINUTE), Value: 25, Unit: 'Milliseconds' },
    { MetricName: 'Requests', Dimensions: DIMENSIONS, Timestamp: new Date(NOW - 3 * MINUTE), StatisticValues: { SampleCount: 4, Sum: 10, Minimum: 1, Maximum: 4 }, Unit: 'Count' },
  ];
}

/** What every client must answer, normalized: timestamps in epoch ms, numbers as numbers. */
const EXPECTED_STATISTICS = [
  { Timestamp: NOW - 3 * MINUTE, SampleCount: 10, Sum: 760, Maximum: 500, Unit: 'Milliseconds' },
  { Timestamp: NOW - 2 * MINUTE, SampleCount: 1, Sum: 25, Maximum: 25, Unit: 'Milliseconds' },
];

function queries(namespace: string) {
  const metric = (MetricName: string) => ({ Namespace: namespace, MetricName, Dimensions: DIMENSIONS });
  return [
    { Id: 'p90', MetricStat: { Metric: metric('Latency'), Period: 60, Stat: 'p90' } },
    { Id: 'requests', MetricStat: { Metric: metric('Requests'), Period: 60, Stat: 'Sum' } },
    { Id: 'doubled', Expression: 'p90 * 2', Label: 'twice ${PROP(\'MetricName\')} max ${MAX}' },
  ];
}

const EXPECTED_DATA = [
  { Id: 'p90', Label: 'Latency', Timestamps: [NOW - 2 * MINUTE, NOW - 3 * MINUTE], Values: [25, 40], StatusCode: 'Complete' },
  { Id: 'requests', Label: 'Requests', Timestamps: [NOW - 3 * MINUTE], Values: [10], StatusCode: 'Complete' },
  { Id: 'doubled', Label: 'twice Latency max 80', Timestamps: [NOW - 2 * MINUTE, NOW - 3 * MINUTE], Values: [50, 80], StatusCode: 'Complete' },
];

interface Normalized {
  metrics: unknown;
  statistics: unknown;
  data: unknown;
}

const time = (value: unknown): number => (value instanceof Date ? value.getTime() : typeof value === 'number' ? value * 1000 : Date.parse(String(value)));

function normalizeStatistics(datapoints: readonly Record<string, unknown>[]): unknown {
  return datapoints
    .map((d) => ({ Timestamp: time(d.Timestamp), SampleCount: Number(d.SampleCount), Sum: Number(d.Sum), Maximum: Number(d.Maximum), Unit: d.Unit }))
    .sort((a, b) => a.Timestamp - b.Timestamp);
}

function normalizeData(results: readonly Record<string, unknown>[]): unknown {
  return results.map((r) => ({
    Id: r.Id,
    Label: r.Label,
    Timestamps: (r.Timestamps as unknown[]).map(time),
    Values: (r.Values as unknown[]).map(Number),
    StatusCode: r.StatusCode,
  }));
}

let sandbox: Sandbox;
let sdk: CloudWatchClient;

beforeAll(async () => {
  sandbox = await startSandbox({ seed: 'empty' });
  sdk = new CloudWatchClient({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
});

afterAll(async () => {
  sdk.destroy();
  await sandbox.close();
});

async function viaSdk(namespace: string): Promise<Normalized> {
  const metrics = await sdk.send(new ListMetricsCommand({ Namespace: namespace }));
  const statistics = await sdk.send(
    new GetMetricStatisticsCommand({ Namespace: namespace, MetricName: 'Latency', Dimensions: DIMENSIONS, StartTime: new Date(START), EndTime: new Date(END), Period: 60, Statistics: ['SampleCount', 'Sum', 'Maximum'] }),
  );
  const data = await sdk.send(new GetMetricDataCommand({ StartTime: new Date(START), EndTime: new Date(END), MetricDataQueries: queries(namespace) }));
  return {
    metrics: metrics.Metrics,
    statistics: normalizeStatistics((statistics.Datapoints ?? []) as Record<string, unknown>[]),
    data: normalizeData((data.MetricDataResults ?? []) as Record<string, unknown>[]),
  };
}

async function aws(args: readonly string[]): Promise<Record<string, unknown>> {
  const env = cliEnvironment({ AWS_MAX_ATTEMPTS: '1' });
  const { stdout } = await run(cli!, ['--endpoint-url', sandbox.endpoint, '--output', 'json', 'cloudwatch', ...args], { env });
  return stdout.trim() === '' ? {} : (JSON.parse(stdout) as Record<string, unknown>);
}

async function viaCli(namespace: string): Promise<Normalized> {
  const iso = (ms: number): string => new Date(ms).toISOString();
  const metrics = await aws(['list-metrics', '--namespace', namespace]);
  const statistics = await aws([
    'get-metric-statistics', '--namespace', namespace, '--metric-name', 'Latency', '--dimensions', 'Name=Service,Value=checkout',
    '--start-time', iso(START), '--end-time', iso(END), '--period', '60', '--statistics', 'SampleCount', 'Sum', 'Maximum',
  ]);
  const data = await aws(['get-metric-data', '--start-time', iso(START), '--end-time', iso(END), '--metric-data-queries', JSON.stringify(queries(namespace))]);
  return {
    metrics: metrics.Metrics,
    statistics: normalizeStatistics(statistics.Datapoints as Record<string, unknown>[]),
    data: normalizeData(data.MetricDataResults as Record<string, unknown>[]),
  };
}

function viaCbor(operation: string, input: object) {
  return cloudWatchCbor(sandbox.endpoint, operation, input);
}

describe('CloudWatch through the SDK (JSON 1.0), the AWS CLI (query) and RPC v2 CBOR', () => {
  it('the SDK writes and reads back what AWS documents', async () => {
    await sdk.send(new PutMetricDataCommand({ Namespace: 'Compare/Sdk', MetricData: data() }));
    const answers = await viaSdk('Compare/Sdk');
    expect(answers.metrics).toEqual([
      { Namespace: 'Compare/Sdk', MetricName: 'Latency', Dimensions: DIMENSIONS },
      { Namespace: 'Compare/Sdk', MetricName: 'Requests', Dimensions: DIMENSIONS },
    ]);
    expect(answers.statistics).toEqual(EXPECTED_STATISTICS);
    expect(answers.data).toEqual(EXPECTED_DATA);
  });

  it.skipIf(cli === undefined)('the AWS CLI (query protocol) writes the same data and gets the same answers for both namespaces', async () => {
    const json = JSON.stringify(data().map((d) => ({ ...d, Timestamp: (d.Timestamp as Date).toISOString() })));
    await aws(['put-metric-data', '--namespace', 'Compare/Cli', '--metric-data', json]);
    const sdkAnswers = await viaSdk('Compare/Sdk');
    for (const namespace of ['Compare/Cli', 'Compare/Sdk']) {
      const answers = await viaCli(namespace);
      expect(answers.statistics).toEqual(sdkAnswers.statistics);
      expect(answers.data).toEqual(sdkAnswers.data);
      expect(answers.metrics).toEqual((sdkAnswers.metrics as { Namespace: string }[]).map((m) => ({ ...m, Namespace: namespace })));
    }
    expect(await viaSdk('Compare/Cli')).toEqual({ ...sdkAnswers, metrics: (sdkAnswers.metrics as object[]).map((m) => ({ ...m, Namespace: 'Compare/Cli' })) });
  });

  it.skipIf(cli === undefined)('the AWS CLI gets the query protocol’s error codes', async () => {
    const failure = await aws(['get-dashboard', '--dashboard-name', 'missing']).then(
      () => '',
      (error: { stderr: string }) => error.stderr,
    );
    expect(failure).toContain('An error occurred (ResourceNotFound) when calling the GetDashboard operation');
  });

  it('RPC v2 CBOR writes with timestamps as tag 1 and reads the same answers', async () => {
    const put = await viaCbor('PutMetricData', { Namespace: 'Compare/Cbor', MetricData: data() });
    expect(put.status).toBe(200);
    expect(put.headers.get('smithy-protocol')).toBe('rpc-v2-cbor');
    const statistics = await viaCbor('GetMetricStatistics', {
      Namespace: 'Compare/Cbor',
      MetricName: 'Latency',
      Dimensions: DIMENSIONS,
      StartTime: new Date(START),
      EndTime: new Date(END),
      Period: 60,
      Statistics: ['SampleCount', 'Sum', 'Maximum'],
    });
    expect(normalizeStatistics(statistics.body.Datapoints as Record<string, unknown>[])).toEqual(EXPECTED_STATISTICS);
    expect((statistics.body.Datapoints as { Timestamp: unknown }[])[0]!.Timestamp).toBeInstanceOf(Date);
    const results = await viaCbor('GetMetricData', { StartTime: new Date(START), EndTime: new Date(END), MetricDataQueries: queries('Compare/Cbor') });
    expect(normalizeData(results.body.MetricDataResults as Record<string, unknown>[])).toEqual(EXPECTED_DATA);
  });

  it('RPC v2 CBOR errors name the shape and carry the query code', async () => {
    const failed = await viaCbor('GetMetricStatistics', { Namespace: 'Compare/Cbor', MetricName: 'Latency', StartTime: new Date(START), EndTime: new Date(END), Period: 60 });
    expect(failed.status).toBe(400);
    expect(failed.headers.get('x-amzn-query-error')).toBe('InvalidParameterCombination;Sender');
    expect(failed.body).toEqual({
      __type: 'com.amazonaws.cloudwatch#InvalidParameterCombinationException',
      message: 'Must specify either Statistics or ExtendedStatistics, but not both.',
    });
  });
});
