/**
 * The sandbox driven by the AWS CLI, a client nobody here wrote. The binary comes from $AWS_CLI, else
 * `aws` on PATH (CI installs Debian's awscli); without one the suite is skipped and says so. Also starts
 * the sandbox's own command line (`cli.ts`) and stops it with SIGTERM.
 */
import { execFile, spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import { delimiter, join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox, type SeedData } from './index';

const run = promisify(execFile);

function findAwsCli(): string | undefined {
  if (process.env.AWS_CLI) return process.env.AWS_CLI;
  for (const directory of (process.env.PATH ?? '').split(delimiter)) {
    const candidate = join(directory, 'aws');
    try {
      accessSync(candidate, constants.X_OK);
      return candidate;
    } catch {
      // not here
    }
  }
  return undefined;
}

const awsCli = findAwsCli();
if (awsCli === undefined) console.warn('AWS CLI not found (set AWS_CLI or put `aws` on PATH): skipping the AWS CLI tests.');

const NOW = Date.now();
const MINUTE = 60_000;

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
    const env = {
      AWS_RETRY_MODE: 'standard',
      AWS_MAX_ATTEMPTS: '3',
      PATH: process.env.PATH ?? '',
      HOME: process.env.HOME ?? '/tmp',
      AWS_ACCESS_KEY_ID: 'x',
      AWS_SECRET_ACCESS_KEY: 'x',
      AWS_DEFAULT_REGION: 'us-east-1',
      AWS_CONFIG_FILE: '/nonexistent/aws-config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/aws-credentials',
      AWS_PAGER: '',
      ...extraEnv,
    };
    try {
      const { stdout, stderr } = await run(awsCli as string, ['--endpoint-url', sandbox.endpoint, '--output', 'json', ...args], { env });
      return { code: 0, stdout, stderr };
    } catch (error) {
      const failed = error as { code?: number; stdout?: string; stderr?: string };
      return { code: failed.code ?? -1, stdout: failed.stdout ?? '', stderr: failed.stderr ?? '' };
    }
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
    expect(all).toHaveLength(61);
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

describe('sandbox command line (cli.ts)', () => {
  it('prints its endpoint and an example, serves requests, and stops cleanly on SIGTERM', async () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const child = spawn(tsx, ['src/sandbox/cli.ts', '--port', '0', '--seed', 'empty'], { stdio: ['ignore', 'pipe', 'pipe'] });
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

    const unsigned = await fetch(`${endpoint}/`, { method: 'POST', headers: { 'X-Amz-Target': 'Logs_20140328.DescribeLogGroups' }, body: '{}' });
    expect(unsigned.status).toBe(403);

    const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
  });

  it('explains its flags with --help and refuses bad ones', async () => {
    const tsx = join(process.cwd(), 'node_modules', '.bin', 'tsx');
    const help = await run(tsx, ['src/sandbox/cli.ts', '--help']);
    expect(help.stdout).toContain('--throttle-rate <0..1>');
    const bad = await run(tsx, ['src/sandbox/cli.ts', '--quotas', 'maybe']).catch((error: { code: number; stderr: string }) => error);
    expect(bad).toMatchObject({ code: 2, stderr: expect.stringContaining('--quotas must be aws or off') });
  });
});
