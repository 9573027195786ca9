import { describe, expect, it } from 'vitest';
import { draftFromParameters, draftParameters, draftTitle, newDraft } from './queryDraft';

describe('draftTitle', () => {
  it('names a tab after its saved query, its most telling command, or its place', () => {
    expect(draftTitle(newDraft(1, { definition: { id: 'x', name: 'errors/by route' } }), 0)).toBe('by route');
    expect(draftTitle(newDraft(1, { queryString: 'fields @message | filter @message like /ERROR/' }), 0)).toBe('filter @message like /ERROR/');
    expect(draftTitle(newDraft(1, { queryString: 'stats count(*) by bin(5m), @logStream, @log' }), 0)).toBe('stats count(*) by bin(5m), …');
    expect(draftTitle(newDraft(1), 2)).toBe('Query 3');
  });
});

describe('a tab in the location hash', () => {
  it('reads back what it wrote', () => {
    const draft = newDraft(3, { queryString: 'stats count(*) by bin(5m)', logGroupNames: ['/a', '/b'], range: { kind: 'absolute', start: Date.UTC(2026, 10, 30, 10), end: Date.UTC(2026, 10, 30, 12) } });
    expect(draftFromParameters(draftParameters(draft), Date.now())).toEqual({ queryString: draft.queryString, logGroupNames: ['/a', '/b'], range: draft.range });
  });

  it('holds no query without one, and the last hour for a range it cannot read', () => {
    expect(draftFromParameters(new URLSearchParams('group=/a'), 0)).toBeUndefined();
    expect(draftFromParameters(new URLSearchParams('query=fields%20%40message&range=soon'), 0)).toEqual({ queryString: 'fields @message', logGroupNames: [] });
  });
});
