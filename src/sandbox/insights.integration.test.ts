/**
 * Logs Insights in the sandbox through the real AWS SDK v3 client, as the app calls it: a query's life
 * (Scheduled → Running → Complete, or Cancelled by StopQuery), MalformedQueryException with the mistake's
 * position, the concurrency quota, records by @ptr, discovered fields, and saved query definitions.
 */
import {
  CloudWatchLogsClient,
  DeleteQueryDefinitionCommand,
  DescribeQueriesCommand,
  DescribeQueryDefinitionsCommand,
  GetLogGroupFieldsCommand,
  GetLogRecordCommand,
  GetQueryResultsCommand,
  MalformedQueryException,
  PutQueryDefinitionCommand,
  StartQueryCommand,
  StopQueryCommand,
  type GetQueryResultsCommandOutput,
  type ResultField,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AWS_INSIGHTS_SETTINGS } from './services/logs/insights/settings';
import { startSandbox, type Sandbox } from './index';
import { rejectionOf } from './test-support';

const REGION = 'eu-central-1';
const credentials = { accessKeyId: 'AKIDINSIGHTS', secretAccessKey: 'sandbox-secret' };
const MINUTE = 60_000;
const GROUP = '/app/orders';
const LAMBDA_GROUP = '/aws/lambda/checkout';

let sandbox: Sandbox;
let logs: CloudWatchLogsClient;
/** A minute boundary a little in the past; the events sit in the ten minutes after it. */
let base: number;

const seconds = (ms: number): number => Math.floor(ms / 1000);

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  logs = new CloudWatchLogsClient({ endpoint: sandbox.endpoint, region: REGION, credentials, maxAttempts: 1 });
  base = Math.floor((Date.now() - 20 * MINUTE) / MINUTE) * MINUTE;
  const store = sandbox.logs(REGION);
  const app = store.createGroup({ name: GROUP, creationTime: base - MINUTE });
  const web = app.createStream('web-1', base - MINUTE);
  const messages = Array.from({ length: 600 }, (_, index) =>
    JSON.stringify({ level: index % 10 === 0 ? 'ERROR' : 'INFO', route: index % 3 === 0 ? '/orders' : '/cart', latencyMs: index % 100, request: { id: `r${index}` } }),
  );
  app.ingest(
    web,
    messages.map((message, index) => ({ timestamp: base + index * 1000, message, size: Buffer.byteLength(message) })),
    (event) => event.timestamp + 500,
  );
  const lambda = store.createGroup({ name: LAMBDA_GROUP, creationTime: base - MINUTE });
  const instance = lambda.createStream('2026/11/30/[$LATEST]abc', base - MINUTE);
  const lines = [
    'START RequestId: 1f0e Version: $LATEST\n',
    'REPORT RequestId: 1f0e\tDuration: 12.50 ms\tBilled Duration: 13 ms\tMemory Size: 128 MB\tMax Memory Used: 70 MB\tInit Duration: 150.25 ms\t\n',
  ];
  lambda.ingest(
    instance,
    lines.map((message, index) => ({ timestamp: base + index, message, size: Buffer.byteLength(message) })),
    (event) => event.timestamp,
  );
});

afterEach(() => sandbox.insights.configure(AWS_INSIGHTS_SETTINGS));

afterAll(async () => {
  logs.destroy();
  await sandbox.close();
});

async function start(queryString: string, logGroupNames = [GROUP], limit?: number): Promise<string> {
  const { queryId } = await logs.send(
    new StartQueryCommand({ logGroupNames, startTime: seconds(base), endTime: seconds(base + 10 * MINUTE), queryString, ...(limit === undefined ? {} : { limit }) }),
  );
  return queryId as string;
}

/** Polls GetQueryResults until the query ends, returning every answer seen. */
async function poll(queryId: string, intervalMs = 20): Promise<GetQueryResultsCommandOutput[]> {
  const answers: GetQueryResultsCommandOutput[] = [];
  for (;;) {
    const answer = await logs.send(new GetQueryResultsCommand({ queryId }));
    answers.push(answer);
    if (answer.status !== 'Scheduled' && answer.status !== 'Running') return answers;
    await new Promise((resolve) => setTimeout(resolve, intervalMs));
  }
}

async function run(queryString: string, logGroupNames = [GROUP]): Promise<GetQueryResultsCommandOutput> {
  const answers = await poll(await start(queryString, logGroupNames));
  return answers[answers.length - 1] as GetQueryResultsCommandOutput;
}

const record = (row: ResultField[]): Record<string, string | undefined> => Object.fromEntries(row.map((field) => [field.field, field.value]));

