import { describe, expect, it } from 'vitest';
import type { FoundEvent } from '../../../shared/contract';
import { SeenEvents } from './seen-events';

const event = (overrides: Partial<FoundEvent> = {}): FoundEvent => ({
  timestamp: 120_000,
  ingestionTime: 120_100,
  message: 'hello',
  logGroupName: '/g',
  logStreamName: 's',
  ...overrides,
});

describe('SeenEvents', () => {
  it('knows an event again by group, stream, timestamp, ingestion time and message, with or without its id', () => {
    const seen = new SeenEvents();
    expect(seen.fresh([event(), event({ eventId: '1' })])).toEqual([event()]);
    for (const different of [{ logGroupName: '/h' }, { logStreamName: 't' }, { timestamp: 120_001 }, { ingestionTime: 1 }, { message: 'hello!' }]) {
      expect(seen.add(event(different))).toBe(true);
    }
    const long = 'x'.repeat(10_000);
    expect(seen.add(event({ message: long }))).toBe(true);
    expect(seen.add(event({ message: long }))).toBe(false);
    expect(seen.add(event({ message: `${long}y` }))).toBe(true);
  });

  it('forgets events a minute at a time', () => {
    const seen = new SeenEvents();
    seen.add(event({ timestamp: 10_000 }));
    seen.add(event({ timestamp: 130_000 }));
    seen.forgetBefore(125_000);
    expect(seen.size).toBe(1);
    expect(seen.add(event({ timestamp: 130_000 }))).toBe(false);
  });
});
