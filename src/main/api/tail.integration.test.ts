/**
 * logs.tail through the real SDK: with StartLiveTail against the sandbox (events in 2 s, a session AWS
 * ends renewed without loss or repeat), and against an endpoint without it (as LocalStack is): the
 * sandbox behind a proxy that answers StartLiveTail as an endpoint that does not know it. Then the tail
 * falls back to polling FilterLogEvents and must still show new events, including those of streams
 * created after it started, within 2 seconds and once each.
 */
import { createServer, request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FoundEvent, TailUpdate } from '../../shared/contract';
import type { StreamMessage } from '../../shared/rpc';
import type { LogGroup } from '../../sandbox';
import { sandboxApi } from './sandbox-testing';

let group: LogGroup;
let liveGroup: LogGroup;

const suite = sandboxApi({}, (sandbox) => {
  liveGroup = sandbox.logs('us-east-1').createGroup({ name: '/tail/live', creationTime: Date.now() - 60_000 });
  liveGroup.createStream('live', Date.now() - 60_000);
  group = sandbox.logs('us-east-1').createGroup({ name: '/tail/app', creationTime: Date.now() - 60_000 });
  const stream = group.createStream('existing', Date.now() - 60_000);
  // Within the polls' look-back, but ingested before the tail started: not new.
  const before = Date.now() - 3_000;
  group.ingest(stream, [{ timestamp: before, message: 'from before the tail', size: 20 }], () => before);
});

/** Forwards everything to the sandbox but StartLiveTail, which it refuses as an unknown operation. */
let withoutLiveTail: Server;
let endpoint: string;

beforeAll(async () => {
  const target = new URL(suite.sandbox.endpoint);
  withoutLiveTail = createServer((incoming, outgoing) => {
    if (incoming.headers['x-amz-target'] === 'Logs_20140328.StartLiveTail') {
      incoming.resume();
      outgoing.writeHead(400, { 'content-type': 'application/x-amz-json-1.1' });
      outgoing.end(JSON.stringify({ __type: 'UnknownOperationException', message: 'Unknown operation StartLiveTail' }));
      return;
    }
    const forwarded = httpRequest({ host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers }, (answer) => {
      outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
      answer.pipe(outgoing);
    });
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => withoutLiveTail.listen(0, '127.0.0.1', resolve));
  endpoint = `http://127.0.0.1:${(withoutLiveTail.address() as AddressInfo).port}`;
});

afterAll(async () => {
  withoutLiveTail.closeAllConnections();
  await new Promise((resolve) => withoutLiveTail.close(resolve));
});

function put(streamName: string, message: string, into = group): void {
  const stream = into.stream(streamName) ?? into.createStream(streamName, Date.now());
  into.ingest(stream, [{ timestamp: Date.now(), message, size: Buffer.byteLength(message) }], () => Date.now());
}

function tailed(messages: readonly StreamMessage[]): FoundEvent[] {
  return messages.flatMap((message) => (message.type === 'next' && (message.value as TailUpdate).type === 'events' ? (message.value as { events: FoundEvent[] }).events : []));
}

describe('logs.tail with Live Tail', () => {
  it('streams new events within 2 s, and renews sessions AWS ends without losing or repeating one', async () => {
    // AWS ends a session after 3 hours; the sandbox every 1.5 s, so this tail lives through several.
    suite.sandbox.liveTail.configure({ sessionMs: 1_500 });
    try {
      const dispatcher = suite.start();
      const controller = new AbortController();
      const messages: StreamMessage[] = [];
      const done = dispatcher.subscribe('logs.tail', { logGroupNames: ['/tail/live'] }, controller.signal, (message) => messages.push(message));
      await expect.poll(() => messages.length, { timeout: 5_000 }).toBeGreaterThan(0);
      expect(messages[0]).toMatchObject({ type: 'next', value: { type: 'started', mode: 'live-tail' } });

      const sent = Date.now();
      put('live', 'live one', liveGroup);
      await expect.poll(() => tailed(messages).map((event) => event.message), { timeout: 2_000, interval: 50 }).toContain('live one');
      expect(Date.now() - sent).toBeLessThan(2_000);

      for (let index = 0; index < 10; index++) {
        put('live', `around the renewals ${index}`, liveGroup);
        await new Promise((resolve) => setTimeout(resolve, 400));
      }
      const around = () => tailed(messages).filter((event) => event.message.startsWith('around the renewals')).map((event) => event.message);
      await expect.poll(() => around().length, { timeout: 5_000 }).toBeGreaterThanOrEqual(10);
      // Give a repeat the time to show up, should there be one.
      await new Promise((resolve) => setTimeout(resolve, 1_500));
      expect(around()).toEqual(Array.from({ length: 10 }, (_, index) => `around the renewals ${index}`));
      expect(messages.filter((message) => message.type === 'next' && (message.value as TailUpdate).type === 'renewed').length).toBeGreaterThan(0);

      controller.abort();
      await done;
      await expect.poll(() => suite.sandbox.liveTail.openSessions('us-east-1'), { timeout: 2_000 }).toBe(0);
    } finally {
      suite.sandbox.liveTail.configure({ sessionMs: 3 * 60 * 60 * 1000 });
    }
  }, 30_000);
});

describe('logs.tail where the endpoint has no Live Tail', () => {
  it('polls, says why, and shows new events, also of a stream created later, within 2 s and once each', async () => {
    const dispatcher = suite.start(endpoint);
    const controller = new AbortController();
    const messages: StreamMessage[] = [];
    const done = dispatcher.subscribe('logs.tail', { logGroupNames: ['/tail/app'] }, controller.signal, (message) => messages.push(message));

    await expect.poll(() => messages.length, { timeout: 5_000 }).toBeGreaterThan(0);
    expect(messages[0]).toMatchObject({
      type: 'next',
      value: { type: 'started', mode: 'polling', reason: expect.stringContaining('UnknownOperationException') },
    });

    const sent = Date.now();
    put('existing', 'new in an old stream');
    await expect.poll(() => tailed(messages).map((event) => event.message), { timeout: 2_000, interval: 50 }).toContain('new in an old stream');
    expect(Date.now() - sent).toBeLessThan(2_000);

    const created = Date.now();
    put('created-later', 'first line of a new stream');
    await expect.poll(() => tailed(messages).map((event) => event.message), { timeout: 2_000, interval: 50 }).toContain('first line of a new stream');
    expect(Date.now() - created).toBeLessThan(2_000);

    // Several more polls overlap these events; none is shown twice, and nothing from before the tail.
    await new Promise((resolve) => setTimeout(resolve, 2_500));
    const events = tailed(messages);
    expect(events.map((event) => event.message)).toEqual(['new in an old stream', 'first line of a new stream']);
    expect(events[1]).toMatchObject({ logGroupName: '/tail/app', logStreamName: 'created-later' });

    controller.abort();
    await done;
    expect(messages.some((message) => message.type === 'error' || message.type === 'complete')).toBe(false);
  });

  it('says at once when a group does not exist', async () => {
    const messages: StreamMessage[] = [];
    await suite.start(endpoint).subscribe('logs.tail', { logGroupNames: ['/tail/app', '/tail/gone'] }, new AbortController().signal, (message) => messages.push(message));
    expect(messages).toEqual([{ type: 'error', error: expect.objectContaining({ code: 'NotFound', message: expect.stringContaining('/tail/gone') }) }]);
  });
});
