/**
 * The sandbox through the real AWS SDK v3 clients, as the app uses them: every operation, the SDK's
 * paginators, error shapes and statuses, and throttling as the SDK's retry logic sees it.
 */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  DeleteLogGroupCommand,
  DeleteRetentionPolicyCommand,
  DescribeLogGroupsCommand,
  DescribeLogStreamsCommand,
  FilterLogEventsCommand,
  GetLogEventsCommand,
  paginateDescribeLogGroups,
  paginateDescribeLogStreams,
  paginateFilterLogEvents,
  paginateGetLogEvents,
  PutLogEventsCommand,
  PutRetentionPolicyCommand,
  type FilteredLogEvent,
  type OutputLogEvent,
} from '@aws-sdk/client-cloudwatch-logs';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_REQUEST_BYTES, startSandbox, type Sandbox } from './index';
import { rejectionOf } from './test-support';

const credentials = { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox-secret' };
const HOUR = 3_600_000;

let sandbox: Sandbox;
let logs: CloudWatchLogsClient;

function logsClient(region = 'us-east-1', maxAttempts = 3): CloudWatchLogsClient {
  return new CloudWatchLogsClient({ endpoint: sandbox.endpoint, region, credentials, maxAttempts });
}

/** Runs a call that must fail and returns the SDK's error. */
const failure = (call: Promise<unknown>) => rejectionOf<Error & { $metadata: { httpStatusCode?: number; attempts?: number } }>(call);

async function collect<T>(pages: AsyncIterable<T>): Promise<T[]> {
  const all: T[] = [];
  for await (const page of pages) all.push(page);
  return all;
}

beforeAll(async () => {
  sandbox = await startSandbox({ port: 0 });
  logs = logsClient();
});

afterAll(async () => {
  logs.destroy();
  await sandbox.close();
});

describe('STS', () => {
  it('answers GetCallerIdentity with the demo account', async () => {
    const sts = new STSClient({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials });
    const identity = await sts.send(new GetCallerIdentityCommand({}));
    expect(identity).toMatchObject({ Account: '123456789012', Arn: 'arn:aws:iam::123456789012:user/sandbox', UserId: expect.any(String) });
    expect(identity.$metadata.httpStatusCode).toBe(200);
    sts.destroy();
  });

  it('uses the account ID it was started with', async () => {
    const other = await startSandbox({ accountId: '210987654321' });
    const sts = new STSClient({ endpoint: other.endpoint, region: 'eu-west-1', credentials });
    expect((await sts.send(new GetCallerIdentityCommand({}))).Account).toBe('210987654321');
    sts.destroy();
    await other.close();
  });
});

describe('CloudWatch Logs through the SDK', () => {
  it('creates, describes, writes, reads, searches and deletes', async () => {
    const now = Date.now();
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/sdk/app', tags: { team: 'core' }, logGroupClass: 'STANDARD' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/sdk/app', logStreamName: 'web-1' }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/sdk/app', logStreamName: 'web-2' }));
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: '/sdk/app',
        logStreamName: 'web-1',
        logEvents: [
          { timestamp: now - 3000, message: 'INFO started' },
          { timestamp: now - 1000, message: 'ERROR database timeout' },
        ],
      }),
    );
    const put = await logs.send(
      new PutLogEventsCommand({
        logGroupName: '/sdk/app',
        logStreamName: 'web-2',
        logEvents: [
          { timestamp: now - 20 * 24 * HOUR, message: 'too old' },
          { timestamp: now - 2000, message: 'ERROR disk full' },
          { timestamp: now + 3 * HOUR, message: 'too new' },
        ],
      }),
    );
    expect(put.rejectedLogEventsInfo).toEqual({ tooOldLogEventEndIndex: 1, tooNewLogEventStartIndex: 2 });

    const groups = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/sdk/' }));
    expect(groups.logGroups).toEqual([
      expect.objectContaining({
        logGroupName: '/sdk/app',
        arn: `arn:aws:logs:us-east-1:123456789012:log-group:/sdk/app:*`,
        logGroupArn: `arn:aws:logs:us-east-1:123456789012:log-group:/sdk/app`,
        storedBytes: 'INFO started'.length + 'ERROR database timeout'.length + 'ERROR disk full'.length,
        logGroupClass: 'STANDARD',
        metricFilterCount: 0,
      }),
    ]);

    const streams = await logs.send(new DescribeLogStreamsCommand({ logGroupName: '/sdk/app', orderBy: 'LastEventTime', descending: true }));
    expect(streams.logStreams?.map((stream) => stream.logStreamName)).toEqual(['web-1', 'web-2']);
    expect(streams.logStreams?.[0]).toMatchObject({ firstEventTimestamp: now - 3000, lastEventTimestamp: now - 1000 });

    const page = await logs.send(new GetLogEventsCommand({ logGroupName: '/sdk/app', logStreamName: 'web-1', startFromHead: true }));
    expect(page.events?.map((event) => event.message)).toEqual(['INFO started', 'ERROR database timeout']);
    expect(page.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);

    const found = await logs.send(new FilterLogEventsCommand({ logGroupName: '/sdk/app', filterPattern: 'ERROR' }));
    expect(found.events?.map((event) => [event.logStreamName, event.message])).toEqual([
      ['web-2', 'ERROR disk full'],
      ['web-1', 'ERROR database timeout'],
    ]);

    await logs.send(new PutRetentionPolicyCommand({ logGroupName: '/sdk/app', retentionInDays: 7 }));
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/sdk/' }))).logGroups?.[0]?.retentionInDays).toBe(7);
    await logs.send(new DeleteRetentionPolicyCommand({ logGroupName: '/sdk/app' }));
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/sdk/' }))).logGroups?.[0]?.retentionInDays).toBeUndefined();

    await logs.send(new DeleteLogGroupCommand({ logGroupName: '/sdk/app' }));
    expect((await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/sdk/' }))).logGroups).toEqual([]);
  });

  it('keeps each region’s log groups apart', async () => {
    const europe = logsClient('eu-west-1');
    await europe.send(new CreateLogGroupCommand({ logGroupName: '/regional/only-in-eu' }));
    const inEurope = await europe.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/regional/' }));
    const inVirginia = await logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: '/regional/' }));
    expect(inEurope.logGroups?.map((group) => group.arn)).toEqual(['arn:aws:logs:eu-west-1:123456789012:log-group:/regional/only-in-eu:*']);
    expect(inVirginia.logGroups).toEqual([]);
    europe.destroy();
  });

  it('works with the SDK’s paginators', async () => {
    const base = Date.now() - HOUR;
    sandbox.seed({
      regions: [
        {
          region: 'us-east-1',
          logGroups: Array.from({ length: 120 }, (_, g) => ({
            name: `/paged/group-${String(g).padStart(3, '0')}`,
            creationTime: base,
            streams:
              g === 0
                ? Array.from({ length: 30 }, (_, s) => ({
                    name: `stream-${String(s).padStart(2, '0')}`,
                    events: Array.from({ length: 40 }, (_, e) => ({ timestamp: base + e * 1000 + s, message: `s${s} e${e}` })),
                  }))
                : [],
          })),
        },
      ],
    });

    const groupPages = await collect(paginateDescribeLogGroups({ client: logs, pageSize: 50 }, { logGroupNamePrefix: '/paged/' }));
    expect(groupPages.map((page) => page.logGroups?.length)).toEqual([50, 50, 20]);
    expect(groupPages.flatMap((page) => page.logGroups ?? []).map((group) => group.logGroupName)).toEqual(
      Array.from({ length: 120 }, (_, g) => `/paged/group-${String(g).padStart(3, '0')}`),
    );

    const streamPages = await collect(paginateDescribeLogStreams({ client: logs, pageSize: 7 }, { logGroupName: '/paged/group-000' }));
    expect(streamPages.flatMap((page) => page.logStreams ?? [])).toHaveLength(30);

    const filtered: FilteredLogEvent[] = [];
    for await (const page of paginateFilterLogEvents({ client: logs, pageSize: 100 }, { logGroupName: '/paged/group-000' })) {
      filtered.push(...(page.events ?? []));
    }
    expect(filtered).toHaveLength(1200);
    expect(filtered.map((event) => event.timestamp)).toEqual([...filtered.map((event) => event.timestamp)].sort((a, b) => (a ?? 0) - (b ?? 0)));
    expect(new Set(filtered.map((event) => event.eventId)).size).toBe(1200);

    const read: OutputLogEvent[] = [];
    const pages = paginateGetLogEvents(
      { client: logs, pageSize: 15, stopOnSameToken: true },
      { logGroupName: '/paged/group-000', logStreamName: 'stream-07', startFromHead: true },
    );
    for await (const page of pages) read.push(...(page.events ?? []));
    expect(read.map((event) => event.message)).toEqual(Array.from({ length: 40 }, (_, e) => `s7 e${e}`));
  });

  it('answers errors with the codes and statuses the SDK expects', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/errors/g' }));

    const duplicate = await failure(logs.send(new CreateLogGroupCommand({ logGroupName: '/errors/g' })));
    expect(duplicate.name).toBe('ResourceAlreadyExistsException');
    expect(duplicate.message).toBe('The specified log group already exists');
    expect(duplicate.$metadata.httpStatusCode).toBe(400);

    const missing = await failure(logs.send(new DescribeLogStreamsCommand({ logGroupName: '/errors/none' })));
    expect(missing.name).toBe('ResourceNotFoundException');
    expect(missing.$metadata.httpStatusCode).toBe(400);

    const noStream = await failure(logs.send(new GetLogEventsCommand({ logGroupName: '/errors/g', logStreamName: 'none' })));
    expect([noStream.name, noStream.message]).toEqual(['ResourceNotFoundException', 'The specified log stream does not exist.']);

    const badLimit = await failure(logs.send(new DescribeLogGroupsCommand({ limit: 51 })));
    expect(badLimit.name).toBe('InvalidParameterException');
    expect(badLimit.message).toBe(
      "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50",
    );

    const both = await failure(logs.send(new DescribeLogStreamsCommand({ logGroupName: '/errors/g', logGroupIdentifier: '/errors/g' })));
    expect(both.name).toBe('ValidationException');

    const order = await failure(logs.send(new DescribeLogStreamsCommand({ logGroupName: '/errors/g', orderBy: 'LastEventTime', logStreamNamePrefix: 'a' })));
    expect([order.name, order.message]).toEqual(['InvalidParameterException', 'Cannot order by LastEventTime with a logStreamNamePrefix.']);

    const exclusive = await failure(logs.send(new DescribeLogGroupsCommand({ logGroupNamePrefix: 'a', logGroupNamePattern: 'b' })));
    expect(exclusive.name).toBe('InvalidParameterException');

    const retention = await failure(logs.send(new PutRetentionPolicyCommand({ logGroupName: '/errors/g', retentionInDays: 2 })));
    expect(retention.name).toBe('InvalidParameterException');

    await logs.send(new CreateLogStreamCommand({ logGroupName: '/errors/g', logStreamName: 's' }));
    const unordered = await failure(
      logs.send(
        new PutLogEventsCommand({
          logGroupName: '/errors/g',
          logStreamName: 's',
          logEvents: [
            { timestamp: Date.now(), message: 'b' },
            { timestamp: Date.now() - 10, message: 'a' },
          ],
        }),
      ),
    );
    expect([unordered.name, unordered.message]).toEqual([
      'InvalidParameterException',
      'Log events in a single PutLogEvents request must be in chronological order.',
    ]);

    const badToken = await failure(logs.send(new GetLogEventsCommand({ logGroupName: '/errors/g', logStreamName: 's', nextToken: 'f/nope' })));
    expect([badToken.name, badToken.message]).toEqual(['InvalidParameterException', 'The specified nextToken is invalid.']);
  });

  it('rejects a filter pattern that does not parse', async () => {
    await logs.send(new CreateLogGroupCommand({ logGroupName: '/errors/pattern' }));
    const invalid = await failure(logs.send(new FilterLogEventsCommand({ logGroupName: '/errors/pattern', filterPattern: '{ $.level = ' })));
    expect(invalid.name).toBe('InvalidParameterException');
    expect(invalid.message).toMatch(/^Invalid filter pattern/);
  });

  it('refuses unsigned requests as AWS does', async () => {
    const response = await fetch(sandbox.endpoint, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'Logs_20140328.DescribeLogGroups' },
      body: '{}',
    });
    expect(response.status).toBe(403);
    expect(response.headers.get('x-amzn-requestid')).toMatch(/^[0-9a-f-]{36}$/);
    expect(await response.json()).toEqual({ __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' });
  });
});

