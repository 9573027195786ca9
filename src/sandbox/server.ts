/**
 * The sandbox HTTP server: a local AWS-compatible endpoint with in-memory state, usable by the AWS SDKs
 * and CLI through `--endpoint-url`.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { gunzipSync } from 'node:zlib';
import { identityControls, insightsControls, liveTailControls, ssoControls, type IdentityControls, type InsightsControls, type LiveTailControls, type SsoControls } from './controls';
import { FaultInjector, type FaultOptions } from './faults';
import type { IncomingRequest, SandboxResponse, StreamingBody } from './core/context';
import { Router } from './router';
import { seedBulk, type BulkSeed, type BulkSeedResult } from './seed/bulk';
import { loadSeed } from './seed/load';
import { seedBulkMetrics, type MetricBulkSeed, type MetricBulkSeedResult } from './seed/metrics-bulk';
import { AlarmEvaluator, type TickSummary } from './services/cloudwatch/alarms/evaluator';
import { ALARMS_STORE, type AlarmsStore } from './services/cloudwatch/alarms/store';
import { METRICS_STORE, type MetricsStore } from './services/cloudwatch/store';
import type { SeedData } from './seed/types';
import type { InsightsSettings } from './services/logs/insights/settings';
import type { LiveTailSettings } from './services/logs/live-tail-sessions';
import { LOGS_STORE, type LogsStore } from './services/logs/store';
import { TRAIL_STORE, type TrailStore } from './services/cloudtrail/store';
import { S3_STORE, type S3Store } from './services/s3/store';
import { SNS_STORE, type SnsStore } from './services/sns/store';
import { defaultQuotasOf, SERVICES } from './services/registry';
import { AccountState } from './state';

export interface SandboxOptions {
  /** 0 (the default) picks a free port. */
  readonly port?: number;
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** Default `'empty'`. */
  readonly seed?: 'demo' | 'empty' | SeedData;
  readonly faults?: FaultOptions;
  /**
   * Epoch milliseconds; default `Date.now`. Drives every expiry (credentials, SSO codes and tokens), the
   * `Date` response header, and the check of each signed request's `X-Amz-Date` (AWS refuses requests
   * more than 15 minutes off, CloudWatch Logs more than 5; the SDKs correct their clock from `Date`).
   */
  readonly clock?: () => number;
  /** Default 123456789012. */
  readonly accountId?: string;
  /** StartLiveTail session settings; default AWS's (see `Sandbox.liveTail`). */
  readonly liveTail?: Partial<LiveTailSettings>;
  /** Logs Insights query settings; default AWS's limits (see `Sandbox.insights`). */
  readonly insights?: Partial<InsightsSettings>;
  /**
   * With `seed: 'demo'`: keep writing new events, a few a second, into a few us-east-1 groups (the orders
   * API Lambda, nginx, orders-service), as the demo account's traffic would, until `close()`. Default off.
   */
  readonly liveDemo?: boolean;
  /**
   * Whether every alarm is evaluated by itself at each new minute of `clock`, as CloudWatch does (default
   * true). Tests and benchmarks that move a clock of their own turn it off, so that no evaluation lands
   * between their steps, and run one with `cloudwatch.evaluateAlarms` when they choose.
   */
  readonly evaluateAlarms?: boolean;
}

export interface Sandbox {
  /** E.g. `http://127.0.0.1:4566`; pass it as the SDK's `endpoint` or the CLI's `--endpoint-url`. */
  readonly endpoint: string;
  readonly port: number;
  readonly accountId: string;
  close(): Promise<void>;
  setFaults(faults: FaultOptions): void;
  /** Adds seed data to the running sandbox (fast: no API calls, no validation). */
  seed(data: SeedData): void;
  /**
   * Fills a log group (created when missing) with many generated events, fast (1,000,000 in about 3 s),
   * for benchmarks and scale tests; region default us-east-1. See `BulkSeed`.
   */
  seedBulk(spec: BulkSeed & { readonly region?: string }): BulkSeedResult;
  /** One region's CloudWatch Logs state, for tests and benchmarks that build or inspect state directly. */
  logs(region: string): LogsStore;
  /** One region's CloudTrail: event history (the seed's and every write recorded since) and trails. */
  cloudTrail(region: string): TrailStore;
  /** The account's S3 buckets and objects, for tests and benchmarks that inspect them directly. */
  s3(): S3Store;
  /** CloudWatch metrics: bulk data for benchmarks, and a region's store for tests that inspect it. */
  readonly cloudwatch: CloudWatchControls;
  /** One region's SNS topics and subscriptions, and what was published to each: `sns(region).published(topicArn)`. */
  sns(region: string): SnsStore;
  /** Who may do what: roles' trust conditions, revoked keys, denied actions, issued credentials. */
  readonly identity: IdentityControls;
  /** IAM Identity Center: approve or deny device sign-ins, expire tokens, set account assignments. */
  readonly sso: SsoControls;
  /** StartLiveTail: session length, update interval and quota for new sessions; how many are open. */
  readonly liveTail: LiveTailControls;
  /** Logs Insights: scan rate, scheduling delay, timeout and concurrency quota for new queries. */
  readonly insights: InsightsControls;
}

