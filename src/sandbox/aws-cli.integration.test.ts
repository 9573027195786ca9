/**
 * The sandbox driven by the AWS CLI, a client nobody here wrote. The binary comes from $AWS_CLI, else
 * `aws` on PATH (CI installs Debian's awscli); without one the suite is skipped and says so. `aws logs
 * tail` exists in version 2 only: those tests use the first version 2 CLI among these. Also starts the
 * sandbox's own command line (`cli.ts`) and stops it with SIGTERM.
 */
import { execFile, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cliEnvironment, findAwsCli, findAwsCliV2 } from './aws-cli-testing';
import { startSandbox, type Sandbox, type SeedData } from './index';

const run = promisify(execFile);

const awsCli = findAwsCli();
if (awsCli === undefined) console.warn('AWS CLI not found (set AWS_CLI or put `aws` on PATH): skipping the AWS CLI tests.');
const awsCliV2 = findAwsCliV2();
if (awsCliV2 === undefined) console.warn('No AWS CLI version 2 found (set AWS_CLI or put one on PATH): skipping the `aws logs tail` tests.');

/** Runs `<cli> --endpoint-url <endpoint> <args>`; a failure is a result, not an exception. */
async function runCli(cli: string, endpoint: string, args: readonly string[], extraEnv: Record<string, string> = {}): Promise<{ code: number; stdout: string; stderr: string }> {
  try {
    const { stdout, stderr } = await run(cli, ['--endpoint-url', endpoint, ...args], { env: cliEnvironment(extraEnv) });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const failed = error as { code?: number; stdout?: string; stderr?: string };
    return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
  }
}

const NOW = Date.now();
const MINUTE = 60_000;
const HOUR_MS = 60 * MINUTE;

/** 25 events ten seconds apart, dealt round-robin to streams a, b and c; every fifth is an ERROR. */
const PAGING_EVENTS = Array.from({ length: 25 }, (_, k) => ({
  stream: ['a', 'b', 'c'][k % 3] as string,
  timestamp: NOW - 30 * MINUTE + k * 10_000,
  message: k % 5 === 0 ? `ERROR event ${k}` : `INFO event ${k}`,
}));

const seed: SeedData = {
  regions: [
    {
      region: 'us-east-1',
      logGroups: [
        {
          name: '/aws/lambda/checkout',
          creationTime: NOW - 60 * MINUTE,
          retentionInDays: 14,
          streams: [
            {
              name: '2025/01/15/[$LATEST]aaaa',
              events: [
                { timestamp: NOW - 10 * MINUTE, message: 'START RequestId: 1' },
                { timestamp: NOW - 9 * MINUTE, message: 'ERROR payment declined' },
                { timestamp: NOW - 8 * MINUTE, message: 'END RequestId: 1' },
              ],
            },
            {
              name: '2025/01/15/[$LATEST]bbbb',
              events: [{ timestamp: NOW - 5 * MINUTE, message: 'ERROR card expired' }],
            },
          ],
        },
        // Enough groups that the CLI has to follow nextToken (it asks for 50 per page).
        ...Array.from({ length: 60 }, (_, i) => ({ name: `/app/service-${String(i).padStart(2, '0')}`, creationTime: NOW - MINUTE, streams: [] })),
        {
          name: '/cli/paging',
          creationTime: NOW - 60 * MINUTE,
          streams: ['a', 'b', 'c'].map((name) => ({ name, events: PAGING_EVENTS.filter((event) => event.stream === name) })),
        },
      ],
    },
  ],
};

