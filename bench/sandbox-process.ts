/**
 * A sandbox in its own process for the download benchmarks, so the sandbox and main/api each get a core
 * (as AWS and the app would) instead of sharing one thread. The parent sends commands over IPC:
 * `seed` fills a log group through the store (no API calls), `faults` sets fault injection. A counting
 * proxy in front of the sandbox tallies FilterLogEvents calls and their throttling answers.
 */
import { createServer, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { startSandbox, type FaultOptions } from '../src/sandbox';

export type SandboxCommand =
  | { readonly type: 'seed'; readonly group: string; readonly streams: number; readonly events: number; readonly startTime: number; readonly spanMs: number }
  | { readonly type: 'faults'; readonly faults: FaultOptions }
  | { readonly type: 'calls' };

export interface SandboxReady {
  readonly type: 'ready';
  readonly endpoint: string;
  /** The same sandbox behind the counting proxy. */
  readonly countedEndpoint: string;
}

export interface CallCounts {
  readonly type: 'calls';
  readonly filterLogEvents: number;
  readonly throttled: number;
  readonly firstAt: number;
  readonly lastAt: number;
}

const REGION = 'us-east-1';

/** A ~200-byte application log line, different for every event. */
function benchMessage(index: number): string {
  const id = index.toString(16).padStart(8, '0');
  const line = `2025-07-01T00:00:00Z INFO [req-${id}] GET /api/orders/${index % 100_000} status=${index % 7 === 0 ? 500 : 200} duration=${index % 997}ms user=u${index % 5003} agent="Mozilla/5.0 (X11; Linux x86_64)" trace=${id}${id}`;
  return line.padEnd(200, '.');
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({ port: 0 });
  const counts = { filterLogEvents: 0, throttled: 0, firstAt: 0, lastAt: 0 };
  const target = new URL(sandbox.endpoint);
  const proxy = createServer((incoming, outgoing) => {
    const filter = incoming.headers['x-amz-target'] === 'Logs_20140328.FilterLogEvents';
    const forwarded = httpRequest(
      { host: target.hostname, port: target.port, method: incoming.method, path: incoming.url, headers: incoming.headers },
      (answer) => {
        if (filter) {
          counts.filterLogEvents++;
          counts.firstAt ||= performance.now();
          counts.lastAt = performance.now();
        }
        outgoing.writeHead(answer.statusCode ?? 502, answer.headers);
        if (filter && answer.statusCode === 400) {
          // A throttled call's body says so: {"__type":"ThrottlingException",…}.
          answer.once('data', (chunk: Buffer) => {
            if (chunk.toString('utf8').includes('ThrottlingException')) counts.throttled++;
          });
        }
        answer.pipe(outgoing);
      },
    );
    incoming.pipe(forwarded);
  });
  await new Promise<void>((resolve) => proxy.listen(0, '127.0.0.1', resolve));

  process.on('message', (command: SandboxCommand) => {
    if (command.type === 'seed') {
      const group = sandbox.logs(REGION).createGroup({ name: command.group, creationTime: command.startTime });
      // Events spread evenly over the span, dealt to the streams in turn (as a fleet of instances logs).
      const perStream = Array.from({ length: command.streams }, () => [] as { timestamp: number; message: string; size: number }[]);
      for (let index = 0; index < command.events; index++) {
        const message = benchMessage(index);
        const timestamp = command.startTime + Math.floor((index / command.events) * command.spanMs);
        perStream[index % command.streams]?.push({ timestamp, message, size: message.length });
      }
      perStream.forEach((events, streamIndex) => {
        const stream = group.createStream(`stream-${String(streamIndex).padStart(3, '0')}`, command.startTime);
        group.ingest(stream, events, (event) => event.timestamp + 500);
      });
      process.send?.({ type: 'seeded', events: command.events });
    } else if (command.type === 'faults') {
      sandbox.setFaults(command.faults);
      counts.filterLogEvents = counts.throttled = counts.firstAt = counts.lastAt = 0;
      process.send?.({ type: 'faults' });
    } else {
      process.send?.({ type: 'calls', ...counts } satisfies CallCounts);
    }
  });
  process.on('disconnect', () => process.exit(0));
  const ready: SandboxReady = { type: 'ready', endpoint: sandbox.endpoint, countedEndpoint: `http://127.0.0.1:${(proxy.address() as AddressInfo).port}` };
  process.send?.(ready);
}

await main();
