/** Metric filters through the SDK: a filter, then PutLogEvents, and the datapoints in CloudWatch. */
import { CloudWatchClient, GetMetricStatisticsCommand } from '@aws-sdk/client-cloudwatch';
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteMetricFilterCommand,
  DescribeLogGroupsCommand,
  DescribeMetricFiltersCommand,
  PutLogEventsCommand,
  PutMetricFilterCommand,
  TestMetricFilterCommand,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index';
import { rejectionOf } from './test-support';

const REGION = 'ap-southeast-2';
const GROUP = '/sdk/metric-filters';
let sandbox: Sandbox;
let logs: CloudWatchLogsClient;
let cloudwatch: CloudWatchClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  const options = { endpoint: sandbox.endpoint, region: REGION, credentials: { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox-secret' } };
  logs = new CloudWatchLogsClient(options);
  cloudwatch = new CloudWatchClient(options);
  await logs.send(new CreateLogGroupCommand({ logGroupName: GROUP }));
  await logs.send(new CreateLogStreamCommand({ logGroupName: GROUP, logStreamName: 'one' }));
});

afterAll(async () => {
  logs.destroy();
  cloudwatch.destroy();
  await sandbox.close();
});

it('puts, describes, tests and deletes a filter, and publishes the events put after it', async () => {
  const before = Date.now();
  await logs.send(new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: 'one', logEvents: [{ timestamp: before, message: '{"latency": 1000}' }] }));
  await logs.send(
    new PutMetricFilterCommand({
      logGroupName: GROUP,
      filterName: 'latency',
      filterPattern: '{ $.latency > 0 }',
      metricTransformations: [{ metricName: 'Latency', metricNamespace: 'Sdk', metricValue: '$.latency', unit: 'Milliseconds' }],
    }),
  );
  const described = await logs.send(new DescribeMetricFiltersCommand({ logGroupName: GROUP }));
  expect(described.metricFilters?.map((filter) => filter.filterName)).toEqual(['latency']);
  const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: GROUP }));
  expect(groups.logGroups?.[0]?.metricFilterCount).toBe(1);

  const tested = await logs.send(new TestMetricFilterCommand({ filterPattern: '{ $.latency > 0 }', logEventMessages: ['{"latency": 5}', 'plain'] }));
  expect(tested.matches).toEqual([{ eventNumber: 1, eventMessage: '{"latency": 5}', extractedValues: { '$.latency': '5' } }]);

  const now = Date.now();
  await logs.send(
    new PutLogEventsCommand({ logGroupName: GROUP, logStreamName: 'one', logEvents: [{ timestamp: now, message: '{"latency": 20}' }, { timestamp: now, message: '{"latency": 30}' }] }),
  );
  const statistics = await cloudwatch.send(
    new GetMetricStatisticsCommand({ Namespace: 'Sdk', MetricName: 'Latency', StartTime: new Date(before - 3_600_000), EndTime: new Date(now + 60_000), Period: 3600, Statistics: ['Sum', 'SampleCount'] }),
  );
  expect(statistics.Datapoints?.map(({ Sum, SampleCount, Unit }) => ({ Sum, SampleCount, Unit }))).toEqual([{ Sum: 50, SampleCount: 2, Unit: 'Milliseconds' }]);

  await logs.send(new DeleteMetricFilterCommand({ logGroupName: GROUP, filterName: 'latency' }));
  const missing = await rejectionOf(logs.send(new DeleteMetricFilterCommand({ logGroupName: GROUP, filterName: 'latency' })));
  expect(missing.name).toBe('ResourceNotFoundException');
});