describe('fault injection through the SDK', () => {
  it('throttles with ThrottlingException, which the SDK’s retry logic classifies as throttling', async () => {
    // A retry strategy that records how the SDK classified each failure, and retries twice without delay.
    const classified: string[] = [];
    const token = (retries: number) => ({ getRetryCount: () => retries, getRetryDelay: () => 0 });
    const recording = {
      acquireInitialRetryToken: async () => token(0),
      refreshRetryTokenForRetry: async (previous: { getRetryCount(): number }, info: { errorType: string; error?: unknown }) => {
        classified.push(info.errorType);
        if (previous.getRetryCount() >= 2) throw info.error;
        return token(previous.getRetryCount() + 1);
      },
      recordSuccess: () => undefined,
    };
    const client = new CloudWatchLogsClient({ endpoint: sandbox.endpoint, region: 'us-east-1', credentials, retryStrategy: recording });
    sandbox.setFaults({ throttleRate: 1 });
    try {
      const error = await failure(client.send(new DescribeLogGroupsCommand({})));
      expect(error.name).toBe('ThrottlingException');
      expect(error.message).toBe('Rate exceeded');
      expect(error.$metadata.httpStatusCode).toBe(400);
      expect(error.$metadata.attempts).toBe(3);
      expect(classified).toEqual(['THROTTLING', 'THROTTLING', 'THROTTLING']);
      // With the SDK's own retry strategy too: three attempts, then the error.
      expect((await failure(logs.send(new DescribeLogGroupsCommand({})))).$metadata.attempts).toBe(3);
    } finally {
      sandbox.setFaults({});
      client.destroy();
    }
    expect((await logs.send(new DescribeLogGroupsCommand({ limit: 1 }))).$metadata.attempts).toBe(1);
  });

  it('enforces per-operation TPS quotas; the SDK backs off and gets through', async () => {
    sandbox.setFaults({ quotas: { 'logs:DescribeLogGroups': 2 } });
    try {
      const client = logsClient('us-east-1', 10);
      const results = await Promise.all(Array.from({ length: 5 }, () => client.send(new DescribeLogGroupsCommand({ limit: 1 }))));
      const attempts = results.map((result) => result.$metadata.attempts ?? 1);
      expect(attempts.filter((count) => count === 1)).toHaveLength(2);
      expect(Math.max(...attempts)).toBeGreaterThan(1);
      client.destroy();
    } finally {
      sandbox.setFaults({});
    }
  });

  it('adds latency', async () => {
    sandbox.setFaults({ latencyMs: 150 });
    try {
      const started = performance.now();
      await logs.send(new DescribeLogGroupsCommand({ limit: 1 }));
      expect(performance.now() - started).toBeGreaterThanOrEqual(140);
    } finally {
      sandbox.setFaults({});
    }
  });
});

