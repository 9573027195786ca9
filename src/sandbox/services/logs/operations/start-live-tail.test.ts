import { describe, expect, it } from 'vitest';
import { EventStreamOutput, type StreamMessage } from '../../../core/event-stream-output';
import { LIVE_TAIL_SESSIONS } from '../live-tail-sessions';
import { LogsHarness, TEST_ACCOUNT_ID } from '../test-harness';
import { startLiveTail } from './start-live-tail';

const ARN = `arn:aws:logs:us-east-1:${TEST_ACCOUNT_ID}:log-group:app`;

function harness(settings: { sessionMs: number; updateIntervalMs: number; maxSessions?: number }): LogsHarness {
  const aws = new LogsHarness();
  aws.logs.createGroup({ name: 'app', creationTime: aws.now }).createStream('web-1', aws.now);
  aws.state.store(LIVE_TAIL_SESSIONS).configure(settings);
  return aws;
}

function start(aws: LogsHarness, input: object = { logGroupIdentifiers: [ARN] }): EventStreamOutput {
  const output = startLiveTail(input, aws.context());
  if (!(output instanceof EventStreamOutput)) throw new Error('expected an event stream');
  return output;
}

const sessions = (aws: LogsHarness) => aws.state.store(LIVE_TAIL_SESSIONS).openIn('us-east-1');

describe('StartLiveTail sessions', () => {
  it('sends sessionStart, an update per interval, then SessionTimeoutException; the session counts while it runs', async () => {
    const aws = harness({ sessionMs: 100, updateIntervalMs: 40 });
    const messages: StreamMessage[] = [];
    for await (const message of start(aws).messages(new AbortController().signal)) {
      messages.push(message);
      expect(sessions(aws)).toBe(1);
    }
    const kinds = messages.map((message) => `${message.kind} ${message.type}`);
    expect(kinds[0]).toBe('event sessionStart');
    expect(kinds.at(-1)).toBe('exception SessionTimeoutException');
    // Updates at 40, 80 and 100 ms (fewer only if the machine stalls for a whole interval).
    const updates = kinds.slice(1, -1);
    expect(updates.length).toBeGreaterThanOrEqual(1);
    expect(updates.length).toBeLessThanOrEqual(3);
    expect(new Set(updates)).toEqual(new Set(['event sessionUpdate']));
    expect(messages.at(-1)).toMatchObject({ message: 'Live Tail session timed out after 100 milliseconds.' });
    expect(sessions(aws)).toBe(0);
  });

  it('ends quietly, and stops counting, when the client goes away', async () => {
    const aws = harness({ sessionMs: 60_000, updateIntervalMs: 10 });
    const client = new AbortController();
    const types: string[] = [];
    for await (const message of start(aws).messages(client.signal)) {
      types.push(message.type);
      if (types.length === 3) client.abort();
    }
    expect(types).toEqual(['sessionStart', 'sessionUpdate', 'sessionUpdate']);
    expect(sessions(aws)).toBe(0);
  });

  it('counts nothing for a client gone before the stream began', async () => {
    const aws = harness({ sessionMs: 60_000, updateIntervalMs: 10 });
    const gone = new AbortController();
    gone.abort();
    const messages: StreamMessage[] = [];
    for await (const message of start(aws).messages(gone.signal)) messages.push(message);
    expect(messages).toEqual([]);
    expect(sessions(aws)).toBe(0);
  });

  it('refuses a session over the quota, and accepts one again once a session ended', async () => {
    const aws = harness({ sessionMs: 60_000, updateIntervalMs: 10, maxSessions: 1 });
    const client = new AbortController();
    const first = start(aws).messages(client.signal)[Symbol.asyncIterator]();
    await first.next();
    expect(aws.fail(startLiveTail, { logGroupIdentifiers: [ARN] })).toMatchObject({
      code: 'LimitExceededException',
      message: 'You have reached the maximum number of concurrent Live Tail sessions (1) in us-east-1.',
    });
    client.abort();
    expect(await first.next()).toEqual({ done: true, value: undefined });
    expect(start(aws)).toBeInstanceOf(EventStreamOutput);
  });

  it('finds its groups by ARN only, in this account and region', () => {
    const aws = harness({ sessionMs: 1000, updateIntervalMs: 1000 });
    expect(aws.fail(startLiveTail, { logGroupIdentifiers: ['arn:aws:logs:eu-west-1:123456789012:log-group:app'] })).toMatchObject({
      code: 'ResourceNotFoundException',
    });
    expect(aws.fail(startLiveTail, { logGroupIdentifiers: ['arn:aws:logs:us-east-1:210987654321:log-group:app'] })).toMatchObject({
      code: 'ResourceNotFoundException',
    });
    expect(aws.fail(startLiveTail, { logGroupIdentifiers: ['app'] })).toMatchObject({ code: 'InvalidParameterException' });
    expect(aws.fail(startLiveTail, {})).toMatchObject({
      code: 'InvalidParameterException',
      message: "1 validation error detected: Value null at 'logGroupIdentifiers' failed to satisfy constraint: Member must not be null",
    });
  });
});
