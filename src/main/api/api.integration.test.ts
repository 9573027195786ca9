/**
 * main/api against a sandbox on a loopback port, through the real SDK clients and the dispatcher —
 * the same path a renderer call takes, minus the transport.
 */
import { describe, expect, it } from 'vitest';
import type { LogGroupPage } from '../../shared/contract';
import type { Dispatcher, StreamMessage } from '../../shared/rpc';
import { startSandbox } from '../../sandbox';
import { call, ok, subscribe } from './dispatcher-testing';
import { sandboxApi } from './sandbox-testing';

const DAY = 86_400_000;

// A region with more groups than one DescribeLogGroups page (50) holds.
const suite = sandboxApi({ seed: 'demo' }, (sandbox) => {
  sandbox.logs('eu-central-1').createGroups(
    Array.from({ length: 137 }, (_, index) => ({
      name: `/bulk/service-${String(index).padStart(3, '0')}`,
      creationTime: Date.now() - DAY,
      ...(index % 2 === 0 ? { retentionInDays: 30 } : {}),
    })),
  );
});
const start = (endpoint?: string) => suite.start(endpoint);

function groupsOf(messages: readonly StreamMessage[]): string[] {
  return messages.flatMap((message) =>
    message.type === 'next' ? (message.value as LogGroupPage).groups.map((group) => group.name) : [],
  );
}

describe('connections', () => {
  it('starts on the demo connection in its default region', async () => {
    const dispatcher = start();
    const list = await ok<{ connections: { id: string; kind: string }[] }>(call(dispatcher, 'connections.list', {}));
    expect(list.connections.map((connection) => connection.kind)).toEqual(['demo']);
    expect(await ok(call(dispatcher, 'connections.current', {}))).toMatchObject({
      connection: { id: 'demo' },
      region: 'us-east-1',
    });
  });

  it('refuses an unknown connection and a malformed region', async () => {
    const dispatcher = start();
    expect(await call(dispatcher, 'connections.select', { connectionId: 'nope' })).toMatchObject({
      ok: false,
      error: { code: 'NotFound' },
    });
    const bad = await call(dispatcher, 'connections.select', { connectionId: 'demo', region: 'Frankfurt' });
    expect(bad).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(!bad.ok && bad.error.message).toContain('region');
  });
});

