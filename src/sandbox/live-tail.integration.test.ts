/**
 * StartLiveTail through the AWS SDK v3, as the app uses it: the SDK reads the sandbox's event stream
 * (sessionStart, a sessionUpdate a second, SessionTimeoutException), sees events put after the session
 * started, in streams created after it started, sampled above 500 per update, and gets AWS's errors.
 */
import {
  CloudWatchLogsClient,
  CreateLogGroupCommand,
  CreateLogStreamCommand,
  PutLogEventsCommand,
  SessionTimeoutException,
  StartLiveTailCommand,
  type LiveTailSessionLogEvent,
  type LiveTailSessionStart,
  type LiveTailSessionUpdate,
  type StartLiveTailCommandInput,
  type StartLiveTailResponseStream,
} from '@aws-sdk/client-cloudwatch-logs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from './index';
import { rejectionOf } from './test-support';

const REGION = 'us-east-1';
const ACCOUNT = '123456789012';
const arn = (group: string) => `arn:aws:logs:${REGION}:${ACCOUNT}:log-group:${group}`;

let sandbox: Sandbox;
let logs: CloudWatchLogsClient;

beforeAll(async () => {
  sandbox = await startSandbox();
  // Without disableHostPrefix the SDK sends StartLiveTail to stream-<endpoint host>.
  logs = new CloudWatchLogsClient({
    endpoint: sandbox.endpoint,
    region: REGION,
    credentials: { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox-secret' },
    disableHostPrefix: true,
    maxAttempts: 1,
  });
  for (const group of ['/live/app', '/live/other']) {
    await logs.send(new CreateLogGroupCommand({ logGroupName: group }));
    await logs.send(new CreateLogStreamCommand({ logGroupName: group, logStreamName: 'web-1' }));
  }
});

afterAll(async () => {
  logs.destroy();
  await sandbox.close();
});

/** An open session, read one message at a time. */
class Tail {
  readonly updates: LiveTailSessionUpdate[] = [];

  private constructor(
    readonly start: LiveTailSessionStart,
    private readonly messages: AsyncIterator<StartLiveTailResponseStream>,
    private readonly connection: AbortController,
  ) {}

  static async open(input: StartLiveTailCommandInput): Promise<Tail> {
    const connection = new AbortController();
    const response = await logs.send(new StartLiveTailCommand(input), { abortSignal: connection.signal });
    const messages = (response.responseStream as AsyncIterable<StartLiveTailResponseStream>)[Symbol.asyncIterator]();
    const first = await messages.next();
    if (first.done || first.value.sessionStart === undefined) throw new Error(`expected sessionStart, got ${JSON.stringify(first.value)}`);
    return new Tail(first.value.sessionStart, messages, connection);
  }

  /** Reads updates until `done` holds for the events received so far (or fails after `seconds`). */
  async readUntil(done: (events: LiveTailSessionLogEvent[]) => boolean, seconds = 10): Promise<LiveTailSessionLogEvent[]> {
    const deadline = Date.now() + seconds * 1000;
    while (!done(this.events())) {
      if (Date.now() > deadline) throw new Error(`gave up waiting; got ${JSON.stringify(this.events())}`);
      const next = await this.messages.next();
      if (next.done) throw new Error('the stream ended');
      if (next.value.sessionUpdate === undefined) throw new Error(`expected sessionUpdate, got ${JSON.stringify(next.value)}`);
      this.updates.push(next.value.sessionUpdate);
    }
    return this.events();
  }

  events(): LiveTailSessionLogEvent[] {
    return this.updates.flatMap((update) => update.sessionResults ?? []);
  }

  /**
   * Ends the session the way an SDK client must: by aborting the request, which closes the connection.
   * (Leaving the SDK's event iterator early does not close it.)
   */
  close(): void {
    this.connection.abort();
  }
}

async function put(group: string, stream: string, messages: readonly string[]): Promise<number> {
  const timestamp = Date.now();
  await logs.send(new PutLogEventsCommand({ logGroupName: group, logStreamName: stream, logEvents: messages.map((message) => ({ timestamp, message })) }));
  return timestamp;
}

async function openSessionsDropTo(count: number): Promise<void> {
  const deadline = Date.now() + 5000;
  while (sandbox.liveTail.openSessions() !== count) {
    if (Date.now() > deadline) throw new Error(`${sandbox.liveTail.openSessions()} sessions still open, expected ${count}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('StartLiveTail through the SDK', () => {
  it('streams the events put after it started, including those of a stream created later; closing ends the session', async () => {
    const tail = await Tail.open({ logGroupIdentifiers: [arn('/live/app')] });
    expect(tail.start).toEqual({ requestId: expect.any(String), sessionId: expect.any(String), logGroupIdentifiers: [arn('/live/app')] });
    expect(sandbox.liveTail.openSessions(REGION)).toBe(1);

    // A quiet second still brings an update, with no events.
    await tail.readUntil(() => tail.updates.length >= 1);
    expect(tail.updates[0]).toEqual({ sessionMetadata: { sampled: false }, sessionResults: [] });

    const first = await put('/live/app', 'web-1', ['GET /orders 200', 'GET /cart 200']);
    await put('/live/other', 'web-1', ['not tailed']);
    await logs.send(new CreateLogStreamCommand({ logGroupName: '/live/app', logStreamName: 'web-2' }));
    const second = await put('/live/app', 'web-2', ['POST /checkout 201']);

    const events = await tail.readUntil((received) => received.length >= 3);
    expect(events).toEqual([
      { logStreamName: 'web-1', logGroupIdentifier: `${ACCOUNT}:/live/app`, message: 'GET /orders 200', timestamp: first, ingestionTime: expect.any(Number) },
      { logStreamName: 'web-1', logGroupIdentifier: `${ACCOUNT}:/live/app`, message: 'GET /cart 200', timestamp: first, ingestionTime: expect.any(Number) },
      { logStreamName: 'web-2', logGroupIdentifier: `${ACCOUNT}:/live/app`, message: 'POST /checkout 201', timestamp: second, ingestionTime: expect.any(Number) },
    ]);
    expect(events.every((event) => (event.ingestionTime ?? 0) >= (event.timestamp ?? Infinity))).toBe(true);

    tail.close();
    await openSessionsDropTo(0);
  });

  it('applies the filter pattern and the stream prefixes, and echoes them in sessionStart', async () => {
    const tail = await Tail.open({ logGroupIdentifiers: [arn('/live/app')], logStreamNamePrefixes: ['web-2'], logEventFilterPattern: 'ERROR -retrying' });
    expect(tail.start).toMatchObject({ logStreamNamePrefixes: ['web-2'], logEventFilterPattern: 'ERROR -retrying' });
    await put('/live/app', 'web-1', ['ERROR in the wrong stream']);
    await put('/live/app', 'web-2', ['INFO fine', 'ERROR disk full', 'ERROR timeout, retrying']);
    await put('/live/app', 'web-2', ['ERROR last']);
    const events = await tail.readUntil((received) => received.some((event) => event.message === 'ERROR last'));
    expect(events.map((event) => event.message)).toEqual(['ERROR disk full', 'ERROR last']);
    tail.close();
    await openSessionsDropTo(0);
  });

  it('samples an update down to 500 of the matching events, in time order, and says it sampled', async () => {
    const tail = await Tail.open({ logGroupIdentifiers: [arn('/live/app')], logStreamNames: ['web-1'] });
    const base = Date.now() - 5000;
    await logs.send(
      new PutLogEventsCommand({
        logGroupName: '/live/app',
        logStreamName: 'web-1',
        logEvents: Array.from({ length: 1500 }, (_, i) => ({ timestamp: base + i, message: `event ${i}` })),
      }),
    );
    await tail.readUntil((received) => received.length > 0);
    const update = tail.updates.find((candidate) => (candidate.sessionResults?.length ?? 0) > 0);
    expect(update?.sessionMetadata).toEqual({ sampled: true });
    const numbers = (update?.sessionResults ?? []).map((event) => Number(event.message?.slice('event '.length)));
    expect(numbers).toHaveLength(500);
    expect(numbers).toEqual([...numbers].sort((a, b) => a - b));
    // A sample of the whole second, not its first 500 events.
    expect(Math.max(...numbers)).toBeGreaterThan(1000);
    tail.close();
    await openSessionsDropTo(0);
  });

  it('ends with SessionTimeoutException when the session has lasted its length', async () => {
    sandbox.liveTail.configure({ sessionMs: 1500 });
    try {
      const tail = await Tail.open({ logGroupIdentifiers: [arn('/live/app')] });
      const ended = await rejectionOf(tail.readUntil(() => false));
      expect(ended).toBeInstanceOf(SessionTimeoutException);
      expect(ended.message).toBe('Live Tail session timed out after 1500 milliseconds.');
      // Updates at 1 s and 1.5 s (one fewer only if the machine stalls for half a second).
      expect(tail.updates.length).toBeGreaterThanOrEqual(1);
      expect(tail.updates.length).toBeLessThanOrEqual(2);
      await openSessionsDropTo(0);
    } finally {
      sandbox.liveTail.configure({ sessionMs: 3 * 3600_000 });
    }
  });

  it('refuses a session past the concurrent-session quota with LimitExceededException', async () => {
    sandbox.liveTail.configure({ maxSessions: 2 });
    try {
      const one = await Tail.open({ logGroupIdentifiers: [arn('/live/app')] });
      const two = await Tail.open({ logGroupIdentifiers: [arn('/live/other')] });
      const third = await rejectionOf(logs.send(new StartLiveTailCommand({ logGroupIdentifiers: [arn('/live/app')] })));
      expect(third).toMatchObject({ name: 'LimitExceededException', message: expect.stringContaining('concurrent Live Tail sessions (2)') });
      one.close();
      await openSessionsDropTo(1);
      const again = await Tail.open({ logGroupIdentifiers: [arn('/live/app')] });
      two.close();
      again.close();
      await openSessionsDropTo(0);
    } finally {
      sandbox.liveTail.configure({ maxSessions: 15 });
    }
  });

  it('answers bad requests before any stream, with AWS’s error codes', async () => {
    const error = (input: StartLiveTailCommandInput) => rejectionOf(logs.send(new StartLiveTailCommand(input)));
    expect(await error({ logGroupIdentifiers: [arn('/live/missing')] })).toMatchObject({
      name: 'ResourceNotFoundException',
      message: 'The specified log group does not exist.',
    });
    expect(await error({ logGroupIdentifiers: ['/live/app'] })).toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining("Log group identifier '/live/app' is not an ARN"),
    });
    expect(await error({ logGroupIdentifiers: [`${arn('/live/app')}:*`] })).toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining("at 'logGroupIdentifiers.1.member' failed to satisfy constraint: Member must satisfy regular expression pattern"),
    });
    expect(await error({ logGroupIdentifiers: Array.from({ length: 11 }, (_, i) => arn(`/live/g${i}`)) })).toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('Member must have length less than or equal to 10'),
    });
    expect(await error({ logGroupIdentifiers: [arn('/live/app'), arn('/live/other')], logStreamNames: ['web-1'] })).toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringContaining('only when logGroupIdentifiers holds a single log group'),
    });
    expect(await error({ logGroupIdentifiers: [arn('/live/app')], logStreamNames: ['web-1'], logStreamNamePrefixes: ['web'] })).toMatchObject({
      name: 'InvalidParameterException',
      message: 'logStreamNames and logStreamNamePrefixes are mutually exclusive parameters.',
    });
    expect(await error({ logGroupIdentifiers: [arn('/live/app')], logEventFilterPattern: '{ $.level = ' })).toMatchObject({
      name: 'InvalidParameterException',
      message: expect.stringMatching(/^Invalid filter pattern: /),
    });
    expect(sandbox.liveTail.openSessions()).toBe(0);
  });
});

describe('the demo sandbox keeps producing events', () => {
  it('a live tail of the demo groups sees new events within seconds', async () => {
    const demo = await startSandbox({ seed: 'demo', liveDemo: true });
    const client = new CloudWatchLogsClient({
      endpoint: demo.endpoint,
      region: REGION,
      credentials: { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox-secret' },
      disableHostPrefix: true,
    });
    const connection = new AbortController();
    try {
      const response = await client.send(
        new StartLiveTailCommand({ logGroupIdentifiers: [arn('/var/log/nginx/access.log'), arn('/ecs/orders-service'), arn('/aws/lambda/tallybird-prod-orders-api')] }),
        { abortSignal: connection.signal },
      );
      const seen = new Set<string>();
      const deadline = Date.now() + 15_000;
      for await (const message of response.responseStream ?? []) {
        for (const event of message.sessionUpdate?.sessionResults ?? []) seen.add(event.logGroupIdentifier ?? '');
        if (seen.size === 3 || Date.now() > deadline) break;
      }
      expect([...seen].sort()).toEqual([`${ACCOUNT}:/aws/lambda/tallybird-prod-orders-api`, `${ACCOUNT}:/ecs/orders-service`, `${ACCOUNT}:/var/log/nginx/access.log`]);
    } finally {
      connection.abort();
      client.destroy();
      await demo.close();
    }
  });

  it('only with the demo seed', async () => {
    await expect(startSandbox({ seed: 'empty', liveDemo: true })).rejects.toThrow("liveDemo needs seed: 'demo'");
  });
});
