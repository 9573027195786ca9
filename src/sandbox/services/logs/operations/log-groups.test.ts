import { describe, expect, it } from 'vitest';
import { LogsHarness } from '../test-harness';
import { LOGS_STORE } from '../store';
import { createLogGroup } from './create-log-group';
import { deleteLogGroup } from './delete-log-group';
import { describeLogGroups } from './describe-log-groups';
import { deleteRetentionPolicy, putRetentionPolicy } from './retention-policy';

describe('CreateLogGroup', () => {
  it('creates a group that DescribeLogGroups reports with AWS’s fields', () => {
    const aws = new LogsHarness();
    aws.call(createLogGroup, { logGroupName: '/app/api', kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k', tags: { team: 'core' } });
    expect(aws.call(describeLogGroups, {}).logGroups).toEqual([
      {
        logGroupName: '/app/api',
        creationTime: aws.now,
        metricFilterCount: 0,
        arn: 'arn:aws:logs:us-east-1:123456789012:log-group:/app/api:*',
        storedBytes: 0,
        kmsKeyId: 'arn:aws:kms:us-east-1:123456789012:key/k',
        logGroupClass: 'STANDARD',
        logGroupArn: 'arn:aws:logs:us-east-1:123456789012:log-group:/app/api',
      },
    ]);
  });

  it('rejects names AWS rejects', () => {
    const aws = new LogsHarness();
    expect(aws.fail(createLogGroup, { logGroupName: 'has space' })).toMatchObject({
      code: 'InvalidParameterException',
      message:
        "1 validation error detected: Value 'has space' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [\\.\\-_/#A-Za-z0-9]+",
    });
    expect(aws.fail(createLogGroup, { logGroupName: 'x'.repeat(513) }).message).toContain('Member must have length less than or equal to 512');
    expect(aws.fail(createLogGroup, {}).message).toBe(
      "1 validation error detected: Value null at 'logGroupName' failed to satisfy constraint: Member must not be null",
    );
    expect(aws.fail(createLogGroup, { logGroupName: 'aws/mine' })).toMatchObject({
      code: 'InvalidParameterException',
      message: 'Log groups starting with AWS/ are reserved for AWS.',
    });
    expect(aws.fail(createLogGroup, { logGroupName: 'a', logGroupClass: 'COLD' }).message).toContain(
      'Member must satisfy enum value set: [STANDARD, INFREQUENT_ACCESS, DELIVERY]',
    );
    expect(aws.fail(createLogGroup, { logGroupName: 'a', tags: { 'bad*key': 'v' } }).message).toContain("at 'tags.key'");
    expect(aws.call(createLogGroup, { logGroupName: '/aws/lambda/fn' })).toEqual({});
  });

  it('refuses a name that exists in the region, but not in another region', () => {
    const aws = new LogsHarness();
    aws.call(createLogGroup, { logGroupName: 'a' });
    expect(aws.fail(createLogGroup, { logGroupName: 'a' })).toMatchObject({
      code: 'ResourceAlreadyExistsException',
      message: 'The specified log group already exists',
      status: 400,
    });
    const other = new LogsHarness(aws.now, 'eu-west-1', aws.state);
    expect(other.call(createLogGroup, { logGroupName: 'a' })).toEqual({});
    expect(aws.state.region('eu-west-1').store(LOGS_STORE).group('a')).toBeDefined();
  });
});

describe('DeleteLogGroup', () => {
  it('deletes a group and reports a missing one', () => {
    const aws = new LogsHarness();
    aws.call(createLogGroup, { logGroupName: 'a' });
    aws.call(deleteLogGroup, { logGroupName: 'a' });
    expect(aws.call(describeLogGroups, {}).logGroups).toEqual([]);
    expect(aws.fail(deleteLogGroup, { logGroupName: 'a' })).toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
  });

  it('refuses while deletion protection is on', () => {
    const aws = new LogsHarness();
    aws.call(createLogGroup, { logGroupName: 'kept', deletionProtectionEnabled: true });
    expect(aws.fail(deleteLogGroup, { logGroupName: 'kept' }).code).toBe('ValidationException');
    expect(aws.call(describeLogGroups, {}).logGroups[0].deletionProtectionEnabled).toBe(true);
  });
});

describe('PutRetentionPolicy / DeleteRetentionPolicy', () => {
  it('sets and clears retention, accepting only AWS’s day values', () => {
    const aws = new LogsHarness();
    aws.call(createLogGroup, { logGroupName: 'a' });
    aws.call(putRetentionPolicy, { logGroupName: 'a', retentionInDays: 14 });
    expect(aws.call(describeLogGroups, {}).logGroups[0].retentionInDays).toBe(14);
    expect(aws.fail(putRetentionPolicy, { logGroupName: 'a', retentionInDays: 2 }).message).toBe(
      "1 validation error detected: Value '2' at 'retentionInDays' failed to satisfy constraint: Member must satisfy enum value set: " +
        '[1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653]',
    );
    aws.call(deleteRetentionPolicy, { logGroupName: 'a' });
    expect(aws.call(describeLogGroups, {}).logGroups[0]).not.toHaveProperty('retentionInDays');
    expect(aws.fail(putRetentionPolicy, { logGroupName: 'nope', retentionInDays: 1 }).code).toBe('ResourceNotFoundException');
    expect(aws.fail(deleteRetentionPolicy, { logGroupName: 'nope' }).code).toBe('ResourceNotFoundException');
  });
});

describe('DescribeLogGroups', () => {
  function harnessWith(names: readonly string[]): LogsHarness {
    const aws = new LogsHarness();
    aws.logs.createGroups(names.map((name) => ({ name, creationTime: aws.now })));
    return aws;
  }

  function allNames(aws: LogsHarness, request: object): string[] {
    const names: string[] = [];
    let nextToken: string | undefined;
    do {
      const page = aws.call(describeLogGroups, { ...request, ...(nextToken ? { nextToken } : {}) });
      names.push(...page.logGroups.map((group: { logGroupName: string }) => group.logGroupName));
      nextToken = page.nextToken;
    } while (nextToken);
    return names;
  }

  it('pages through 10,000 groups in ASCII order, 50 at a time by default, each exactly once', () => {
    const names = Array.from({ length: 10_000 }, (_, i) => `/app/service-${(i * 7919) % 10_000}`);
    const aws = harnessWith(names);
    const first = aws.call(describeLogGroups, {});
    expect(first.logGroups).toHaveLength(50);
    expect(first.nextToken).toEqual(expect.any(String));
    const started = performance.now();
    const listed = allNames(aws, {});
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(listed).toEqual([...names].sort());
  });

  it('filters by prefix, and by case-sensitive substring pattern with only three fields', () => {
    const aws = harnessWith(['/aws/lambda/Orders', '/aws/lambda/orders-v2', '/aws/lambdax', '/ecs/orders', 'other']);
    expect(allNames(aws, { logGroupNamePrefix: '/aws/lambda/', limit: 1 })).toEqual(['/aws/lambda/Orders', '/aws/lambda/orders-v2']);
    expect(allNames(aws, { logGroupNamePattern: 'orders', limit: 1 })).toEqual(['/aws/lambda/orders-v2', '/ecs/orders']);
    expect(Object.keys(aws.call(describeLogGroups, { logGroupNamePattern: 'Orders' }).logGroups[0]).sort()).toEqual([
      'arn',
      'creationTime',
      'logGroupName',
    ]);
    expect(aws.call(describeLogGroups, { logGroupNamePrefix: 'zzz' })).toEqual({ logGroups: [] });
  });

  it('filters by class and by identifiers', () => {
    const aws = new LogsHarness();
    aws.logs.createGroups([
      { name: 'a', creationTime: 1 },
      { name: 'b', creationTime: 1, logGroupClass: 'INFREQUENT_ACCESS' },
    ]);
    expect(allNames(aws, { logGroupClass: 'INFREQUENT_ACCESS' })).toEqual(['b']);
    expect(allNames(aws, { logGroupIdentifiers: ['arn:aws:logs:us-east-1:123456789012:log-group:a', 'b', 'missing'] })).toEqual(['a', 'b']);
  });

  it('returns no nextToken after the last page', () => {
    const aws = harnessWith(['a', 'b']);
    expect(aws.call(describeLogGroups, { limit: 2 }).nextToken).toBeUndefined();
    const first = aws.call(describeLogGroups, { limit: 1 });
    expect(aws.call(describeLogGroups, { limit: 1, nextToken: first.nextToken })).toMatchObject({ logGroups: [{ logGroupName: 'b' }] });
    expect(aws.call(describeLogGroups, { limit: 1, nextToken: first.nextToken }).nextToken).toBeUndefined();
  });

  it('validates limit, exclusive filters and tokens as AWS does', () => {
    const aws = harnessWith(['a']);
    expect(aws.fail(describeLogGroups, { limit: 51 }).message).toBe(
      "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50",
    );
    expect(aws.fail(describeLogGroups, { limit: 0 }).message).toContain('Member must have value greater than or equal to 1');
    expect(aws.fail(describeLogGroups, { logGroupNamePrefix: 'a', logGroupNamePattern: 'b' })).toMatchObject({
      code: 'InvalidParameterException',
      message: 'LogGroup name prefix and LogGroup name pattern are mutually exclusive parameters.',
    });
    expect(aws.fail(describeLogGroups, { nextToken: 'bogus' }).message).toBe('The specified nextToken is invalid.');
    expect(aws.fail(describeLogGroups, { limit: '5' }).code).toBe('SerializationException');
  });
});