describe('logs.listGroups', () => {
  it('streams every page of the region, in name order, then completes', async () => {
    const dispatcher = start();
    await ok(call(dispatcher, 'connections.select', { connectionId: 'demo', region: 'eu-central-1' }));
    const messages = await subscribe(dispatcher, 'logs.listGroups', {});
    const pages = messages.filter((message) => message.type === 'next');
    expect(pages.length).toBe(3); // 50 + 50 + 37
    const names = groupsOf(messages);
    expect(names).toHaveLength(137);
    expect(new Set(names).size).toBe(137);
    expect(names).toEqual([...names].sort());
    expect(messages.at(-1)).toEqual({ type: 'complete' });
  });

  it('maps retention, stored bytes and the ARN without its trailing :*', async () => {
    const dispatcher = start();
    const messages = await subscribe(dispatcher, 'logs.listGroups', {});
    const groups = messages.flatMap((message) => (message.type === 'next' ? (message.value as LogGroupPage).groups : []));
    expect(groups.length).toBeGreaterThan(40);
    for (const group of groups) {
      expect(group.arn).toBe(`arn:aws:logs:us-east-1:123456789012:log-group:${group.name}`);
      expect(group.retentionInDays === null || group.retentionInDays > 0).toBe(true);
      expect(group.storedBytes).toBeGreaterThanOrEqual(0);
    }
    expect(groups.some((group) => group.retentionInDays === null)).toBe(true);
    expect(groups.some((group) => group.storedBytes > 0)).toBe(true);
  });

  it('searches by name prefix on the server', async () => {
    const dispatcher = start();
    await ok(call(dispatcher, 'connections.select', { connectionId: 'demo', region: 'eu-central-1' }));
    const names = groupsOf(await subscribe(dispatcher, 'logs.listGroups', { prefix: '/bulk/service-1' }));
    expect(names).toHaveLength(37); // 100..136
    expect(names.every((name) => name.startsWith('/bulk/service-1'))).toBe(true);
  });

  it('finishes a listing under AWS quotas and throttling without losing or repeating a group', async () => {
    suite.sandbox.setFaults({ throttleRate: 0.3, quotas: 'aws' });
    const dispatcher = start();
    await ok(call(dispatcher, 'connections.select', { connectionId: 'demo', region: 'eu-central-1' }));
    const messages = await subscribe(dispatcher, 'logs.listGroups', {});
    expect(messages.at(-1)).toEqual({ type: 'complete' });
    const names = groupsOf(messages);
    expect(names).toHaveLength(137);
    expect(new Set(names).size).toBe(137);
  }, 60_000);

  it('stops requesting pages when the caller cancels', async () => {
    suite.sandbox.setFaults({ latencyMs: 150 });
    const dispatcher = start();
    await ok(call(dispatcher, 'connections.select', { connectionId: 'demo', region: 'eu-central-1' }));
    const controller = new AbortController();
    const messages: StreamMessage[] = [];
    const done = dispatcher.subscribe('logs.listGroups', {}, controller.signal, (message) => {
      messages.push(message);
      controller.abort();
    });
    await done;
    expect(messages).toHaveLength(1);
    expect(messages[0]?.type).toBe('next');
  });

  it('cancels in-flight work of the old scope when the region changes', async () => {
    suite.sandbox.setFaults({ latencyMs: 300 });
    const dispatcher = start();
    const messages: StreamMessage[] = [];
    const listing = dispatcher.subscribe('logs.listGroups', {}, new AbortController().signal, (message) =>
      messages.push(message),
    );
    const events = call(dispatcher, 'logs.getEvents', {
      logGroupName: '/aws/lambda/checkout-api',
      logStreamName: 'anything',
    });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await ok(call(dispatcher, 'connections.select', { connectionId: 'demo', region: 'eu-west-1' }));
    await listing;
    expect(groupsOf(messages)).toEqual([]);
    expect(messages.at(-1)).toMatchObject({ type: 'error', error: { code: 'Cancelled' } });
    expect(await events).toMatchObject({ ok: false, error: { code: 'Cancelled' } });
  });
});

describe('logs.listStreams and logs.getEvents', () => {
  async function busiestGroup(dispatcher: Dispatcher): Promise<string> {
    const messages = await subscribe(dispatcher, 'logs.listGroups', {});
    const groups = messages.flatMap((message) => (message.type === 'next' ? (message.value as LogGroupPage).groups : []));
    const busiest = [...groups].sort((a, b) => b.storedBytes - a.storedBytes)[0];
    if (!busiest) throw new Error('the demo seed has no groups');
    return busiest.name;
  }

  it('lists streams newest first by default and pages with nextToken', async () => {
    const dispatcher = start();
    const logGroupName = await busiestGroup(dispatcher);
    type Page = { streams: { name: string; lastEventTimestamp?: number }[]; nextToken?: string };
    const first = await ok<Page>(call(dispatcher, 'logs.listStreams', { logGroupName, limit: 2 }));
    expect(first.streams).toHaveLength(2);
    const [newer, older] = first.streams;
    expect(newer?.lastEventTimestamp ?? 0).toBeGreaterThanOrEqual(older?.lastEventTimestamp ?? 0);
    expect(first.nextToken).toBeTruthy();
    const second = await ok<Page>(
      call(dispatcher, 'logs.listStreams', { logGroupName, limit: 2, nextToken: first.nextToken }),
    );
    expect(second.streams.map((stream) => stream.name)).not.toContain(newer?.name);

    const byName = await ok<Page>(
      call(dispatcher, 'logs.listStreams', { logGroupName, orderBy: 'LogStreamName', descending: false, limit: 50 }),
    );
    const names = byName.streams.map((stream) => stream.name);
    expect(names).toEqual([...names].sort());
  });

  it('reads a stream from the newest end, then walks back and forward with the tokens', async () => {
    const dispatcher = start();
    const logGroupName = await busiestGroup(dispatcher);
    type Streams = { streams: { name: string }[] };
    const { streams } = await ok<Streams>(call(dispatcher, 'logs.listStreams', { logGroupName, limit: 1 }));
    const logStreamName = streams[0]?.name ?? '';
    type Events = { events: { timestamp: number; message: string }[]; nextForwardToken: string; nextBackwardToken: string };

    const newest = await ok<Events>(call(dispatcher, 'logs.getEvents', { logGroupName, logStreamName, limit: 20 }));
    expect(newest.events.length).toBeGreaterThan(0);
    const stamps = newest.events.map((event) => event.timestamp);
    expect(stamps).toEqual([...stamps].sort((a, b) => a - b));

    const older = await ok<Events>(
      call(dispatcher, 'logs.getEvents', { logGroupName, logStreamName, limit: 20, nextToken: newest.nextBackwardToken }),
    );
    if (older.events.length > 0) {
      expect(older.events.at(-1)?.timestamp ?? 0).toBeLessThanOrEqual(newest.events[0]?.timestamp ?? 0);
    }

    // At the newest end, reading forward returns nothing new and the same token again (AWS's end-of-stream signal).
    const end = await ok<Events>(
      call(dispatcher, 'logs.getEvents', { logGroupName, logStreamName, limit: 20, nextToken: newest.nextForwardToken }),
    );
    expect(end.events).toEqual([]);
    expect(end.nextForwardToken).toBe(newest.nextForwardToken);
  });
});

