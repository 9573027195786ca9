import { describe, expect, it, vi } from 'vitest';
import { LogsStore, type LogGroup } from '../../services/logs/store';
import type { StoredEvent } from '../../services/logs/stream-events';
import { demoSeed } from '../demo';
import { loadLogGroups } from '../../services/logs/seed';
import { LiveDemo, LIVE_REGION } from './live';
import { createScenario } from './scenario';

const NOW = Date.UTC(2026, 10, 21, 10, 0, 0);
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const GROUPS = ['/aws/lambda/tallybird-prod-orders-api', '/var/log/nginx/access.log', '/var/log/nginx/error.log', '/ecs/orders-service'];

/** A store with the live groups (empty), a LiveDemo on it, and a clock the test moves. */
function setup(logs = new LogsStore('123456789012', LIVE_REGION)) {
  for (const name of GROUPS) if (logs.group(name) === undefined) logs.createGroup({ name, creationTime: NOW - 30 * 86_400_000 });
  const clock = { now: NOW };
  const demo = new LiveDemo(logs, () => clock.now, createScenario(NOW));
  /** Ticks once a second for `ms`. */
  const run = (ms: number) => {
    for (const end = clock.now + ms; clock.now < end; ) {
      clock.now += SECOND;
      demo.tick();
    }
  };
  return { logs, demo, clock, run };
}

function eventsOf(group: LogGroup | undefined): (StoredEvent & { stream: string })[] {
  if (group === undefined) throw new Error('missing group');
  return group.streamNames().flatMap((name) => {
    const events = group.stream(name)?.events;
    return Array.from({ length: events?.length ?? 0 }, (_, index) => ({ ...(events?.at(index) as StoredEvent), stream: name }));
  });
}

describe('LiveDemo', () => {
  it('writes a few events a second into the Lambda, nginx and orders-service groups, as PutLogEvents would', () => {
    const { logs, run } = setup();
    run(10 * MINUTE);
    const lambda = eventsOf(logs.group(GROUPS[0] as string));
    const access = eventsOf(logs.group(GROUPS[1] as string));
    const orders = eventsOf(logs.group(GROUPS[3] as string));
    const perSecond = (lambda.length + access.length + orders.length) / 600;
    expect(perSecond).toBeGreaterThan(1);
    expect(perSecond).toBeLessThan(8);
    for (const events of [lambda, access, orders]) {
      expect(events.length).toBeGreaterThan(100);
      // Stored once their time had come, with the tick's time as ingestion time.
      expect(events.every((event) => event.timestamp <= event.ingestionTime && event.ingestionTime % SECOND === 0)).toBe(true);
      expect(events.every((event) => event.ingestionTime - event.timestamp < 2 * SECOND)).toBe(true);
    }
    // Lines look like the seeded week's.
    expect(lambda.some((event) => /^START RequestId: [0-9a-f-]{36} Version: \$LATEST\n$/.test(event.message))).toBe(true);
    expect(lambda.some((event) => /^REPORT RequestId: [0-9a-f-]{36}\tDuration: [\d.]+ ms\t/.test(event.message))).toBe(true);
    expect(access.some((event) => /^\S+ - - \[\d{2}\/\w{3}\/\d{4}:\d{2}:\d{2}:\d{2} \+0000\] "GET \/healthz HTTP\/1\.1" 200 2 "-" "ELB-HealthChecker\/2\.0"$/.test(event.message))).toBe(true);
    expect(access.filter((event) => !event.message.includes('/healthz')).length).toBeGreaterThan(300);
    expect(orders.every((event) => (JSON.parse(event.message) as { service: string }).service === 'orders-service')).toBe(true);
  });

  it('starts a new Lambda stream, beginning with INIT_START, now and then as traffic needs more environments', () => {
    const { logs, run } = setup();
    run(30 * MINUTE);
    const lambda = logs.group(GROUPS[0] as string);
    const names = lambda?.streamNames() ?? [];
    expect(names.length).toBeGreaterThanOrEqual(3);
    for (const name of names) {
      expect(name).toMatch(/^2026\/11\/21\/\[\$LATEST\][0-9a-f]{32}$/);
      expect(lambda?.stream(name)?.events.at(0)?.message).toMatch(/^INIT_START Runtime Version: nodejs:20\.v48\t/);
    }
    const created = names.map((name) => lambda?.stream(name)?.creationTime ?? 0).sort((a, b) => a - b);
    expect((created.at(-1) ?? 0) - (created[0] ?? 0)).toBeGreaterThan(5 * MINUTE);
  });

  it('writes the same events for the same ticks', () => {
    const one = setup();
    const two = setup();
    one.run(2 * MINUTE);
    two.run(2 * MINUTE);
    for (const name of GROUPS) expect(eventsOf(one.logs.group(name))).toEqual(eventsOf(two.logs.group(name)));
  });

  it('goes on in the seeded streams: the running web instances and orders-service tasks', () => {
    const logs = new LogsStore('123456789012', LIVE_REGION);
    const region = demoSeed({ now: NOW }).regions.find((candidate) => candidate.region === LIVE_REGION);
    loadLogGroups(logs, region?.logGroups ?? [], NOW);
    const seededStreams = (name: string) => [...(logs.group(name)?.streamNames() ?? [])];
    const before = { access: seededStreams(GROUPS[1] as string), orders: seededStreams(GROUPS[3] as string) };
    const { run } = setup(logs);
    run(MINUTE);
    expect(seededStreams(GROUPS[1] as string)).toEqual(before.access);
    expect(seededStreams(GROUPS[3] as string)).toEqual(before.orders);
    const live = eventsOf(logs.group(GROUPS[1] as string)).filter((event) => event.ingestionTime > NOW);
    expect(new Set(live.map((event) => event.stream)).size).toBe(2);
  });

  it('skips a group the user deleted, and stops writing when stopped', async () => {
    const { logs, demo, clock, run } = setup();
    logs.deleteGroup(GROUPS[3] as string);
    run(30 * SECOND);
    expect(logs.group(GROUPS[3] as string)).toBeUndefined();

    demo.start(5);
    const counted = () => GROUPS.slice(0, 2).reduce((sum, name) => sum + eventsOf(logs.group(name)).length, 0);
    const before = counted();
    clock.now += 10 * SECOND;
    // The demo's own timer writes: wait for it, however busy the machine is.
    await vi.waitFor(() => expect(counted()).toBeGreaterThan(before));
    demo.stop();
    const stopped = counted();
    clock.now += 10 * SECOND;
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(counted()).toBe(stopped);
  });
});
