import { describe, expect, it } from 'vitest';
import { LogsStore, type LogStream } from '../services/logs/store';
import type { StoredEvent } from '../services/logs/stream-events';
import { seedBulk } from './bulk';

const NOW = Date.UTC(2025, 0, 15, 12);
const HOUR = 3_600_000;

function eventsOf(stream: LogStream | undefined): StoredEvent[] {
  if (stream === undefined) throw new Error('missing stream');
  return Array.from({ length: stream.events.length }, (_, index) => stream.events.at(index) as StoredEvent);
}

describe('seedBulk', () => {
  it('spreads N events of the asked size evenly over the range and round-robin over the streams', () => {
    const logs = new LogsStore('123456789012', 'us-east-1');
    const result = seedBulk(logs, { logGroupName: '/bulk/a', events: 20_000, streams: 4, from: NOW - HOUR, to: NOW, messageBytes: 180 }, NOW);
    expect(result).toEqual({ logGroupName: '/bulk/a', streamNames: ['stream-0', 'stream-1', 'stream-2', 'stream-3'], events: 20_000, from: NOW - HOUR, to: NOW });
    const group = logs.group('/bulk/a');
    expect(group?.creationTime).toBe(NOW - HOUR);
    expect(group?.storedBytes).toBe(20_000 * 180);
    const streams = result.streamNames.map((name) => eventsOf(group?.stream(name)));
    expect(streams.map((events) => events.length)).toEqual([5000, 5000, 5000, 5000]);
    const all = streams.flat();
    expect(all.every((event) => event.size === 180 && Buffer.byteLength(event.message) === 180)).toBe(true);
    expect(Math.min(...all.map((event) => event.timestamp))).toBe(NOW - HOUR);
    expect(Math.max(...all.map((event) => event.timestamp))).toBe(NOW - HOUR + Math.floor((19_999 * HOUR) / 20_000));
    // Every 4th event goes to the same stream: their timestamps are 4 steps apart.
    const [first, second] = streams[1] ?? [];
    expect((second?.timestamp ?? 0) - (first?.timestamp ?? 0)).toBe(Math.floor((5 * HOUR) / 20_000) - Math.floor(HOUR / 20_000));
    expect(all.every((event) => event.ingestionTime >= event.timestamp && event.ingestionTime <= Math.max(NOW, event.timestamp))).toBe(true);
    expect(first?.message).toMatch(/^2025-01-15T11:00:00\.\d{3}Z (INFO|WARN|ERROR) orders-service request (completed|failed) requestId=[0-9a-f-]{36} /);

    const errors = all.filter((event) => / ERROR /.test(event.message)).length / all.length;
    const warnings = all.filter((event) => / WARN /.test(event.message)).length / all.length;
    expect(errors).toBeGreaterThan(0.005);
    expect(errors).toBeLessThan(0.015);
    expect(warnings).toBeGreaterThan(0.03);
    expect(warnings).toBeLessThan(0.05);
  });

  it('gives the same events for the same spec, and adds to a group that exists', () => {
    const spec = { logGroupName: '/bulk/b', events: 300, streams: 3, from: NOW - HOUR, to: NOW };
    const one = new LogsStore('123456789012', 'us-east-1');
    const two = new LogsStore('123456789012', 'us-east-1');
    seedBulk(one, spec, NOW);
    seedBulk(two, spec, NOW);
    expect(eventsOf(one.group('/bulk/b')?.stream('stream-2'))).toEqual(eventsOf(two.group('/bulk/b')?.stream('stream-2')));

    one.createGroup({ name: '/bulk/existing', creationTime: NOW - 2 * HOUR });
    seedBulk(one, { logGroupName: '/bulk/existing', events: 10, streams: 1 }, NOW);
    seedBulk(one, { logGroupName: '/bulk/existing', events: 10, streams: 1 }, NOW);
    expect(one.group('/bulk/existing')?.creationTime).toBe(NOW - 2 * HOUR);
    expect(one.group('/bulk/existing')?.stream('stream-0')?.events.length).toBe(20);
  });

  it('refuses what it cannot make', () => {
    const logs = new LogsStore('123456789012', 'us-east-1');
    expect(() => seedBulk(logs, { logGroupName: '/x', events: -1 }, NOW)).toThrow('events must be a whole number >= 0, got -1');
    expect(() => seedBulk(logs, { logGroupName: '/x', events: 1, streams: 0 }, NOW)).toThrow('streams must be a whole number >= 1, got 0');
    expect(() => seedBulk(logs, { logGroupName: '/x', events: 1, from: NOW, to: NOW }, NOW)).toThrow('The time range is empty');
    expect(() => seedBulk(logs, { logGroupName: '/x', events: 1, messageBytes: 10 }, NOW)).toThrow('messageBytes must be a whole number >= 32, got 10');
  });
});