// On CI the AWS CLI is installed by .ci/run: there a missing CLI fails the suite instead of skipping it.
describe.skipIf(awsCli === undefined && !process.env['CI'])(`AWS CLI (${awsCli ?? 'not found'}) against the sandbox`, () => {
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ seed });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  /** The CLI's exit code for an error the service returned: 254 in v2, 255 in v1. */
  const SERVICE_ERROR_EXIT_CODES = [254, 255];

  /** Runs `aws --endpoint-url … <args>` with dummy credentials, isolated from the user's AWS config. */
  async function aws(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return awsWith({}, ...args);
  }

  /** `aws` with some environment variables replaced (other credentials, say). */
  async function awsWith(extraEnv: Record<string, string>, ...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return runCli(awsCli as string, sandbox.endpoint, ['--output', 'json', ...args], extraEnv);
  }

  async function awsJson(...args: string[]): Promise<Record<string, unknown>> {
    const result = await aws(...args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout) as Record<string, unknown>;
  }

  it('sts get-caller-identity', async () => {
    expect(await awsJson('sts', 'get-caller-identity')).toEqual({
      UserId: 'AIDASANDBOXUSER0EXAMPLE',
      Account: '123456789012',
      Arn: 'arn:aws:iam::123456789012:user/sandbox',
    });
  });

  it('sts assume-role, then get-caller-identity as the role; a revoked key is refused', async () => {
    const assumed = await awsJson('sts', 'assume-role', '--role-arn', 'arn:aws:iam::210987654321:role/Deployer', '--role-session-name', 'cli');
    const credentials = assumed.Credentials as { AccessKeyId: string; SecretAccessKey: string; SessionToken: string; Expiration: string };
    expect(credentials.AccessKeyId).toMatch(/^ASIA/);
    expect(assumed.AssumedRoleUser).toMatchObject({ Arn: 'arn:aws:sts::210987654321:assumed-role/Deployer/cli' });
    const asRole = await awsWith(
      { AWS_ACCESS_KEY_ID: credentials.AccessKeyId, AWS_SECRET_ACCESS_KEY: credentials.SecretAccessKey, AWS_SESSION_TOKEN: credentials.SessionToken },
      'sts',
      'get-caller-identity',
    );
    expect(JSON.parse(asRole.stdout)).toMatchObject({ Account: '210987654321', Arn: 'arn:aws:sts::210987654321:assumed-role/Deployer/cli' });

    sandbox.identity.revoke('AKIACLIREVOKED');
    const revoked = await awsWith({ AWS_ACCESS_KEY_ID: 'AKIACLIREVOKED' }, 'sts', 'get-caller-identity');
    expect(SERVICE_ERROR_EXIT_CODES).toContain(revoked.code);
    expect(revoked.stderr).toContain(
      'An error occurred (InvalidClientTokenId) when calling the GetCallerIdentity operation: The security token included in the request is invalid.',
    );
  });

  it('logs describe-log-groups, following pages', async () => {
    const all = (await awsJson('logs', 'describe-log-groups')).logGroups as { logGroupName: string; retentionInDays?: number }[];
    expect(all).toHaveLength(62);
    expect(all[0]).toMatchObject({ logGroupName: '/app/service-00' });
    expect(all[60]).toMatchObject({ logGroupName: '/aws/lambda/checkout', retentionInDays: 14 });
    const lambda = await awsJson('logs', 'describe-log-groups', '--log-group-name-prefix', '/aws/lambda/');
    expect((lambda.logGroups as unknown[]).length).toBe(1);
  });

  it('logs describe-log-streams', async () => {
    const result = await awsJson('logs', 'describe-log-streams', '--log-group-name', '/aws/lambda/checkout', '--order-by', 'LastEventTime', '--descending');
    expect((result.logStreams as { logStreamName: string }[]).map((stream) => stream.logStreamName)).toEqual([
      '2025/01/15/[$LATEST]bbbb',
      '2025/01/15/[$LATEST]aaaa',
    ]);
  });

  it('logs get-log-events', async () => {
    const result = await awsJson('logs', 'get-log-events', '--log-group-name', '/aws/lambda/checkout', '--log-stream-name', '2025/01/15/[$LATEST]aaaa', '--start-from-head');
    expect((result.events as { message: string }[]).map((event) => event.message)).toEqual([
      'START RequestId: 1',
      'ERROR payment declined',
      'END RequestId: 1',
    ]);
    expect(result.nextForwardToken).toMatch(/^f\/\d{56}\/s$/);
  });

  it('logs filter-log-events --filter-pattern', async () => {
    const result = await awsJson('logs', 'filter-log-events', '--log-group-name', '/aws/lambda/checkout', '--filter-pattern', 'ERROR');
    expect((result.events as { logStreamName: string; message: string }[]).map((event) => [event.logStreamName, event.message])).toEqual([
      ['2025/01/15/[$LATEST]aaaa', 'ERROR payment declined'],
      ['2025/01/15/[$LATEST]bbbb', 'ERROR card expired'],
    ]);
  });

  it('logs filter-log-events pages across streams in time order: --max-items with --starting-token, and the CLI’s own paging', async () => {
    type Page = { events: { logStreamName: string; message: string }[]; NextToken?: string };
    const paging = ['logs', 'filter-log-events', '--log-group-name', '/cli/paging'];
    const listed = (page: Page) => page.events.map((event) => [event.logStreamName, event.message]);
    const expected = PAGING_EVENTS.map((event) => [event.stream, event.message]);

    // Four events a call (the sandbox's nextToken), ten an answer (the CLI's NextToken).
    const first = (await awsJson(...paging, '--page-size', '4', '--max-items', '10')) as unknown as Page;
    expect(listed(first)).toEqual(expected.slice(0, 10));
    expect(first.NextToken).toEqual(expect.any(String));
    const second = (await awsJson(...paging, '--page-size', '4', '--max-items', '10', '--starting-token', first.NextToken as string)) as unknown as Page;
    expect(listed(second)).toEqual(expected.slice(10, 20));
    const rest = (await awsJson(...paging, '--page-size', '4', '--starting-token', second.NextToken as string)) as unknown as Page;
    expect(listed(rest)).toEqual(expected.slice(20));
    expect(rest.NextToken).toBeUndefined();

    // Without --max-items the CLI follows every nextToken itself.
    expect(listed((await awsJson(...paging, '--page-size', '3')) as unknown as Page)).toEqual(expected);
    const errors = (await awsJson(...paging, '--filter-pattern', 'ERROR', '--log-stream-names', 'a', 'c', '--page-size', '2')) as unknown as Page;
    expect(listed(errors)).toEqual(PAGING_EVENTS.filter((event) => event.message.startsWith('ERROR') && event.stream !== 'b').map((event) => [event.stream, event.message]));
  });

  it('logs create-log-group, create-log-stream and put-log-events', async () => {
    expect((await aws('logs', 'create-log-group', '--log-group-name', '/cli/new')).code).toBe(0);
    expect((await aws('logs', 'create-log-stream', '--log-group-name', '/cli/new', '--log-stream-name', 'one')).code).toBe(0);
    const put = await awsJson(
      'logs',
      'put-log-events',
      '--log-group-name',
      '/cli/new',
      '--log-stream-name',
      'one',
      '--log-events',
      `timestamp=${Date.now() - 1000},message=hello from the CLI`,
    );
    expect(put.nextSequenceToken).toMatch(/^\d{56}$/);
    const read = await awsJson('logs', 'get-log-events', '--log-group-name', '/cli/new', '--log-stream-name', 'one');
    expect((read.events as { message: string }[]).map((event) => event.message)).toEqual(['hello from the CLI']);
  });

  it('logs put-metric-filter, describe-metric-filters and test-metric-filter; an invalid pattern is refused', async () => {
    expect((await aws('logs', 'create-log-group', '--log-group-name', '/cli/filtered')).code).toBe(0);
    const transformations = 'metricName=Bytes,metricNamespace=Cli,metricValue=$bytes,unit=Bytes';
    expect((await aws('logs', 'put-metric-filter', '--log-group-name', '/cli/filtered', '--filter-name', 'bytes', '--filter-pattern', '[ip, status, bytes]', '--metric-transformations', transformations)).code).toBe(0);
    const described = await awsJson('logs', 'describe-metric-filters', '--log-group-name', '/cli/filtered');
    expect(described.metricFilters).toMatchObject([{ filterName: 'bytes', filterPattern: '[ip, status, bytes]', metricTransformations: [{ metricValue: '$bytes', unit: 'Bytes' }] }]);
    const tested = await awsJson('logs', 'test-metric-filter', '--filter-pattern', '[ip, status=5*, bytes]', '--log-event-messages', '10.0.0.1 200 12', '10.0.0.2 503 7');
    expect(tested).toEqual({ matches: [{ eventNumber: 2, eventMessage: '10.0.0.2 503 7', extractedValues: { $1: '10.0.0.2', $2: '503', $3: '7' } }] });
    const refused = await aws('logs', 'put-metric-filter', '--log-group-name', '/cli/filtered', '--filter-name', 'bad', '--filter-pattern', '{ $.a = ', '--metric-transformations', transformations);
    expect(SERVICE_ERROR_EXIT_CODES).toContain(refused.code);
    expect(refused.stderr).toContain('InvalidParameterException');
  });

  it('sns create-topic, publish (kept by the sandbox) and list-topics; publishing to a missing topic is NotFound', async () => {
    const created = await awsJson('sns', 'create-topic', '--name', 'cli-alarms', '--tags', 'Key=team,Value=ops');
    expect(created).toEqual({ TopicArn: 'arn:aws:sns:us-east-1:123456789012:cli-alarms' });
    const published = await awsJson(
      'sns',
      'publish',
      '--topic-arn',
      'arn:aws:sns:us-east-1:123456789012:cli-alarms',
      '--subject',
      'ALARM: cli',
      '--message',
      'hello from the CLI',
      '--message-attributes',
      '{"severity":{"DataType":"String","StringValue":"high"}}',
    );
    expect(sandbox.sns('us-east-1').published('arn:aws:sns:us-east-1:123456789012:cli-alarms')).toMatchObject([
      { messageId: published.MessageId, message: 'hello from the CLI', subject: 'ALARM: cli', messageAttributes: { severity: { DataType: 'String', StringValue: 'high' } } },
    ]);
    expect(await awsJson('sns', 'list-topics')).toEqual({ Topics: [{ TopicArn: 'arn:aws:sns:us-east-1:123456789012:cli-alarms' }] });

    const missing = await aws('sns', 'publish', '--topic-arn', 'arn:aws:sns:us-east-1:123456789012:nowhere', '--message', 'm');
    expect(SERVICE_ERROR_EXIT_CODES).toContain(missing.code);
    expect(missing.stderr).toContain('An error occurred (NotFound) when calling the Publish operation: Topic does not exist');
  });

  it('cloudtrail lookup-events finds the CLI’s own write, and pages with --max-items and --starting-token', async () => {
    expect((await aws('logs', 'create-log-group', '--log-group-name', '/cli/audited', '--region', 'us-west-1')).code).toBe(0);
    expect((await aws('logs', 'put-retention-policy', '--log-group-name', '/cli/audited', '--retention-in-days', '7', '--region', 'us-west-1')).code).toBe(0);
    const found = await awsJson('cloudtrail', 'lookup-events', '--region', 'us-west-1', '--lookup-attributes', 'AttributeKey=ResourceName,AttributeValue=/cli/audited');
    const events = found.Events as { EventName: string; Username: string; ReadOnly: string; Resources: unknown[]; CloudTrailEvent: string }[];
    expect(events.map((event) => event.EventName)).toEqual(['PutRetentionPolicy', 'CreateLogGroup']);
    expect(events[0]).toMatchObject({ Username: 'sandbox', ReadOnly: 'false', Resources: [{ ResourceType: 'AWS::Logs::LogGroup', ResourceName: '/cli/audited' }] });
    expect(JSON.parse(events[0]?.CloudTrailEvent ?? '{}')).toMatchObject({ eventSource: 'logs.amazonaws.com', requestParameters: { logGroupName: '/cli/audited', retentionInDays: 7 } });

    const first = await awsJson('cloudtrail', 'lookup-events', '--region', 'us-west-1', '--max-items', '1');
    expect((first.Events as unknown[]).length).toBe(1);
    const rest = await awsJson('cloudtrail', 'lookup-events', '--region', 'us-west-1', '--starting-token', first.NextToken as string);
    expect([...(first.Events as { EventId: string }[]), ...(rest.Events as { EventId: string }[])].map((event) => event.EventId)).toEqual(
      events.map((event) => (event as unknown as { EventId: string }).EventId),
    );

    const refused = await aws('cloudtrail', 'lookup-events', '--region', 'us-west-1', '--lookup-attributes', 'AttributeKey=ReadOnly,AttributeValue=maybe');
    expect(SERVICE_ERROR_EXIT_CODES).toContain(refused.code);
    expect(refused.stderr).toContain('InvalidLookupAttributesException');
  });

  it('logs start-query and get-query-results, polling until the query completes; get-log-record by @ptr, describe-queries; a malformed query is refused', async () => {
    const seconds = (ms: number): string => String(Math.floor(ms / 1000));
    const started = await awsJson(
      'logs',
      'start-query',
      '--log-group-name',
      '/cli/paging',
      '--start-time',
      seconds(NOW - 60 * MINUTE),
      '--end-time',
      seconds(NOW),
      '--query-string',
      'filter @message like /ERROR/ | stats count(*) as errors by @logStream | sort @logStream',
    );
    const queryId = started.queryId as string;
    expect(queryId).toEqual(expect.any(String));
    let answer: Record<string, unknown>;
    do answer = await awsJson('logs', 'get-query-results', '--query-id', queryId);
    while (answer.status === 'Scheduled' || answer.status === 'Running');
    expect(answer.status).toBe('Complete');
    // Events 0, 5, 10, 15, 20 are the errors: streams a, c, b, a, c.
    expect(answer.results).toEqual([
      [{ field: '@logStream', value: 'a' }, { field: 'errors', value: '2' }],
      [{ field: '@logStream', value: 'b' }, { field: 'errors', value: '1' }],
      [{ field: '@logStream', value: 'c' }, { field: 'errors', value: '2' }],
    ]);
    expect(answer.statistics).toMatchObject({ recordsMatched: 5, recordsScanned: 25 });

    const events = await awsJson('logs', 'start-query', '--log-group-name', '/cli/paging', '--start-time', seconds(NOW - 60 * MINUTE), '--end-time', seconds(NOW), '--query-string', 'filter @message like "ERROR event 20" | fields @message');
    let eventAnswer: Record<string, unknown>;
    do eventAnswer = await awsJson('logs', 'get-query-results', '--query-id', events.queryId as string);
    while (eventAnswer.status === 'Scheduled' || eventAnswer.status === 'Running');
    const [row] = eventAnswer.results as Array<Array<{ field: string; value: string }>>;
    const pointer = row?.find((field) => field.field === '@ptr')?.value as string;
    const record = await awsJson('logs', 'get-log-record', '--log-record-pointer', pointer);
    expect(record.logRecord).toMatchObject({ '@message': 'ERROR event 20', '@logStream': 'c', '@log': '123456789012:/cli/paging' });
    const described = await awsJson('logs', 'describe-queries', '--log-group-name', '/cli/paging');
    expect((described.queries as Array<{ queryId: string; status: string }>).map((query) => [query.queryId, query.status])).toEqual([
      [events.queryId, 'Complete'],
      [queryId, 'Complete'],
    ]);

    const malformed = await aws('logs', 'start-query', '--log-group-name', '/cli/paging', '--start-time', '0', '--end-time', seconds(NOW), '--query-string', 'stats count(*) by');
    expect(SERVICE_ERROR_EXIT_CODES).toContain(malformed.code);
    expect(malformed.stderr).toContain('(MalformedQueryException) when calling the StartQuery operation: Unexpected end of query');
  });

  it('reports errors the way the CLI expects (exit code, error code and message)', async () => {
    const missing = await aws('logs', 'describe-log-streams', '--log-group-name', '/does/not/exist');
    expect(SERVICE_ERROR_EXIT_CODES).toContain(missing.code);
    expect(missing.stderr).toContain('An error occurred (ResourceNotFoundException) when calling the DescribeLogStreams operation: The specified log group does not exist.');

    const limit = await aws('logs', 'describe-log-groups', '--limit', '100');
    expect(SERVICE_ERROR_EXIT_CODES).toContain(limit.code);
    expect(limit.stderr).toContain(
      "(InvalidParameterException) when calling the DescribeLogGroups operation: 1 validation error detected: Value '100' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50",
    );

    const duplicate = await aws('logs', 'create-log-group', '--log-group-name', '/aws/lambda/checkout');
    expect(duplicate.stderr).toContain('(ResourceAlreadyExistsException) when calling the CreateLogGroup operation: The specified log group already exists');

    const retention = await aws('logs', 'put-retention-policy', '--log-group-name', '/aws/lambda/checkout', '--retention-in-days', '2');
    expect(retention.stderr).toContain('(InvalidParameterException)');
  });

  it('sees throttling as throttling: retries, then reports ThrottlingException', async () => {
    sandbox.setFaults({ throttleRate: 1 });
    try {
      const throttled = await aws('logs', 'describe-log-groups');
      expect(SERVICE_ERROR_EXIT_CODES).toContain(throttled.code);
      // "max retries: 2" shows the CLI retried, which it does for throttling errors.
      expect(throttled.stderr).toContain('(ThrottlingException) when calling the DescribeLogGroups operation (reached max retries: 2): Rate exceeded');
    } finally {
      sandbox.setFaults({});
    }
  });
});

