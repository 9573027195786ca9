import { describe, expect, it } from 'vitest';
import { LogsHarness } from '../test-harness';
import { createLogStream } from './create-log-stream';
import { describeLogStreams } from './describe-log-streams';

function withStreams(names: readonly string[]): LogsHarness {
  const aws = new LogsHarness();
  const group = aws.logs.createGroup({ name: 'g', creationTime: aws.now });
  for (const name of names) group.createStream(name, aws.now);
  return aws;
}

function allNames(aws: LogsHarness, request: object): string[] {
  const names: string[] = [];
  let nextToken: string | undefined;
  do {
    const page = aws.call(describeLogStreams, { logGroupName: 'g', ...request, ...(nextToken ? { nextToken } : {}) });
    names.push(...page.logStreams.map((stream: { logStreamName: string }) => stream.logStreamName));
    nextToken = page.nextToken;
  } while (nextToken);
  return names;
}

describe('CreateLogStream', () => {
  it('creates a stream, refusing duplicates, bad names and missing groups', () => {
    const aws = new LogsHarness();
    aws.logs.createGroup({ name: 'g', creationTime: aws.now });
    aws.call(createLogStream, { logGroupName: 'g', logStreamName: '2025/01/15/[$LATEST]abc' });
    expect(aws.fail(createLogStream, { logGroupName: 'g', logStreamName: '2025/01/15/[$LATEST]abc' })).toMatchObject({
      code: 'ResourceAlreadyExistsException',
      message: 'The specified log stream already exists',
    });
    expect(aws.fail(createLogStream, { logGroupName: 'g', logStreamName: 'a:b' }).message).toContain(
      'Member must satisfy regular expression pattern: [^:*]*',
    );
    expect(aws.fail(createLogStream, { logGroupName: 'nope', logStreamName: 's' })).toMatchObject({
      code: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
  });
});

describe('DescribeLogStreams', () => {
  it('reports AWS’s fields, with event times once the stream has events', () => {
    const aws = withStreams(['empty', 'busy']);
    const group = aws.logs.group('g');
    const busy = group?.stream('busy');
    if (group === undefined || busy === undefined) throw new Error('setup');
    group.ingest(busy, [{ timestamp: 100, message: 'x', size: 1 }, { timestamp: 200, message: 'y', size: 1 }], () => 250);
    const streams = aws.call(describeLogStreams, { logGroupName: 'g' }).logStreams;
    expect(streams[0]).toEqual({
      logStreamName: 'busy',
      creationTime: aws.now,
      firstEventTimestamp: 100,
      lastEventTimestamp: 200,
      lastIngestionTime: 250,
      uploadSequenceToken: expect.stringMatching(/^\d{56}$/),
      arn: 'arn:aws:logs:us-east-1:123456789012:log-group:g:log-stream:busy',
      storedBytes: 0,
    });
    expect(streams[1]).not.toHaveProperty('lastEventTimestamp');
  });

  it('pages by name, ascending or descending, optionally under a prefix', () => {
    const names = ['b', 'a/2', 'a/1', 'c', 'a/3', 'ab'];
    const aws = withStreams(names);
    expect(allNames(aws, { limit: 2 })).toEqual(['a/1', 'a/2', 'a/3', 'ab', 'b', 'c']);
    expect(allNames(aws, { limit: 2, descending: true })).toEqual(['c', 'b', 'ab', 'a/3', 'a/2', 'a/1']);
    expect(allNames(aws, { limit: 1, logStreamNamePrefix: 'a/' })).toEqual(['a/1', 'a/2', 'a/3']);
    expect(allNames(aws, { limit: 1, logStreamNamePrefix: 'a/', descending: true })).toEqual(['a/3', 'a/2', 'a/1']);
    expect(allNames(aws, { logStreamNamePrefix: 'zz' })).toEqual([]);
  });

  it('pages by last event time, streams without events first', () => {
    const aws = withStreams(['old', 'new', 'none', 'mid']);
    const group = aws.logs.group('g');
    if (group === undefined) throw new Error('setup');
    for (const [name, timestamp] of [['old', 10], ['mid', 20], ['new', 30]] as const) {
      group.ingest(group.stream(name) as NonNullable<ReturnType<typeof group.stream>>, [{ timestamp, message: 'm', size: 1 }], () => 99);
    }
    expect(allNames(aws, { orderBy: 'LastEventTime', limit: 1 })).toEqual(['none', 'old', 'mid', 'new']);
    expect(allNames(aws, { orderBy: 'LastEventTime', descending: true, limit: 3 })).toEqual(['new', 'mid', 'old', 'none']);
  });

  it('accepts the group as logGroupIdentifier (name or ARN), but not together with logGroupName', () => {
    const aws = withStreams(['s']);
    expect(allNames(aws, { logGroupName: undefined, logGroupIdentifier: 'g' })).toEqual(['s']);
    expect(
      allNames(aws, { logGroupName: undefined, logGroupIdentifier: 'arn:aws:logs:us-east-1:123456789012:log-group:g' }),
    ).toEqual(['s']);
    expect(aws.fail(describeLogStreams, { logGroupIdentifier: 'arn:aws:logs:eu-west-1:123456789012:log-group:g' }).code).toBe(
      'ResourceNotFoundException',
    );
    expect(aws.fail(describeLogStreams, { logGroupName: 'g', logGroupIdentifier: 'g' })).toMatchObject({
      code: 'ValidationException',
      message: 'LogGroup name and LogGroup ARN are mutually exclusive parameters.',
    });
    expect(aws.fail(describeLogStreams, { logGroupIdentifier: 'arn:aws:logs:us-east-1:123456789012:log-group:g:*' }).message).toContain(
      'Member must satisfy regular expression pattern',
    );
  });

  it('rejects what AWS rejects', () => {
    const aws = withStreams(['s']);
    expect(aws.fail(describeLogStreams, { logGroupName: 'g', orderBy: 'LastEventTime', logStreamNamePrefix: 's' })).toMatchObject({
      code: 'InvalidParameterException',
      message: 'Cannot order by LastEventTime with a logStreamNamePrefix.',
    });
    expect(aws.fail(describeLogStreams, { logGroupName: 'g', limit: 51 }).message).toContain('less than or equal to 50');
    expect(aws.fail(describeLogStreams, { logGroupName: 'g', orderBy: 'Size' }).message).toContain(
      'Member must satisfy enum value set: [LogStreamName, LastEventTime]',
    );
    expect(aws.fail(describeLogStreams, { logGroupName: 'nope' }).code).toBe('ResourceNotFoundException');
    expect(aws.fail(describeLogStreams, { logGroupName: 'g', logStreamNamePrefix: '' }).message).toContain(
      'Member must have length greater than or equal to 1',
    );
    expect(aws.fail(describeLogStreams, {})).toMatchObject({ code: 'InvalidParameterException' });
  });

  it('refuses a token from a differently ordered listing', () => {
    const aws = withStreams(['a', 'b', 'c']);
    const { nextToken } = aws.call(describeLogStreams, { logGroupName: 'g', limit: 1 });
    expect(aws.fail(describeLogStreams, { logGroupName: 'g', limit: 1, descending: true, nextToken }).message).toBe(
      'The specified nextToken is invalid.',
    );
  });
});