describe('HTTP details', () => {
  const signedHeaders = {
    'Content-Type': 'application/x-amz-json-1.1',
    'X-Amz-Target': 'Logs_20140328.DescribeLogGroups',
    Authorization: 'AWS4-HMAC-SHA256 Credential=AKID/20250115/us-east-1/logs/aws4_request, SignedHeaders=host, Signature=00',
  };

  it('accepts gzip-compressed request bodies', async () => {
    const response = await fetch(sandbox.endpoint, {
      method: 'POST',
      headers: { ...signedHeaders, 'Content-Encoding': 'gzip' },
      body: gzipSync(JSON.stringify({ limit: 1 })),
    });
    expect(response.status).toBe(200);
  });

  it('refuses bodies over the size limit with 413', async () => {
    const response = await fetch(sandbox.endpoint, { method: 'POST', headers: signedHeaders, body: 'x'.repeat(MAX_REQUEST_BYTES + 1) });
    expect(response.status).toBe(413);
  });
});

describe('seeds', () => {
  it('starts with the demo account when asked', async () => {
    const demo = await startSandbox({ seed: 'demo' });
    const client = new CloudWatchLogsClient({ endpoint: demo.endpoint, region: 'us-east-1', credentials });
    const groups = await client.send(new DescribeLogGroupsCommand({}));
    expect(groups.logGroups?.length).toBeGreaterThan(0);
    const first = groups.logGroups?.[0]?.logGroupName ?? '';
    const streams = await client.send(new DescribeLogStreamsCommand({ logGroupName: first, orderBy: 'LastEventTime', descending: true, limit: 1 }));
    const stream = streams.logStreams?.[0]?.logStreamName ?? '';
    const events = await client.send(new GetLogEventsCommand({ logGroupName: first, logStreamName: stream, limit: 5 }));
    expect(events.events?.length).toBeGreaterThan(0);
    client.destroy();
    await demo.close();
  });
});
