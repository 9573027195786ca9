import { createHash } from 'node:crypto';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  LOG_GROUP_NAME,
  LOG_STREAM_NAME,
  PUT_EVENT_OVERHEAD_BYTES,
  RETENTION_DAYS,
} from '../../shared/contract/logs-rules';
import { demoSeed } from './demo';
import { createScenario } from './demo/scenario';
import type { SeedData, SeedLogEvent, SeedLogGroup } from './types';

const DAY = 86_400_000;
const WEEK = 7 * DAY;
/** A Saturday morning, not on a round second. */
const NOW = Date.UTC(2026, 10, 21, 10, 17, 42, 345);
const MAX_EVENT_BYTES = 262_144;

function digest(data: SeedData): string {
  const hash = createHash('sha256');
  for (const region of data.regions) {
    hash.update(`region ${region.region}\n`);
    for (const group of region.logGroups) {
      hash.update(`group ${JSON.stringify({ ...group, streams: group.streams.length })}\n`);
      for (const stream of group.streams) {
        hash.update(`stream ${stream.name}\n`);
        for (const event of stream.events) hash.update(`${event.timestamp} ${event.message}\n`);
      }
    }
  }
  return hash.digest('hex');
}

function groupsOf(data: SeedData): { region: string; group: SeedLogGroup }[] {
  return data.regions.flatMap((r) => r.logGroups.map((group) => ({ region: r.region, group })));
}

function eventsOf(group: SeedLogGroup): SeedLogEvent[] {
  return group.streams.flatMap((s) => s.events);
}

function findGroup(data: SeedData, region: string, name: string): SeedLogGroup {
  const group = data.regions.find((r) => r.region === region)?.logGroups.find((g) => g.name === name);
  if (!group) throw new Error(`no ${name} in ${region}`);
  return group;
}

let seed: SeedData;

beforeAll(() => {
  seed = demoSeed({ now: NOW });
}, 60_000);

describe('demoSeed determinism', () => {
  it('gives byte-identical data for the same now', () => {
    expect(digest(demoSeed({ now: NOW }))).toBe(digest(seed));
  }, 60_000);

  it('moves every timestamp with now (a week later: same data, a week later)', () => {
    const later = demoSeed({ now: NOW + WEEK });
    const before = groupsOf(seed);
    const after = groupsOf(later);
    expect(after.map((g) => `${g.region} ${g.group.name}`)).toEqual(before.map((g) => `${g.region} ${g.group.name}`));
    before.forEach(({ group }, i) => {
      const moved = after[i]?.group;
      expect(moved?.creationTime).toBe(group.creationTime + WEEK);
      expect(moved?.streams.map((s) => s.events.length)).toEqual(group.streams.map((s) => s.events.length));
      const shifted = eventsOf(group).map((e) => e.timestamp + WEEK);
      expect(moved && eventsOf(moved).map((e) => e.timestamp)).toEqual(shifted);
    });
  }, 60_000);

  it('stays valid for any now, not just whole weeks apart', () => {
    const now = NOW + 3 * DAY + 7 * 3_600_000 + 1234;
    const other = demoSeed({ now });
    let last = 0;
    for (const { group } of groupsOf(other)) for (const stream of group.streams) last = Math.max(last, stream.events.at(-1)?.timestamp ?? 0);
    expect(last).toBeLessThanOrEqual(now);
    expect(last).toBeGreaterThan(now - 60_000);
    expect(digest(other)).not.toBe(digest(seed));
  }, 60_000);
});

