/**
 * The story the demo data tells, shared by every log source: Tallybird, a small SaaS that runs
 * online ordering and payments for independent shops. Production lives in us-east-1, an EU
 * deployment in eu-west-1. Traffic follows the customers' day; yesterday around lunchtime (US
 * East) a release leaked database connections and for 20 minutes most services returned 5xx.
 */
import type { SeedLogEvent, SeedLogGroup, SeedLogStream } from '../types';
import { Random, hashInt, hashString } from './random';
import { DAY, HOUR, MINUTE, SECOND } from './time';

export const ACCOUNT_ID = '318264950271';
export type Region = 'us-east-1' | 'eu-west-1';

/** How far back sources generate events when their retention allows. */
export const HISTORY_DAYS = 7;

export interface Incident {
  /** orders-service 2.14.0 starts rolling out; it leaks a pooled connection on an error path. */
  readonly deployAt: number;
  /** The Aurora writer runs out of connection slots: 5xx and timeouts wherever it is used. */
  readonly start: number;
  /** The on-call engineer rolls orders-service back to 2.13.1. */
  readonly rollbackAt: number;
  /** The 2.14.0 tasks are gone; errors stop. */
  readonly end: number;
  /** 2.14.1, with the fix, ships that afternoon. */
  readonly fixAt: number;
}

export interface Scenario {
  readonly now: number;
  readonly incident: Incident;
  /** The web tier's Auto Scaling group replaced an instance (a routine instance refresh). */
  readonly webInstanceRefreshAt: number;
  readonly merchants: readonly string[];
  readonly users: readonly string[];
  /** Customers' public addresses; pick with `pickSkewed` so a few are regulars. */
  readonly clientIps: readonly string[];
}

/** Time of day (UTC) the incident starts: 11:41 in New York, the lunchtime peak. */
const INCIDENT_TIME_OF_DAY = 16 * HOUR + 41 * MINUTE + 37 * SECOND;

export function createScenario(now: number): Scenario {
  // The latest 16:41:37 UTC at least 12 hours ago: about a day back (12–36 hours).
  const latest = now - 12 * HOUR;
  const start = Math.floor((latest - INCIDENT_TIME_OF_DAY) / DAY) * DAY + INCIDENT_TIME_OF_DAY;
  const incident: Incident = {
    deployAt: start - 5 * MINUTE - 48 * SECOND,
    start,
    rollbackAt: start + 16 * MINUTE + 9 * SECOND,
    end: start + 20 * MINUTE,
    fixAt: start + 4 * HOUR + 13 * MINUTE + 26 * SECOND,
  };
  const rng = new Random('scenario');
  const merchants = Array.from({ length: 240 }, () => `mer_${rng.alnum(14)}`);
  const users = Array.from({ length: 3000 }, () => `usr_${rng.alnum(14)}`);
  const clientIps = Array.from({ length: 1500 }, () => publicIp(rng));
  const webInstanceRefreshAt = start - 2 * DAY - 20 * HOUR + 51 * SECOND;
  return { now, incident, webInstanceRefreshAt, merchants, users, clientIps };
}

export function inIncident(s: Scenario, t: number): boolean {
  return t >= s.incident.start && t < s.incident.end;
}

const FIRST_OCTETS = [24, 47, 50, 66, 67, 68, 69, 71, 73, 74, 75, 76, 96, 97, 98, 99, 104, 107, 108, 173, 174, 184, 198];

function publicIp(rng: Random): string {
  return `${rng.pick(FIRST_OCTETS)}.${rng.int(0, 255)}.${rng.int(0, 255)}.${rng.int(1, 254)}`;
}

/**
 * Relative traffic at time t: 1 at the daily peak, ~0.1 at night, lower at weekends, with
 * occasional 15-minute bursts (newsletters, flash sales). It depends only on the time within the
 * week, so moving `now` by whole weeks moves the data without changing it.
 */
