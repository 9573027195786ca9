/**
 * Big log groups for benchmarks and scale tests, fast: N events of about `messageBytes` each, spread
 * evenly over a time range and round-robin over several streams, written straight into the store (no
 * API, no validation) as seed data is. The lines read like a web service's plain-text request log; about
 * 1% are `ERROR` lines and 4% `WARN` lines, so term patterns have something to find. The same spec gives
 * the same events.
 */
import { seededIngestionTime } from '../services/logs/seed';
import type { IncomingEvent, LogsStore } from '../services/logs/store';
import { Random } from './demo/random';
import { HOUR, isoTime } from './demo/time';

export interface BulkSeed {
  /** Created when missing (with `from` as its creation time); its streams too. */
  readonly logGroupName: string;
  readonly events: number;
  /** How many streams the events are spread over; default 20. */
  readonly streams?: number;
  /** Epoch ms, inclusive; default 24 hours before `to`. */
  readonly from?: number;
  /** Epoch ms, exclusive; default now. */
  readonly to?: number;
  /** UTF-8 bytes per message; default 200. */
  readonly messageBytes?: number;
}

export interface BulkSeedResult {
  readonly logGroupName: string;
  readonly streamNames: readonly string[];
  readonly events: number;
  readonly from: number;
  readonly to: number;
}

export const BULK_DEFAULTS = { streams: 20, messageBytes: 200, spanMs: 24 * HOUR } as const;

/** [method and path up to the id, whether an order id follows, status when it succeeds] */
const ROUTES = [
  ['GET /v1/orders', false, '200'],
  ['GET /v1/orders/', true, '200'],
  ['POST /v1/orders', false, '201'],
  ['GET /v1/carts/', true, '200'],
  ['POST /v1/checkout', false, '200'],
  ['PATCH /v1/orders/', true, '200'],
] as const;
const LEVELS = ['ERROR', 'WARN', 'INFO'] as const;
const LINE_HEADS = {
  ERROR: ' ERROR orders-service request failed requestId=',
  WARN: ' WARN orders-service request completed requestId=',
  INFO: ' INFO orders-service request completed requestId=',
} as const;
/** Below this a line would not even hold its timestamp and level. */
const MIN_MESSAGE_BYTES = 32;

export function seedBulk(logs: LogsStore, spec: BulkSeed, now: number): BulkSeedResult {
  const streamCount = spec.streams ?? BULK_DEFAULTS.streams;
  const to = spec.to ?? now;
  const from = spec.from ?? to - BULK_DEFAULTS.spanMs;
  const messageBytes = spec.messageBytes ?? BULK_DEFAULTS.messageBytes;
  if (!Number.isInteger(spec.events) || spec.events < 0) throw new RangeError(`events must be a whole number >= 0, got ${spec.events}`);
  if (!Number.isInteger(streamCount) || streamCount < 1) throw new RangeError(`streams must be a whole number >= 1, got ${streamCount}`);
  if (!(to > from)) throw new RangeError(`The time range is empty: from ${from} is not before to ${to}`);
  if (!Number.isInteger(messageBytes) || messageBytes < MIN_MESSAGE_BYTES) {
    throw new RangeError(`messageBytes must be a whole number >= ${MIN_MESSAGE_BYTES}, got ${messageBytes}`);
  }

  const group = logs.group(spec.logGroupName) ?? logs.createGroup({ name: spec.logGroupName, creationTime: from });
  const width = String(streamCount - 1).length;
  const streamNames = Array.from({ length: streamCount }, (_, index) => `stream-${String(index).padStart(width, '0')}`);
  const batches: IncomingEvent[][] = streamNames.map(() => []);
  const rng = new Random(`bulk/${spec.logGroupName}`);
  const vocabulary = vocabularyOf(rng);
  const step = (to - from) / spec.events;
  for (let index = 0; index < spec.events; index++) {
    const timestamp = from + Math.floor(index * step);
    const message = requestLine(rng, vocabulary, timestamp, messageBytes);
    (batches[index % streamCount] as IncomingEvent[]).push({ timestamp, message, size: message.length });
  }
  streamNames.forEach((name, index) => {
    const stream = group.stream(name) ?? group.createStream(name, from);
    let position = 0;
    group.ingest(stream, batches[index] as IncomingEvent[], (event) => seededIngestionTime(event, stream.serial + position++, now));
  });
  return { logGroupName: spec.logGroupName, streamNames, events: spec.events, from, to };
}

/**
 * Identifiers drawn from pools: generating a fresh UUID per line would take most of the time budget, and
 * real request logs repeat users and orders anyway.
 */
interface Vocabulary {
  readonly requestIds: readonly string[];
  readonly orderIds: readonly string[];
  readonly userIds: readonly string[];
  /** Hex digits that trace ids are cut from. */
  readonly filler: string;
}

const POOL_SIZE = 1 << 16;

function vocabularyOf(rng: Random): Vocabulary {
  return {
    requestIds: Array.from({ length: POOL_SIZE }, () => rng.uuid()),
    orderIds: Array.from({ length: POOL_SIZE }, () => `ord_${rng.alnum(14)}`),
    userIds: Array.from({ length: 4096 }, () => `usr_${rng.alnum(14)}`),
    filler: rng.hex(4096),
  };
}

function pick<T>(rng: Random, items: readonly T[]): T {
  return items[rng.uint32() % items.length] as T;
}

/** One ASCII line of exactly `bytes` bytes: the request's fields, then a trace id long enough to fill it. */
function requestLine(rng: Random, words: Vocabulary, timestamp: number, bytes: number): string {
  const roll = rng.uint32() % 100;
  const level = LEVELS[roll === 0 ? 0 : roll <= 4 ? 1 : 2] as (typeof LEVELS)[number];
  const [route, takesId, okStatus] = pick(rng, ROUTES);
  const latency = level === 'WARN' ? 2000 + (rng.uint32() % 3000) : 5 + (rng.uint32() % 120);
  // Joined from plain pieces: join builds one flat string, where `+` and template literals build trees
  // of pieces that cost several times the memory and time by the million (see seed/demo/scenario.ts, `add`).
  const parts = [
    isoTime(timestamp),
    LINE_HEADS[level],
    pick(rng, words.requestIds),
    ' ',
    route,
    takesId ? pick(rng, words.orderIds) : '',
    ' status=',
    level === 'ERROR' ? '503' : okStatus,
    ' latencyMs=',
    String(latency),
    ' userId=',
    pick(rng, words.userIds),
    ' traceId=',
  ];
  let length = 0;
  for (const part of parts) length += part.length;
  const missing = bytes - length;
  if (missing < 0) return parts.join('').slice(0, bytes);
  const { filler } = words;
  const start = missing <= filler.length ? rng.uint32() % (filler.length - missing + 1) : 0;
  parts.push(missing <= filler.length ? filler.slice(start, start + missing) : filler.repeat(Math.ceil(missing / filler.length)).slice(0, missing));
  return parts.join('');
}