export interface CloudWatchControls {
  /**
   * Adds many metrics (with raw data when `minutes` is set) straight into a region's store (default
   * us-east-1), fast, for benchmarks and scale tests, e.g. `seedBulk({ metrics: 100_000 })` for ListMetrics
   * paging or `seedBulk({ metrics: 500, minutes: 200 })` for GetMetricData. See `MetricBulkSeed`.
   */
  seedBulk(spec: MetricBulkSeed & { readonly region?: string }): MetricBulkSeedResult;
  /** One region's metrics. */
  metrics(region: string): MetricsStore;
  /** One region's alarms and their history. */
  alarms(region: string): AlarmsStore;
  /**
   * Evaluates every alarm of every region now (at `now`, default the sandbox clock), as the once-a-minute
   * evaluation does (in slices, answering requests in between): state changes are recorded in history and
   * their actions run. For tests and benchmarks that drive the clock themselves.
   */
  evaluateAlarms(now?: number): Promise<TickSummary>;
}

export const DEFAULT_ACCOUNT_ID = '123456789012';

/** Requests larger than this (before decompression) are refused with 413. */
export const MAX_REQUEST_BYTES = 16 * 1024 * 1024;

export async function startSandbox(options: SandboxOptions = {}): Promise<Sandbox> {
  const clock = options.clock ?? Date.now;
  const state = new AccountState(options.accountId ?? DEFAULT_ACCOUNT_ID, clock);
  const faults = new FaultInjector(options.faults ?? {}, clock, defaultQuotasOf(SERVICES));
  const router = new Router({ state, faults, clock, services: SERVICES });
  const liveTail = liveTailControls(state);
  if (options.liveTail !== undefined) liveTail.configure(options.liveTail);
  const insights = insightsControls(state);
  if (options.insights !== undefined) insights.configure(options.insights);

  const alarmEvaluator = new AlarmEvaluator(state, clock);

  const seed = options.seed ?? 'empty';
  if (options.liveDemo === true && seed !== 'demo') throw new RangeError("liveDemo needs seed: 'demo'");
  let liveDemo: { stop(): void } | undefined;
  if (seed === 'demo') {
    // Loaded only when asked for: the generator is large and tests mostly start empty.
    const { demoSeed } = await import('./seed/demo');
    const now = clock();
    loadSeed(state, demoSeed({ now }), now);
    if (options.liveDemo === true) liveDemo = await startLiveDemo(state, clock, now);
  } else if (seed !== 'empty') {
    loadSeed(state, seed, clock());
  }

  const server = createServer((request, response) => {
    readBody(request)
      .then((bytes) => {
        const remoteAddress = request.socket.remoteAddress?.replace(/^::ffff:/, '');
        const result = router.handle({ method: request.method ?? 'GET', url: request.url ?? '/', headers: headersOf(request), body: bytes.toString('utf8'), bytes, ...(remoteAddress === undefined ? {} : { remoteAddress }) });
        const delay = faults.delayMs();
        if (delay > 0) setTimeout(() => reply(response, result, clock), delay);
        else reply(response, result, clock);
      })
      .catch((error: unknown) => {
        const status = error instanceof RequestTooLarge ? 413 : 400;
        send(response, status, { 'Content-Type': 'text/plain' }, error instanceof Error ? error.message : String(error));
      });
  });
  // AWS clients keep connections alive; close() must not wait for them.
  server.keepAliveTimeout = 5_000;

  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  if (options.evaluateAlarms !== false) alarmEvaluator.start();

  return {
    endpoint: `http://${endpointHost(host)}:${port}`,
    port,
    accountId: state.accountId,
    close: () =>
      new Promise<void>((resolve, reject) => {
        liveDemo?.stop();
        alarmEvaluator.stop();
        server.close((error) => (error ? reject(error) : resolve()));
        server.closeAllConnections();
      }),
    setFaults: (next) => faults.set(next),
    seed: (data) => loadSeed(state, data, clock()),
    seedBulk: ({ region = 'us-east-1', ...spec }) => seedBulk(state.region(region).store(LOGS_STORE), spec, clock()),
    logs: (region) => state.region(region).store(LOGS_STORE),
    cloudTrail: (region) => state.region(region).store(TRAIL_STORE),
    s3: () => state.store(S3_STORE),
    sns: (region) => state.region(region).store(SNS_STORE),
    cloudwatch: {
      seedBulk: ({ region = 'us-east-1', ...spec }) => seedBulkMetrics(state.region(region).store(METRICS_STORE), spec, clock()),
      metrics: (region) => state.region(region).store(METRICS_STORE),
      alarms: (region) => state.region(region).store(ALARMS_STORE),
      evaluateAlarms: (now) => alarmEvaluator.tick(now ?? clock(), true),
    },
    identity: identityControls(state, clock),
    sso: ssoControls(state, clock),
    liveTail,
    insights,
  };
}

