import { describe, expect, it } from 'vitest';
import { LogsHarness } from '../test-harness';
import { getLogGroupFields } from './get-log-group-fields';

const NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

/** Group `g`: in the last ten minutes, `json` events with a field `a` in one stream, `text` plain events in another. */
function harness(json: number, text: number): LogsHarness {
  const aws = new LogsHarness(NOW);
  const group = aws.logs.createGroup({ name: 'g', creationTime: NOW - 3_600_000 });
  const fill = (name: string, count: number, message: (i: number) => string): void => {
    const stream = group.createStream(name, NOW - 3_600_000);
    const events = Array.from({ length: count }, (_, i) => ({ timestamp: NOW - 600_000 + Math.floor((i * 600_000) / count), message: message(i), size: 10 }));
    group.ingest(stream, events, (event) => event.timestamp);
  };
  fill('json', json, (i) => JSON.stringify({ a: i, ...(i % 4 === 0 ? { b: true } : {}) }));
  fill('text', text, (i) => `plain ${i}`);
  return aws;
}

const percents = (aws: LogsHarness, request: object = {}): Record<string, number> =>
  Object.fromEntries((aws.call(getLogGroupFields, { logGroupName: 'g', ...request }).logGroupFields as Array<{ name: string; percent: number }>).map((field) => [field.name, field.percent]));

describe('GetLogGroupFields', () => {
  it('gives each field’s share of the last 15 minutes’ events, most frequent first', () => {
    const aws = harness(300, 100);
    expect(percents(aws)).toEqual({ '@timestamp': 100, '@message': 100, '@logStream': 100, '@log': 100, '@ingestionTime': 100, a: 75, b: 19 });
    const order = (aws.call(getLogGroupFields, { logGroupName: 'g' }).logGroupFields as Array<{ name: string }>).map((field) => field.name);
    expect(order.slice(-2)).toEqual(['a', 'b']);
  });

  it('samples busy groups in proportion to each stream’s events', () => {
    expect(percents(harness(15_000, 5_000)).a).toBe(75);
  });

  it('looks 8 minutes either side of a given time (seconds), and finds nothing outside', () => {
    const aws = harness(300, 100);
    expect(percents(aws, { time: (NOW - 300_000) / 1000 }).a).toBe(75);
    expect(percents(aws, { time: (NOW - 3_600_000) / 1000 })).toEqual({});
  });
});
