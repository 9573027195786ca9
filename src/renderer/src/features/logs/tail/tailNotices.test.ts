import { describe, expect, it } from 'vitest';
import type { TailFeedSnapshot } from './tailFeed';
import { limitsNote, tailNotices, type TailNoticeInput } from './tailNotices';

const NOON = Date.UTC(2026, 0, 5, 12, 0, 0);
const QUIET: TailFeedSnapshot = { paused: false, waiting: 0, received: 10, dropped: 0, cap: 200_000, sampling: undefined, earliestTimestamp: undefined };

function notices(input: Partial<Omit<TailNoticeInput, 'feed'>> & { feed?: Partial<TailFeedSnapshot> }) {
  return tailNotices({ kept: 10, ratePerSecond: 5, now: NOON, zone: 'utc', ...input, feed: { ...QUIET, ...input.feed } });
}

describe('tailNotices', () => {
  it('says nothing for a calm tail', () => {
    expect(notices({})).toEqual([]);
  });

  it('says AWS is sampling while it is, and when it did afterwards', () => {
    const sampling = { first: NOON - 2000, last: NOON - 1000, updates: 2 };
    expect(notices({ feed: { sampling } })).toEqual([
      {
        kind: 'sampled',
        headline: 'AWS is sending a sample of the matching events.',
        text: 'AWS is sending a sample: more than 500 events a second match. Narrow the filter pattern to see every event.',
      },
    ]);
    expect(notices({ feed: { sampling }, now: NOON + 60_000 })).toEqual([
      {
        kind: 'sampled',
        headline: 'AWS sent a sample of the matching events earlier.',
        text:
          'AWS sent a sample from 11:59:58 UTC to 11:59:59 UTC: more than 500 events a second matched, so some are not shown. ' +
          'Narrow the filter pattern to see every event.',
      },
    ]);
    expect(notices({ feed: { sampling: { first: NOON, last: NOON, updates: 1 } }, now: NOON + 60_000 })[0]?.text).toMatch(/^AWS sent a sample at 12:00:00 UTC:/);
  });

  it('says how many were dropped, what “Save loaded…” keeps and that a download keeps everything', () => {
    expect(notices({ feed: { dropped: 12_345 }, kept: 200_000 })).toEqual([
      {
        kind: 'dropped',
        headline: 'The oldest events are dropped to stay within memory.',
        text:
          'The oldest 12,345 events were dropped to keep at most 200,000 in memory. ' +
          '“Save loaded…” saves the 200,000 kept; a download of the time range keeps every event.',
      },
    ]);
    expect(notices({ feed: { dropped: 1 } })[0]?.text).toMatch(/^The oldest 1 event was dropped/);
  });

  it('says when events come faster than the table can keep a couple of minutes of them', () => {
    expect(notices({ ratePerSecond: 200_000 / 120 })).toEqual([]);
    expect(notices({ ratePerSecond: 2400.4 })).toEqual([
      {
        kind: 'too-fast',
        headline: 'Events arrive faster than the table can keep them.',
        text:
          'About 2,400 events a second: more than the table can keep. The newest 200,000 cover only the last 83 seconds. ' +
          'Pause to read, or narrow the filter pattern.',
      },
    ]);
    expect(notices({ ratePerSecond: 0 })).toEqual([]);
  });

  it('lists every notice that applies', () => {
    const kinds = notices({ feed: { dropped: 5, sampling: { first: NOON, last: NOON, updates: 1 } }, ratePerSecond: 5000 }).map((notice) => notice.kind);
    expect(kinds).toEqual(['sampled', 'too-fast', 'dropped']);
  });
});

describe('limitsNote', () => {
  it('says AWS’s Live Tail limits: groups per session, session length, sampling', () => {
    expect(limitsNote('live-tail')).toBe(
      'Live Tail covers up to 10 log groups per session. AWS ends a session after 3 hours; a new one continues here without a gap. ' +
        'Above 500 matching events a second, AWS sends a sample.',
    );
    expect(limitsNote(undefined)).toBe(limitsNote('live-tail'));
  });

  it('says what polling costs instead', () => {
    expect(limitsNote('polling')).toMatch(/^Polling asks FilterLogEvents once a second for each log group/);
  });
});