describe('demoSeed data', () => {
  it('has events in chronological order in every stream, with integer timestamps', () => {
    for (const { region, group } of groupsOf(seed)) {
      for (const stream of group.streams) {
        let previous = -Infinity;
        for (const event of stream.events) {
          if (!Number.isInteger(event.timestamp) || event.timestamp < previous) {
            throw new Error(`${region} ${group.name} ${stream.name}: ${event.timestamp} after ${previous}`);
          }
          previous = event.timestamp;
        }
      }
    }
  });

  it('keeps every event within its group retention, after the group was created, and not after now', () => {
    for (const { region, group } of groupsOf(seed)) {
      const oldest = group.retentionInDays === undefined ? group.creationTime : NOW - group.retentionInDays * DAY;
      expect(group.creationTime, `${region} ${group.name}`).toBeLessThan(NOW);
      for (const stream of group.streams) {
        const first = stream.events[0];
        const last = stream.events.at(-1);
        if (!first || !last) throw new Error(`${region} ${group.name} ${stream.name} is empty`);
        expect(first.timestamp, `${region} ${group.name} ${stream.name}`).toBeGreaterThanOrEqual(Math.max(oldest, group.creationTime));
        expect(last.timestamp, `${region} ${group.name} ${stream.name}`).toBeLessThanOrEqual(NOW);
      }
    }
  });

  it('uses valid, unique names and retention values', () => {
    for (const r of seed.regions) {
      const names = r.logGroups.map((g) => g.name);
      expect(new Set(names).size).toBe(names.length);
      for (const group of r.logGroups) {
        expect(group.name.length).toBeGreaterThan(0);
        expect(group.name.length).toBeLessThanOrEqual(LOG_GROUP_NAME.max);
        expect(group.name).toMatch(LOG_GROUP_NAME.pattern);
        if (group.retentionInDays !== undefined) expect(RETENTION_DAYS).toContain(group.retentionInDays);
        const streams = group.streams.map((s) => s.name);
        expect(new Set(streams).size, group.name).toBe(streams.length);
        for (const name of streams) {
          expect(name.length).toBeGreaterThan(0);
          expect(name.length).toBeLessThanOrEqual(LOG_STREAM_NAME.max);
          expect(name).toMatch(LOG_STREAM_NAME.pattern);
        }
      }
    }
  });

  it('names Lambda streams as Lambda does', () => {
    const group = findGroup(seed, 'us-east-1', '/aws/lambda/tallybird-prod-orders-api');
    expect(group.streams.length).toBeGreaterThan(20);
    for (const stream of group.streams) expect(stream.name).toMatch(/^\d{4}\/\d{2}\/\d{2}\/\[\$LATEST\][0-9a-f]{32}$/);
  });

  it('keeps every event under the CloudWatch Logs event size limit', () => {
    let shortest = Infinity;
    let largest = 0;
    for (const { group } of groupsOf(seed)) {
      for (const stream of group.streams) {
        for (const { message } of stream.events) {
          shortest = Math.min(shortest, message.length);
          largest = Math.max(largest, Buffer.byteLength(message));
        }
      }
    }
    expect(shortest).toBeGreaterThan(0);
    expect(largest + PUT_EVENT_OVERHEAD_BYTES).toBeLessThanOrEqual(MAX_EVENT_BYTES);
  });

  it('looks like a real account: two regions, the group variety the app must handle, and enough volume', () => {
    const all = groupsOf(seed);
    expect(all.length).toBeGreaterThanOrEqual(60);
    expect(all.length).toBeLessThanOrEqual(150);
    expect(seed.regions.map((r) => r.region)).toEqual(['us-east-1', 'eu-west-1']);
    expect(seed.regions[1]?.logGroups.length).toBeGreaterThan(5);
    const total = all.reduce((n, { group }) => n + eventsOf(group).length, 0);
    expect(total).toBeGreaterThan(200_000);
    expect(total).toBeLessThan(500_000);
    const biggest = all.reduce((n, { group }) => Math.max(n, ...group.streams.map((s) => s.events.length)), 0);
    expect(biggest).toBeGreaterThan(10_000);
    const retentions = new Set(all.map(({ group }) => group.retentionInDays));
    for (const days of [1, 3, 7, 14, 30, 90, 365, undefined]) expect(retentions).toContain(days);
    expect(all.some(({ group }) => group.streams.length === 0)).toBe(true);
    expect(all.some(({ group }) => group.logGroupClass === 'INFREQUENT_ACCESS')).toBe(true);
    expect(all.some(({ group }) => group.kmsKeyId?.startsWith('arn:aws:kms:'))).toBe(true);
  });
});

