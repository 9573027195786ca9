/**
 * Synthetic log events for the viewer benchmark: about 200 bytes each, a realistic mix of Lambda,
 * JSON and access-log lines, made from a seed so every run loads the same events. Pages are built
 * as JSON text and parsed, as they arrive from the API, so each event has its own strings as in the app.
 */
import type { FoundEvent } from '../../../src/shared/contract/logs';

/** One event in a hundred says this, in capitals, so a case-insensitive search for it has work to show. */
export const NEEDLE = 'PAYMENT DECLINED';
export const NEEDLE_EVERY = 100;

const START = Date.UTC(2026, 10, 30, 0, 0, 0);
const GROUP = '/aws/lambda/orders-api';
const PATHS = ['/api/v1/orders', '/api/v1/customers', '/api/v1/payments', '/api/v1/cart', '/healthz'];
const LEVELS = ['INFO', 'INFO', 'INFO', 'WARN', 'ERROR', 'DEBUG'];

function random(seed: number): () => number {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state ^= state >>> 17;
    state ^= state << 5;
    return (state >>> 0) / 4294967296;
  };
}

function hex(next: () => number, length: number): string {
  let text = '';
  while (text.length < length) text += Math.floor(next() * 0xffffffff).toString(16).padStart(8, '0');
  return text.slice(0, length);
}

function message(sequence: number, next: () => number): string {
  const id = hex(next, 8);
  const requestId = `${hex(next, 8)}-${hex(next, 4)}-${hex(next, 4)}-${hex(next, 4)}-${hex(next, 12)}`;
  const path = `${PATHS[Math.floor(next() * PATHS.length)]}/${Math.floor(next() * 100000)}`;
  const status = next() < 0.9 ? 200 : next() < 0.5 ? 404 : 500;
  const duration = (next() * 900).toFixed(1);
  const level = LEVELS[Math.floor(next() * LEVELS.length)];
  const note = sequence % NEEDLE_EVERY === 7 ? NEEDLE : 'ok';
  let line: string;
  switch (sequence % 3) {
    case 0:
      line = `${requestId}\t${level}\tProcessed order ${id} for customer c-${Math.floor(next() * 1e6)} in ${duration} ms: ${note} (items=${1 + Math.floor(next() * 9)})`;
      break;
    case 1:
      line = JSON.stringify({ level: level?.toLowerCase(), msg: 'request completed', method: 'GET', path, status, duration_ms: Number(duration), note, trace_id: hex(next, 32) });
      break;
    default:
      line = `10.0.${Math.floor(next() * 255)}.${Math.floor(next() * 255)} - - "GET ${path} HTTP/1.1" ${status} ${Math.floor(next() * 5000)} ${duration}ms "${note}" "Mozilla/5.0 (X11; Linux x86_64)"`;
  }
  return line.length >= 200 ? line.slice(0, 200) : line.padEnd(200, ' .');
}

/** Events `from` up to (not including) `from + count` of the sequence, one per 10 ms, as the API would deliver them. */
export function eventPage(from: number, count: number): FoundEvent[] {
  const next = random(from * 2654435761 + 17);
  const events = [];
  for (let sequence = from; sequence < from + count; sequence++) {
    const timestamp = START + sequence * 10;
    events.push({
      logGroupName: GROUP,
      logStreamName: `2026/11/30/[$LATEST]${hex(next, 32)}`,
      timestamp,
      ingestionTime: timestamp + 40,
      message: message(sequence, next),
      eventId: `${String(timestamp).padEnd(40, '0')}${String(Math.abs(sequence) % 1e16).padStart(16, '0')}`,
    });
  }
  return JSON.parse(JSON.stringify(events)) as FoundEvent[];
}
