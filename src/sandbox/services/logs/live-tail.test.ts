import { describe, expect, it } from 'vitest';
import { parseFilterPattern, type FilterPattern } from '../../../shared/languages/filter-pattern';
import { Random } from '../../seed/demo/random';
import { LiveTailCollector, type LiveTailFilter } from './live-tail';
import type { LogGroup } from './store';
import { TEST_ACCOUNT_ID, LogsHarness } from './test-harness';

const T0 = Date.UTC(2025, 0, 15, 12, 0, 0);

function pattern(text: string): FilterPattern {
  const parsed = parseFilterPattern(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return parsed.pattern;
}

/** Groups `app` (streams web-1, worker-1) and `other` (web-1), with a collector listening to the store. */
type FilterSpec = Omit<LiveTailFilter, 'pattern'> & { readonly pattern?: FilterPattern };

function setup(filter: (groups: { readonly app: LogGroup }) => FilterSpec, random?: () => number) {
  const aws = new LogsHarness();
  const app = aws.logs.createGroup({ name: 'app', creationTime: T0 });
  const other = aws.logs.createGroup({ name: 'other', creationTime: T0 });
  for (const name of ['web-1', 'worker-1']) app.createStream(name, T0);
  other.createStream('web-1', T0);
  const spec = filter({ app });
  const collector = new LiveTailCollector({ pattern: pattern(''), ...spec }, TEST_ACCOUNT_ID, random);
  const stop = aws.logs.onIngest(collector.offer);
  const put = (groupName: string, streamName: string, messages: readonly string[], timestamp = T0): void => {
    const group = aws.logs.group(groupName);
    const stream = group?.stream(streamName) ?? group?.createStream(streamName, T0);
    if (group === undefined || stream === undefined) throw new Error('setup');
    group.ingest(stream, messages.map((message) => ({ timestamp, message, size: message.length })), () => T0 + 100);
  };
  return { collector, put, stop };
}

const messages = (collector: LiveTailCollector) => collector.takeUpdate().sessionResults.map((event) => event.message);

describe('LiveTailCollector', () => {
  it('gathers the events of its groups, as LiveTailSessionLogEvents, until the next update', () => {
    const { collector, put } = setup(({ app }) => ({ groups: [app] }));
    expect(collector.takeUpdate()).toEqual({ sessionMetadata: { sampled: false }, sessionResults: [] });
    put('app', 'web-1', ['one', 'two'], T0 + 5);
    put('other', 'web-1', ['elsewhere']);
    put('app', 'web-2', ['in a stream created after the session started'], T0 + 1);
    expect(collector.takeUpdate()).toEqual({
      sessionMetadata: { sampled: false },
      sessionResults: [
        { logStreamName: 'web-2', logGroupIdentifier: `${TEST_ACCOUNT_ID}:app`, message: 'in a stream created after the session started', timestamp: T0 + 1, ingestionTime: T0 + 100 },
        { logStreamName: 'web-1', logGroupIdentifier: `${TEST_ACCOUNT_ID}:app`, message: 'one', timestamp: T0 + 5, ingestionTime: T0 + 100 },
        { logStreamName: 'web-1', logGroupIdentifier: `${TEST_ACCOUNT_ID}:app`, message: 'two', timestamp: T0 + 5, ingestionTime: T0 + 100 },
      ],
    });
    expect(messages(collector)).toEqual([]);
  });

  it('keeps to the named streams, or to the prefixes, and to the pattern', () => {
    const named = setup(({ app }) => ({ groups: [app], streamNames: ['worker-1'] }));
    named.put('app', 'web-1', ['no']);
    named.put('app', 'worker-1', ['yes']);
    expect(messages(named.collector)).toEqual(['yes']);

    const prefixed = setup(({ app }) => ({ groups: [app], streamNamePrefixes: ['web-', 'cron'], pattern: pattern('?ERROR ?WARN') }));
    prefixed.put('app', 'web-1', ['INFO no', 'ERROR yes']);
    prefixed.put('app', 'cron-7', ['WARN yes too']);
    prefixed.put('app', 'worker-1', ['ERROR no']);
    expect(messages(prefixed.collector)).toEqual(['ERROR yes', 'WARN yes too']);
  });

  it('stops gathering once unsubscribed', () => {
    const { collector, put, stop } = setup(({ app }) => ({ groups: [app] }));
    stop();
    put('app', 'web-1', ['unseen']);
    expect(messages(collector)).toEqual([]);
  });

  it('samples more than 500 matches uniformly down to 500, in time order, and says so', () => {
    const rng = new Random('live-tail-sampling');
    const { collector, put } = setup(({ app }) => ({ groups: [app] }), () => rng.next());
    for (let i = 0; i < 3000; i++) put('app', 'web-1', [String(i)], T0 + i);
    const update = collector.takeUpdate();
    expect(update.sessionMetadata).toEqual({ sampled: true });
    const picked = update.sessionResults.map((event) => Number(event.message));
    expect(picked).toHaveLength(500);
    expect(new Set(picked).size).toBe(500);
    expect(picked).toEqual([...picked].sort((a, b) => a - b));
    // Each third of the second is about a third of the sample (not the first 500 events).
    for (const third of [0, 1, 2]) {
      const share = picked.filter((i) => Math.floor(i / 1000) === third).length / 500;
      expect(share).toBeGreaterThan(0.25);
      expect(share).toBeLessThan(0.42);
    }
    // 500 exactly is not sampled.
    for (let i = 0; i < 500; i++) put('app', 'web-1', [String(i)]);
    expect(collector.takeUpdate().sessionMetadata).toEqual({ sampled: false });
  });
});