export function load(t: number, region: Region): number {
  const peakHour = region === 'eu-west-1' ? 13 : 18;
  const hour = (t % DAY) / HOUR;
  const daily = 0.5 + 0.5 * Math.cos(((hour - peakHour) / 24) * 2 * Math.PI);
  const weekday = (Math.floor(t / DAY) + 4) % 7; // 1970-01-01 was a Thursday; 0 is Sunday
  const weekend = weekday === 0 || weekday === 6 ? 0.7 : 1;
  return (0.1 + 0.9 * daily * daily) * weekend * burst(t);
}

function burst(t: number): number {
  const hourOfWeek = Math.floor(t / HOUR) % 168;
  const h = hashInt(hourOfWeek);
  if ((h & 0xff) >= 14) return 1; // ~1 hour in 18
  const startMinute = (h >>> 8) % 40;
  const minute = (t % HOUR) / MINUTE;
  return minute >= startMinute && minute < startMinute + 15 ? 2.2 : 1;
}

/** Arrival times (integer ms, ascending) in [from, to) of a Poisson process with the given hourly rate. */
export function arrivals(rng: Random, from: number, to: number, perHour: (t: number) => number): number[] {
  const times: number[] = [];
  let t = from;
  for (;;) {
    const rate = perHour(t);
    t += rate > 0 ? rng.exponential(HOUR / rate) : MINUTE;
    if (t >= to) return times;
    if (rate > 0) times.push(Math.floor(t));
  }
}

/** Scheduled runs (`rate(…)`, `cron(…)`) in [from, to): every `period` after `offset`, a little late. */
export function schedule(rng: Random, from: number, to: number, period: number, offset = 0): number[] {
  const times: number[] = [];
  for (let t = Math.ceil((from - offset) / period) * period + offset; t < to; t += period) {
    times.push(t + rng.int(20, 900));
  }
  return times;
}

/** Start of the generated history of a group: HISTORY_DAYS back, or less if retention is shorter. */
export function historyStart(s: Scenario, retentionInDays?: number, days = HISTORY_DAYS): number {
  // A few minutes of margin so lines written just before an arrival stay inside retention.
  return s.now - Math.min(retentionInDays ?? days, days) * DAY + 5 * MINUTE;
}

export interface StreamBuilder {
  readonly name: string;
  readonly events: SeedLogEvent[];
}

export function stream(name: string): StreamBuilder {
  return { name, events: [] };
}

/**
 * Appends an event. Template literals build strings as trees of pieces (V8 "cons strings"), several
 * times larger than the text and slow to garbage-collect by the hundred thousand; reading a
 * character makes V8 flatten the message into one piece while the pieces are still young.
 */
export function add(st: StreamBuilder, timestamp: number, message: string): void {
  message.charCodeAt(0);
  st.events.push({ timestamp, message });
}

/** For streams whose lines come from concurrent requests and were written out of order. */
export function sortEvents(streams: readonly StreamBuilder[]): void {
  for (const st of streams) st.events.sort((a, b) => a.timestamp - b.timestamp);
}

export interface GroupSpec {
  readonly name: string;
  /** Absent: never expire. */
  readonly retentionInDays?: number;
  readonly createdDaysAgo: number;
  readonly logGroupClass?: 'STANDARD' | 'INFREQUENT_ACCESS';
  readonly kmsKeyId?: string;
}

export function logGroup(s: Scenario, spec: GroupSpec, streams: readonly SeedLogStream[]): SeedLogGroup {
  // Spread creation over the day so groups created the same day don't share a timestamp.
  const creationTime = s.now - spec.createdDaysAgo * DAY - (hashString(spec.name) % (DAY / SECOND)) * SECOND;
  return {
    name: spec.name,
    creationTime,
    ...(spec.retentionInDays !== undefined && { retentionInDays: spec.retentionInDays }),
    ...(spec.logGroupClass !== undefined && { logGroupClass: spec.logGroupClass }),
    ...(spec.kmsKeyId !== undefined && { kmsKeyId: spec.kmsKeyId }),
    streams: streams.filter((st) => st.events.length > 0),
  };
}

export function kmsKeyArn(region: Region, keyId: string): string {
  return `arn:aws:kms:${region}:${ACCOUNT_ID}:key/${keyId}`;
}

/** Ids in Tallybird's own style. */
export function orderId(rng: Random): string {
  return `ord_${rng.alnum(14)}`;
}