describe('errors a person can act on', () => {
  it('a missing log group is NotFound with AWS’s code and a next step', async () => {
    const dispatcher = start();
    const result = await call(dispatcher, 'logs.listStreams', { logGroupName: '/does/not/exist' });
    expect(result).toMatchObject({
      ok: false,
      error: { code: 'NotFound', awsCode: 'ResourceNotFoundException', retryable: false, requestId: expect.any(String) },
    });
    expect(!result.ok && result.error.message).toMatch(/deleted|another region/);
  });

  it('a request the contract refuses never reaches AWS and names the field', async () => {
    const dispatcher = start();
    const result = await call(dispatcher, 'logs.getEvents', { logGroupName: 'bad:name', logStreamName: 's', limit: 0 });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidInput' } });
    expect(!result.ok && result.error.message).toMatch(/logGroupName.*limit|limit.*logGroupName/s);
  });

  it('a token AWS does not recognise is InvalidInput with AWS’s explanation', async () => {
    const dispatcher = start();
    const result = await call(dispatcher, 'logs.listStreams', {
      logGroupName: '/does/not/matter',
      nextToken: 'not-a-real-token',
    });
    expect(result).toMatchObject({ ok: false, error: { awsCode: expect.stringMatching(/InvalidParameter|ResourceNotFound/) } });
  });

  it('persistent throttling gives a person an answer within seconds, naming the API, region and quota', async () => {
    suite.sandbox.setFaults({ throttleRate: 1 });
    const dispatcher = start();
    await ok(call(dispatcher, 'connections.select', { connectionId: 'demo', region: 'eu-central-1' }));
    const started = Date.now();
    const result = await call(dispatcher, 'logs.listStreams', { logGroupName: '/bulk/service-001' });
    // The interactive budget: four retries (backoff at most 7.5 s, plus the adaptive limiter's pauses),
    // where eight used to take some 45 s.
    expect(Date.now() - started).toBeLessThan(15_000);
    expect(result).toMatchObject({
      ok: false,
      error: {
        code: 'Throttled',
        retryable: true,
        details: { service: 'logs', operation: 'DescribeLogStreams', region: 'eu-central-1', quotaTps: 25 },
      },
    });
    expect(!result.ok && result.error.message).toMatch(/DescribeLogStreams in eu-central-1/);
  }, 30_000);

  it('an endpoint that is down is Unreachable, not a stack trace', async () => {
    const stopped = await startSandbox({ port: 0 });
    const endpoint = stopped.endpoint;
    await stopped.close();
    const messages = await subscribe(start(endpoint), 'logs.listGroups', {});
    expect(messages.at(-1)).toMatchObject({ type: 'error', error: { code: 'Unreachable', retryable: true } });
  }, 30_000);
});