describe('StartQuery and GetQueryResults', () => {
  it('runs a stats query to Complete with its statistics', async () => {
    const result = await run('filter level = "ERROR" | stats count(*) as errors, avg(latencyMs) as latency by route | sort route');
    expect(result.status).toBe('Complete');
    expect(result.results?.map(record)).toEqual([
      { route: '/cart', errors: '40', latency: '45' },
      { route: '/orders', errors: '20', latency: '45' },
    ]);
    expect(result.statistics).toMatchObject({ recordsMatched: 60, recordsScanned: 600 });
    expect(result.statistics?.bytesScanned).toBeGreaterThan(600 * 50);
  });

  it('returns events with @ptr, timestamps as AWS shows them, and flattened JSON fields', async () => {
    const result = await run('fields @timestamp, request.id, @log | sort @timestamp desc | limit 2');
    expect(result.results?.map(record)).toEqual([
      expect.objectContaining({ '@timestamp': new Date(base + 599_000).toISOString().replace('T', ' ').replace('Z', ''), 'request.id': 'r599', '@log': `${sandbox.accountId}:${GROUP}` }),
      expect.objectContaining({ 'request.id': 'r598' }),
    ]);
    expect(result.results?.[0]?.find((field) => field.field === '@ptr')?.value).toMatch(/^[\w-]+$/);
  });

  it('shows a query Scheduled, then Running with growing statistics, then Complete', async () => {
    sandbox.insights.configure({ scheduledMs: 50, eventsPerSecond: 2000 });
    const answers = await poll(await start('stats count(*) by bin(1m)'), 25);
    const statuses = [...new Set(answers.map((answer) => answer.status))];
    expect(statuses).toEqual(['Scheduled', 'Running', 'Complete']);
    const scanned = answers.filter((answer) => answer.status === 'Running').map((answer) => answer.statistics?.recordsScanned ?? 0);
    expect(scanned.length).toBeGreaterThan(1);
    expect(scanned[scanned.length - 1]).toBeGreaterThan(scanned[0] as number);
    expect(answers[answers.length - 1]?.results).toHaveLength(10);
  });

  it('refuses a malformed query with the position of the mistake', async () => {
    const queryString = 'fields @message | filter status >= | limit 5';
    const error = await rejectionOf<MalformedQueryException>(start(queryString));
    expect(error).toBeInstanceOf(MalformedQueryException);
    const location = error.queryCompileError?.location;
    expect(queryString.slice(location?.startCharOffset, location?.endCharOffset)).toBe('|');
    expect(error.queryCompileError?.message).toContain('Unexpected "|"');
  });

  it('refuses commands outside the supported language with their position', async () => {
    const error = await rejectionOf<MalformedQueryException>(start('fields @message | pattern @message'));
    expect(error.name).toBe('MalformedQueryException');
    expect(error.queryCompileError?.location).toEqual({ startCharOffset: 18, endCharOffset: 25 });
  });

  it('refuses unknown groups, too many groups and an inverted range', async () => {
    expect((await rejectionOf(start('fields @message', ['/no/such/group']))).name).toBe('ResourceNotFoundException');
    const many = Array.from({ length: 51 }, () => GROUP);
    expect(await rejectionOf(start('fields @message', many))).toMatchObject({ name: 'InvalidParameterException', message: expect.stringContaining('at most 50') as string });
    const inverted = logs.send(new StartQueryCommand({ logGroupName: GROUP, startTime: seconds(base) + 60, endTime: seconds(base), queryString: 'fields @message' }));
    expect((await rejectionOf(inverted)).name).toBe('InvalidParameterException');
  });
});

describe('StopQuery and the concurrency quota', () => {
  it('stops a running query: Cancelled, and a second stop is refused', async () => {
    sandbox.insights.configure({ scheduledMs: 0, eventsPerSecond: 100 });
    const queryId = await start('fields @message');
    await new Promise((resolve) => setTimeout(resolve, 150));
    expect((await logs.send(new GetQueryResultsCommand({ queryId }))).status).toBe('Running');
    expect((await logs.send(new StopQueryCommand({ queryId }))).success).toBe(true);
    const stopped = await logs.send(new GetQueryResultsCommand({ queryId }));
    expect(stopped.status).toBe('Cancelled');
    expect(stopped.statistics?.recordsScanned).toBeLessThan(600);
    expect((await rejectionOf(logs.send(new StopQueryCommand({ queryId })))).name).toBe('InvalidParameterException');
  });

  it('answers LimitExceededException beyond the concurrent-query quota, and lists queries', async () => {
    sandbox.insights.configure({ eventsPerSecond: 100, maxConcurrent: 1 });
    const first = await start('fields @message');
    const error = await rejectionOf(start('fields @message'));
    expect(error).toMatchObject({ name: 'LimitExceededException', message: 'Account maximum query concurrency limit of [1] reached.' });
    const { queries } = await logs.send(new DescribeQueriesCommand({ status: 'Scheduled' }));
    expect(queries?.map((query) => query.queryId)).toContain(first);
    await logs.send(new StopQueryCommand({ queryId: first }));
    const all = await logs.send(new DescribeQueriesCommand({ logGroupName: GROUP }));
    expect(all.queries?.find((query) => query.queryId === first)).toMatchObject({ status: 'Cancelled', queryString: 'fields @message', logGroupName: GROUP });
  });

  it('answers ResourceNotFoundException for an unknown query', async () => {
    expect((await rejectionOf(logs.send(new GetQueryResultsCommand({ queryId: 'nope' })))).name).toBe('ResourceNotFoundException');
  });
});