/** The demo account's traffic, going on from the seeded week's `now`. */
async function startLiveDemo(state: AccountState, clock: () => number, seededAt: number): Promise<{ stop(): void }> {
  const [{ LiveDemo, LIVE_REGION }, { createScenario }] = await Promise.all([import('./seed/demo/live'), import('./seed/demo/scenario')]);
  const demo = new LiveDemo(state.region(LIVE_REGION).store(LOGS_STORE), clock, createScenario(seededAt));
  demo.start();
  return demo;
}

class RequestTooLarge extends Error {}

async function readBody(request: IncomingMessage): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request) {
    size += (chunk as Buffer).length;
    if (size > MAX_REQUEST_BYTES) throw new RequestTooLarge(`Request body exceeds ${MAX_REQUEST_BYTES} bytes`);
    chunks.push(chunk as Buffer);
  }
  const raw = Buffer.concat(chunks);
  const encoding = (request.headers['content-encoding'] ?? '').toLowerCase();
  // S3 keeps an object's Content-Encoding as metadata and its bytes as they came.
  if (encoding === 'gzip' && !signedForS3(request)) {
    try {
      return gunzipSync(raw, { maxOutputLength: MAX_REQUEST_BYTES });
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ERR_BUFFER_TOO_LARGE') throw new RequestTooLarge('Decompressed body too large');
      throw new Error('Request body is not valid gzip');
    }
  }
  return raw;
}

/** A request signed (or presigned) for S3, whose body is an object's bytes. */
function signedForS3(request: IncomingMessage): boolean {
  const scope = /(\/|%2F)s3(\/|%2F)aws4_request/i;
  return scope.test(request.headers.authorization ?? '') || scope.test(request.url ?? '');
}

function headersOf(request: IncomingMessage): IncomingRequest['headers'] {
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

function reply(response: ServerResponse, result: SandboxResponse, clock: () => number): void {
  // AWS's clock, as the SDKs read it to correct their own (clock skew).
  const headers = { ...result.headers, Date: new Date(clock()).toUTCString() };
  if (result.stream === undefined) send(response, result.status, headers, result.bytes ?? result.body);
  else sendStream(response, result.status, headers, result.stream);
}

/**
 * Writes a body as it is produced, chunk by chunk (chunked transfer encoding). When the client goes away,
 * or the sandbox closes its connections, the producer is told to stop.
 */
function sendStream(response: ServerResponse, status: number, headers: Readonly<Record<string, string>>, body: StreamingBody): void {
  if (response.destroyed) return;
  response.writeHead(status, headers);
  const stop = new AbortController();
  response.once('close', () => stop.abort());
  pipeline(Readable.from(body.open(stop.signal), { objectMode: false }), response).catch(() => {
    // The client went away in the middle of the stream: there is no one left to tell.
  });
}

function send(response: ServerResponse, status: number, headers: Readonly<Record<string, string>>, body: string | Uint8Array): void {
  if (response.destroyed) return;
  const payload = typeof body === 'string' ? Buffer.from(body, 'utf8') : body;
  // A HEAD answer (S3's HeadObject) states the length of the body it leaves out.
  const length = headers['Content-Length'] ?? String(payload.length);
  response.writeHead(status, { ...headers, 'Content-Length': length });
  response.end(payload);
}

function endpointHost(host: string): string {
  if (host === '0.0.0.0') return '127.0.0.1';
  if (host === '::') return '[::1]';
  return host.includes(':') ? `[${host}]` : host;
}