describe('the incident', () => {
  const { incident } = createScenario(NOW);
  const during = (t: number) => t >= incident.start && t < incident.end;

  it('is about a day ago', () => {
    expect(NOW - incident.start).toBeGreaterThanOrEqual(12 * 3_600_000);
    expect(NOW - incident.start).toBeLessThan(36 * 3_600_000);
    expect(incident.end - incident.start).toBe(20 * 60_000);
  });

  it('stands out in the JSON app logs: { $.level = "error" && $.latencyMs > 500 }', () => {
    const hits = eventsOf(findGroup(seed, 'us-east-1', '/ecs/orders-service')).filter((e) => {
      const line = JSON.parse(e.message) as { level?: string; latencyMs?: number };
      return line.level === 'error' && (line.latencyMs ?? 0) > 500;
    });
    const inWindow = hits.filter((e) => during(e.timestamp)).length;
    expect(inWindow).toBeGreaterThan(50);
    expect(inWindow / hits.length).toBeGreaterThan(0.9);
  });

  it('stands out in the nginx access log: [ip, id, user, timestamp, request, status_code=5*, bytes, referrer, agent]', () => {
    const combined = /^(\S+) (\S+) (\S+) \[([^\]]+)\] "([^"]*)" (\d{3}) (\d+) "([^"]*)" "([^"]*)"$/;
    const events = eventsOf(findGroup(seed, 'us-east-1', '/var/log/nginx/access.log'));
    for (const e of events.slice(0, 2000)) expect(e.message).toMatch(combined);
    const hits = events.filter((e) => combined.exec(e.message)?.[6]?.startsWith('5'));
    const inWindow = hits.filter((e) => during(e.timestamp)).length;
    expect(inWindow).toBeGreaterThan(20);
    expect(inWindow / hits.length).toBeGreaterThan(0.8);
  });

  it('shows in several services at once', () => {
    const count = (region: string, name: string, match: (message: string) => boolean) =>
      eventsOf(findGroup(seed, region, name)).filter((e) => during(e.timestamp) && match(e.message)).length;
    expect(count('us-east-1', '/aws/lambda/tallybird-prod-order-fulfillment-worker', (m) => m.includes('Task timed out after 30.0'))).toBeGreaterThan(0);
    expect(count('us-east-1', '/aws/lambda/tallybird-prod-orders-api', (m) => m.includes('Status: timeout'))).toBeGreaterThan(0);
    expect(count('us-east-1', '/aws/rds/cluster/tallybird-prod/postgresql', (m) => m.includes('FATAL:  remaining connection slots'))).toBeGreaterThan(10);
    expect(count('us-east-1', '/ecs/payments-service', (m) => m.includes('"level":"error"'))).toBeGreaterThan(5);
    expect(count('us-east-1', '/aws/apigateway/tallybird-public-api-access', (m) => /"status":5\d\d/.test(m))).toBeGreaterThan(5);
    expect(count('eu-west-1', '/ecs/orders-service', (m) => m.includes('"level":"error"') && m.includes('53300'))).toBe(0);
  });
});

describe('at any time of day', () => {
  // Names are drawn at random; the hour moves which tasks and streams exist, so clashes show up only at some hours.
  it.each([0, 6, 11, 17, 23])('gives every stream of a group its own name at %i:43 UTC', (hour) => {
    const data = demoSeed({ now: Date.UTC(2026, 10, 22, hour, 43, 20) });
    for (const region of data.regions) {
      for (const group of region.logGroups) {
        const names = group.streams.map((stream) => stream.name);
        expect(new Set(names).size, `${region.region} ${group.name}`).toBe(names.length);
      }
    }
  });
});