describe('GetLogRecord, GetLogGroupFields', () => {
  it('reads every field of the event an @ptr points at, Lambda REPORT fields included', async () => {
    const result = await run('filter @type = "REPORT" | fields @duration', [LAMBDA_GROUP]);
    const ptr = result.results?.[0]?.find((field) => field.field === '@ptr')?.value;
    expect(record(result.results?.[0] ?? [])).toMatchObject({ '@duration': '12.5' });
    const { logRecord } = await logs.send(new GetLogRecordCommand({ logRecordPointer: ptr }));
    expect(logRecord).toMatchObject({
      '@timestamp': String(base + 1),
      '@logStream': '2026/11/30/[$LATEST]abc',
      '@log': `${sandbox.accountId}:${LAMBDA_GROUP}`,
      '@type': 'REPORT',
      '@requestId': '1f0e',
      '@billedDuration': '13',
      '@memorySize': '128000000',
      '@maxMemoryUsed': '70000000',
      '@initDuration': '150.25',
    });
    expect((await rejectionOf(logs.send(new GetLogRecordCommand({ logRecordPointer: 'garbage' })))).name).toBe('InvalidParameterException');
  });

  it('lists a group’s fields with the share of events that have each, around a time', async () => {
    const { logGroupFields } = await logs.send(new GetLogGroupFieldsCommand({ logGroupName: GROUP, time: seconds(base + 5 * MINUTE) }));
    const percent = Object.fromEntries((logGroupFields ?? []).map((field) => [field.name, field.percent]));
    expect(percent).toMatchObject({ '@timestamp': 100, '@message': 100, level: 100, 'request.id': 100 });
    // Without a time: the last 15 minutes, which hold the last five minutes of events.
    const recent = await logs.send(new GetLogGroupFieldsCommand({ logGroupName: GROUP }));
    expect(recent.logGroupFields?.map((field) => field.name)).toContain('route');
    const before = await logs.send(new GetLogGroupFieldsCommand({ logGroupName: GROUP, time: seconds(base - 60 * MINUTE) }));
    expect(before.logGroupFields).toEqual([]);
  });
});

describe('query definitions', () => {
  it('saves, lists by prefix, replaces and deletes query definitions', async () => {
    const { queryDefinitionId } = await logs.send(new PutQueryDefinitionCommand({ name: 'ops/errors', queryString: 'filter level = "ERROR"', logGroupNames: [GROUP] }));
    await logs.send(new PutQueryDefinitionCommand({ name: 'billing/latency', queryString: 'stats avg(latencyMs)' }));
    const listed = await logs.send(new DescribeQueryDefinitionsCommand({ queryDefinitionNamePrefix: 'ops/' }));
    expect(listed.queryDefinitions).toEqual([expect.objectContaining({ queryDefinitionId, name: 'ops/errors', logGroupNames: [GROUP] })]);
    await logs.send(new PutQueryDefinitionCommand({ queryDefinitionId, name: 'ops/errors', queryString: 'filter level = "WARN"' }));
    const replaced = await logs.send(new DescribeQueryDefinitionsCommand({ queryDefinitionNamePrefix: 'ops/' }));
    expect(replaced.queryDefinitions?.[0]).toMatchObject({ queryString: 'filter level = "WARN"', logGroupNames: [] });
    const paged = await logs.send(new DescribeQueryDefinitionsCommand({ maxResults: 1 }));
    expect(paged.queryDefinitions?.map((definition) => definition.name)).toEqual(['billing/latency']);
    expect(paged.nextToken).toBeDefined();
    expect((await logs.send(new DeleteQueryDefinitionCommand({ queryDefinitionId }))).success).toBe(true);
    expect((await rejectionOf(logs.send(new DeleteQueryDefinitionCommand({ queryDefinitionId })))).name).toBe('ResourceNotFoundException');
  });
});