/** How `aws logs tail` prints a time: ISO 8601 with microseconds and the UTC offset. */
function tailTime(timestamp: number): string {
  return new Date(timestamp).toISOString().replace('Z', '000+00:00');
}

describe.skipIf(awsCliV2 === undefined && !process.env['CI'])(`aws logs tail (${awsCliV2 ?? 'no AWS CLI v2'}) against the sandbox`, () => {
  let sandbox: Sandbox;
  const TAIL_EVENTS = [
    { stream: 'web-1', timestamp: NOW - 50 * MINUTE, message: 'GET /orders 200' },
    { stream: 'web-2', timestamp: NOW - 20 * MINUTE, message: 'POST /checkout 502' },
    { stream: 'web-1', timestamp: NOW - 5 * MINUTE, message: 'GET /cart 200' },
  ];

  beforeAll(async () => {
    sandbox = await startSandbox({
      seed: {
        regions: [
          {
            region: 'us-east-1',
            logGroups: [
              {
                name: '/cli/tail',
                creationTime: NOW - 3 * 60 * MINUTE,
                streams: ['web-1', 'web-2'].map((name) => ({
                  name,
                  events: [
                    // Older than --since 1h: not shown.
                    ...(name === 'web-1' ? [{ timestamp: NOW - 120 * MINUTE, message: 'too old to show' }] : []),
                    ...TAIL_EVENTS.filter((event) => event.stream === name),
                  ],
                })),
              },
            ],
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  const tail = (...args: string[]) => runCli(awsCliV2 as string, sandbox.endpoint, ['logs', 'tail', '/cli/tail', '--color', 'off', ...args]);

  it('prints the events since a time, across streams, as "<time> <stream> <message>" (and --format short)', async () => {
    const detailed = await tail('--since', '1h');
    expect(detailed).toMatchObject({ code: 0, stderr: '' });
    expect(detailed.stdout).toBe(TAIL_EVENTS.map((event) => `${tailTime(event.timestamp)} ${event.stream} ${event.message}\n`).join(''));

    const short = await tail('--since', '1h', '--format', 'short');
    expect(short.stdout).toBe(TAIL_EVENTS.map((event) => `${new Date(event.timestamp).toISOString().slice(0, 19)} ${event.message}\n`).join(''));

    const filtered = await tail('--since', '1h', '--filter-pattern', '502');
    expect(filtered.stdout).toBe(`${tailTime(NOW - 20 * MINUTE)} web-2 POST /checkout 502\n`);
  });

  it('--follow prints events put while it runs, once each', async () => {
    const child = spawn(awsCliV2 as string, ['--endpoint-url', sandbox.endpoint, 'logs', 'tail', '/cli/tail', '--since', '1h', '--follow', '--color', 'off'], {
      // Python buffers a pipe's output until it exits; the test reads it as it comes.
      env: cliEnvironment({ PYTHONUNBUFFERED: '1' }),
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    const printed = async (count: number): Promise<void> => {
      const deadline = Date.now() + 20_000;
      while (output.split('\n').length - 1 < count) {
        if (Date.now() > deadline) throw new Error(`aws logs tail --follow printed only:\n${output}`);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
    };
    try {
      await printed(TAIL_EVENTS.length);
      const timestamp = Date.now() - 1000;
      const put = await runCli(awsCliV2 as string, sandbox.endpoint, [
        'logs',
        'put-log-events',
        '--log-group-name',
        '/cli/tail',
        '--log-stream-name',
        'web-2',
        '--log-events',
        `timestamp=${timestamp},message=followed one`,
        `timestamp=${timestamp + 1},message=followed two`,
      ]);
      expect(put.code).toBe(0);
      // The CLI polls every 5 seconds.
      await printed(TAIL_EVENTS.length + 2);
      await new Promise((resolve) => setTimeout(resolve, 5500));
      expect(output).toBe(
        [...TAIL_EVENTS, { stream: 'web-2', timestamp, message: 'followed one' }, { stream: 'web-2', timestamp: timestamp + 1, message: 'followed two' }]
          .map((event) => `${tailTime(event.timestamp)} ${event.stream} ${event.message}\n`)
          .join(''),
      );
    } finally {
      child.kill('SIGINT');
      await exited;
    }
  });
});

describe('sandbox command line (cli.ts)', () => {
  it('prints its endpoint and an example, serves requests, seeds --events, and stops cleanly on SIGTERM', async () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, ['src/sandbox/cli.ts', '--port', '0', '--seed', 'empty', '--events', '5000'], { stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    const endpoint = await new Promise<string>((resolve, reject) => {
      child.stdout.on('data', (chunk: Buffer) => {
        output += chunk.toString();
        const match = /listening on (http:\/\/\S+)/.exec(output);
        if (match?.[1]) resolve(match[1]);
      });
      child.once('exit', (code) => reject(new Error(`exited early with ${code}: ${output}`)));
    });
    expect(output).toContain(`AWS_ACCESS_KEY_ID=x AWS_SECRET_ACCESS_KEY=x AWS_DEFAULT_REGION=us-east-1`);
    expect(output).toContain(`aws --endpoint-url ${endpoint} logs describe-log-groups`);

    expect(output).toMatch(/Seeded 5,000 events into \/sandbox\/bulk \(us-east-1\) in [\d.]+ s\./);
    expect(output).toContain('(account 123456789012, seed empty)');

    const unsigned = await fetch(`${endpoint}/`, { method: 'POST', headers: { 'X-Amz-Target': 'Logs_20140328.DescribeLogGroups' }, body: '{}' });
    expect(unsigned.status).toBe(403);
    // The sandbox takes any signature; it reads the key and region from the credential scope.
    const signed = await fetch(`${endpoint}/`, {
      method: 'POST',
      headers: {
        'X-Amz-Target': 'Logs_20140328.DescribeLogGroups',
        'Content-Type': 'application/x-amz-json-1.1',
        'X-Amz-Date': new Date().toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, ''),
        Authorization: 'AWS4-HMAC-SHA256 Credential=AKIDCLI/20250101/us-east-1/logs/aws4_request, SignedHeaders=host;x-amz-date, Signature=00',
      },
      body: '{}',
    });
    expect(((await signed.json()) as { logGroups: unknown[] }).logGroups).toEqual([expect.objectContaining({ logGroupName: '/sandbox/bulk', storedBytes: 5000 * 200 })]);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('explains its flags with --help and refuses bad ones', async () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const help = await run(tsx, ['src/sandbox/cli.ts', '--help']);
    expect(help.stdout).toContain('--throttle-rate <0..1>');
    expect(help.stdout).toContain('--events <n>');
    expect(help.stdout).toContain('--no-live');
    const events = await run(tsx, ['src/sandbox/cli.ts', '--events', 'many']).catch((error: { code: number; stderr: string }) => error);
    expect(events).toMatchObject({ code: 2, stderr: expect.stringContaining('--events must be a whole number >= 0, got many') });
    const bad = await run(tsx, ['src/sandbox/cli.ts', '--quotas', 'maybe']).catch((error: { code: number; stderr: string }) => error);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('--quotas must be aws or off') });
  });
});

/** Every distinct CLI found (locally a version 1 on PATH besides Debian's version 2): S3 and exports must work with both. */
const exportClis = [...new Set([awsCli, awsCliV2].filter((cli): cli is string => cli !== undefined))];

describe.each(exportClis)('AWS CLI %s: log exports to S3', (cli) => {
  const REGION = 'ca-central-1';
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({
      seed: {
        regions: [
          {
            region: REGION,
            logGroups: [
              {
                name: '/cli/export',
                creationTime: NOW - 60 * MINUTE,
                streams: [{ name: 'web', events: Array.from({ length: 20 }, (_, k) => ({ timestamp: NOW - 30 * MINUTE + k * 1000, message: `line ${k}` })) }],
              },
            ],
          },
        ],
      },
    });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  function cliIn(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return runCli(cli, sandbox.endpoint, ['--output', 'json', '--region', REGION, ...args]);
  }

  it('s3 mb, s3 cp up and down (multipart above 8 MB), s3 ls (buckets, prefixes, --recursive)', async () => {
    expect(await cliIn('s3', 'mb', 's3://cli-exports')).toMatchObject({ code: 0, stdout: 'make_bucket: cli-exports\n' });
    const directory = mkdtempSync(join(tmpdir(), 'cli-s3-'));
    const upload = join(directory, 'report.txt');
    writeFileSync(upload, 'first line\nsecond line ✓\n');
    expect((await cliIn('s3', 'cp', upload, 's3://cli-exports/reports/2025/report.txt')).code).toBe(0);
    const buckets = await cliIn('s3', 'ls');
    expect(buckets.stdout).toMatch(/^\d{4}-\d\d-\d\d \d\d:\d\d:\d\d cli-exports\n$/);
    expect((await cliIn('s3', 'ls', 's3://cli-exports/')).stdout).toBe('                           PRE reports/\n');
    expect((await cliIn('s3', 'ls', 's3://cli-exports/', '--recursive')).stdout).toMatch(/ {5,}\d+ reports\/2025\/report\.txt\n$/);
    const download = join(directory, 'back.txt');
    expect((await cliIn('s3', 'cp', 's3://cli-exports/reports/2025/report.txt', download)).code).toBe(0);
    expect(readFileSync(download, 'utf8')).toBe('first line\nsecond line ✓\n');
    // Above 8 MB the CLI uploads in parts and downloads in ranges.
    const big = join(directory, 'big.bin');
    const bigBody = Buffer.alloc(12 * 1024 * 1024);
    for (let index = 0; index < bigBody.length; index += 4096) bigBody.writeUInt32BE(index, index);
    writeFileSync(big, bigBody);
    expect((await cliIn('s3', 'cp', big, 's3://cli-exports/big.bin')).code).toBe(0);
    expect((await cliIn('s3', 'cp', 's3://cli-exports/big.bin', join(directory, 'big-back.bin'))).code).toBe(0);
    expect(readFileSync(join(directory, 'big-back.bin')).equals(bigBody)).toBe(true);
    const missing = await cliIn('s3', 'cp', 's3://cli-exports/nope.txt', download);
    expect(missing.code).not.toBe(0);
    expect(missing.stderr).toContain('404');
  });

  it('logs create-export-task and describe-export-tasks, then s3 cp of an exported part', async () => {
    const bucket = 'cli-export-target';
    expect((await cliIn('s3api', 'create-bucket', '--bucket', bucket, '--create-bucket-configuration', `LocationConstraint=${REGION}`)).code).toBe(0);
    const refused = await cliIn('logs', 'create-export-task', '--log-group-name', '/cli/export', '--from', String(NOW - HOUR_MS), '--to', String(NOW), '--destination', bucket);
    expect(refused.stderr).toContain('InvalidParameterException');
    expect(refused.stderr).toContain('GetBucketAcl call on the given bucket failed');
    const policy = {
      Version: '2012-10-17',
      Statement: [
        { Effect: 'Allow', Principal: { Service: `logs.${REGION}.amazonaws.com` }, Action: 's3:GetBucketAcl', Resource: `arn:aws:s3:::${bucket}` },
        {
          Effect: 'Allow',
          Principal: { Service: `logs.${REGION}.amazonaws.com` },
          Action: 's3:PutObject',
          Resource: `arn:aws:s3:::${bucket}/*`,
          Condition: { StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control' } },
        },
      ],
    };
    expect((await cliIn('s3api', 'put-bucket-policy', '--bucket', bucket, '--policy', JSON.stringify(policy))).code).toBe(0);
    const created = await cliIn('logs', 'create-export-task', '--task-name', 'cli', '--log-group-name', '/cli/export', '--from', String(NOW - HOUR_MS), '--to', String(NOW), '--destination', bucket, '--destination-prefix', 'cli');
    expect(created.code).toBe(0);
    const { taskId } = JSON.parse(created.stdout) as { taskId: string };
    let status = '';
    for (let attempt = 0; attempt < 100 && status !== 'COMPLETED'; attempt++) {
      await new Promise((resolve) => setTimeout(resolve, 100));
      const described = JSON.parse((await cliIn('logs', 'describe-export-tasks', '--task-id', taskId)).stdout) as { exportTasks: { status: { code: string } }[] };
      status = described.exportTasks[0]?.status.code ?? '';
    }
    expect(status).toBe('COMPLETED');
    const listed = (await cliIn('s3', 'ls', `s3://${bucket}/cli/`, '--recursive')).stdout;
    expect(listed).toContain('cli/aws-logs-write-test');
    expect(listed).toContain(`cli/${taskId}/web/000000.gz`);
    const directory = mkdtempSync(join(tmpdir(), 'cli-export-'));
    const part = join(directory, '000000.gz');
    expect((await cliIn('s3', 'cp', `s3://${bucket}/cli/${taskId}/web/000000.gz`, part)).code).toBe(0);
    const lines = gunzipSync(readFileSync(part)).toString('utf8').split('\n');
    expect(lines).toHaveLength(21);
    expect(lines[0]).toBe(`${new Date(NOW - 30 * MINUTE).toISOString()} line 0`);
  });
});

describe.each(exportClis)('AWS CLI %s: CloudWatch alarms', (cli) => {
  const REGION = 'sa-east-1';
  // A frozen sandbox clock near real time (the CLI signs with real time): evaluations run when the test says.
  const FROZEN = Math.floor(Date.now() / MINUTE) * MINUTE;
  let sandbox: Sandbox;

  beforeAll(async () => {
    sandbox = await startSandbox({ clock: () => FROZEN });
  });

  afterAll(async () => {
    await sandbox.close();
  });

  function cliIn(...args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
    return runCli(cli, sandbox.endpoint, ['--output', 'json', '--region', REGION, ...args]);
  }

  async function json(...args: string[]): Promise<Record<string, unknown>> {
    const result = await cliIn(...args);
    expect(result.stderr).toBe('');
    expect(result.code).toBe(0);
    return result.stdout.trim() === '' ? {} : (JSON.parse(result.stdout) as Record<string, unknown>);
  }

  it('put-metric-alarm with every option, describe-alarms gives it back; an M above N is a ValidationError', async () => {
    const topic = (await json('sns', 'create-topic', '--name', 'cli-pager')).TopicArn as string;
    await json(
      'cloudwatch', 'put-metric-alarm',
      '--alarm-name', 'cli-latency-p99',
      '--alarm-description', 'p99 latency',
      '--namespace', 'Cli/Shop', '--metric-name', 'Latency',
      '--dimensions', 'Name=Service,Value=cart', 'Name=Stage,Value=prod',
      '--extended-statistic', 'p99', '--unit', 'Milliseconds', '--period', '60',
      '--evaluation-periods', '3', '--datapoints-to-alarm', '2', '--threshold', '250.5',
      '--comparison-operator', 'GreaterThanOrEqualToThreshold', '--treat-missing-data', 'breaching',
      '--evaluate-low-sample-count-percentile', 'evaluate',
      '--alarm-actions', topic, '--ok-actions', topic, '--no-actions-enabled',
      '--tags', 'Key=team,Value=cart',
    );
    const described = (await json('cloudwatch', 'describe-alarms', '--alarm-names', 'cli-latency-p99')).MetricAlarms as Record<string, unknown>[];
    expect(described).toHaveLength(1);
    expect(described[0]).toMatchObject({
      AlarmName: 'cli-latency-p99',
      AlarmArn: `arn:aws:cloudwatch:${REGION}:123456789012:alarm:cli-latency-p99`,
      AlarmDescription: 'p99 latency',
      ActionsEnabled: false,
      AlarmActions: [topic],
      OKActions: [topic],
      InsufficientDataActions: [],
      StateValue: 'INSUFFICIENT_DATA',
      StateReason: 'Unchecked: Initial alarm creation',
      Namespace: 'Cli/Shop',
      MetricName: 'Latency',
      Dimensions: [
        { Name: 'Service', Value: 'cart' },
        { Name: 'Stage', Value: 'prod' },
      ],
      ExtendedStatistic: 'p99',
      Unit: 'Milliseconds',
      Period: 60,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 2,
      Threshold: 250.5,
      ComparisonOperator: 'GreaterThanOrEqualToThreshold',
      TreatMissingData: 'breaching',
      EvaluateLowSampleCountPercentile: 'evaluate',
    });
    // Version 2 prints ISO 8601; version 1 the epoch seconds as the JSON protocol carried them.
    const updated = described[0]!.StateUpdatedTimestamp;
    expect(typeof updated === 'number' ? updated * 1000 : Date.parse(updated as string)).toBe(FROZEN);

    const refused = await cliIn('cloudwatch', 'put-metric-alarm', '--alarm-name', 'cli-bad', '--namespace', 'Cli/Shop', '--metric-name', 'Latency', '--statistic', 'Average', '--period', '60', '--evaluation-periods', '2', '--datapoints-to-alarm', '3', '--threshold', '1', '--comparison-operator', 'GreaterThanThreshold');
    expect([254, 255]).toContain(refused.code);
    expect(refused.stderr).toContain('An error occurred (ValidationError) when calling the PutMetricAlarm operation: DatapointsToAlarm (3) cannot be more than EvaluationPeriods (2).');
  });

  it('a metric-math alarm from --metrics, evaluated on put-metric-data; describe-alarm-history shows the transition', async () => {
    const metrics = [
      { Id: 'errors', MetricStat: { Metric: { Namespace: 'Cli/Shop', MetricName: 'Errors' }, Period: 60, Stat: 'Sum' }, ReturnData: false },
      { Id: 'requests', MetricStat: { Metric: { Namespace: 'Cli/Shop', MetricName: 'Requests' }, Period: 60, Stat: 'Sum' }, ReturnData: false },
      { Id: 'rate', Expression: '100 * errors / requests', Label: 'Error rate', ReturnData: true },
    ];
    await json('cloudwatch', 'put-metric-alarm', '--alarm-name', 'cli-error-rate', '--evaluation-periods', '1', '--threshold', '10', '--comparison-operator', 'GreaterThanThreshold', '--metrics', JSON.stringify(metrics));
    const stored = ((await json('cloudwatch', 'describe-alarms', '--alarm-name-prefix', 'cli-error')).MetricAlarms as Record<string, unknown>[])[0]!;
    expect(stored.Metrics).toEqual(metrics);

    const minute = new Date(FROZEN - MINUTE).toISOString();
    await json('cloudwatch', 'put-metric-data', '--namespace', 'Cli/Shop', '--metric-name', 'Errors', '--value', '30', '--timestamp', minute);
    await json('cloudwatch', 'put-metric-data', '--namespace', 'Cli/Shop', '--metric-name', 'Requests', '--value', '100', '--timestamp', minute);
    await sandbox.cloudwatch.evaluateAlarms();

    const inAlarm = (await json('cloudwatch', 'describe-alarms', '--state-value', 'ALARM')).MetricAlarms as Record<string, unknown>[];
    // The p99 alarm treats its missing data as breaching: with none at all, it is in ALARM too.
    expect(inAlarm.map((a) => a.AlarmName)).toEqual(['cli-error-rate', 'cli-latency-p99']);
    const history = (await json('cloudwatch', 'describe-alarm-history', '--alarm-name', 'cli-error-rate', '--history-item-type', 'StateUpdate')).AlarmHistoryItems as Record<string, string>[];
    expect(history.map((i) => i.HistorySummary)).toEqual(['Alarm updated from INSUFFICIENT_DATA to ALARM']);
    const data = JSON.parse(history[0]!.HistoryData!) as { newState: { stateReason: string; stateReasonData: { recentDatapoints: number[]; threshold: number } } };
    expect(data.newState.stateReason).toMatch(/^Threshold Crossed: 1 out of the last 1 datapoints \[30\.0 \(.+\)\] was greater than the threshold \(10\.0\)/);
    expect(data.newState.stateReasonData).toMatchObject({ recentDatapoints: [30], threshold: 10 });
  });

  it('set-alarm-state records a StateUpdate; describe-alarm-history pages oldest first with --max-items', async () => {
    await json('cloudwatch', 'set-alarm-state', '--alarm-name', 'cli-latency-p99', '--state-value', 'OK', '--state-reason', 'testing from the CLI', '--state-reason-data', '{"by":"cli"}');
    const alarm = ((await json('cloudwatch', 'describe-alarms', '--alarm-names', 'cli-latency-p99')).MetricAlarms as Record<string, unknown>[])[0]!;
    expect(alarm).toMatchObject({ StateValue: 'OK', StateReason: 'testing from the CLI', StateReasonData: '{"by":"cli"}' });
    const first = await json('cloudwatch', 'describe-alarm-history', '--alarm-name', 'cli-latency-p99', '--scan-by', 'TimestampAscending', '--max-items', '1');
    expect((first.AlarmHistoryItems as Record<string, string>[]).map((i) => i.HistorySummary)).toEqual(['Alarm "cli-latency-p99" created']);
    const rest = await json('cloudwatch', 'describe-alarm-history', '--alarm-name', 'cli-latency-p99', '--scan-by', 'TimestampAscending', '--starting-token', first.NextToken as string);
    expect((rest.AlarmHistoryItems as Record<string, string>[]).map((i) => i.HistorySummary)).toEqual(['Alarm updated from INSUFFICIENT_DATA to ALARM', 'Alarm updated from ALARM to OK']);
    const missing = await cliIn('cloudwatch', 'set-alarm-state', '--alarm-name', 'cli-nope', '--state-value', 'OK', '--state-reason', 'x');
    expect(missing.stderr).toContain('An error occurred (ResourceNotFound) when calling the SetAlarmState operation: Alarm cli-nope not found');
  });
});
