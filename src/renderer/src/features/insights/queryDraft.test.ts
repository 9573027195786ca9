import { describe, expect, it } from 'vitest';
import { draftTitle, newDraft } from './queryDraft';

describe('draftTitle', () => {
  it('names a tab after its saved query, its most telling command, or its place', () => {
    expect(draftTitle(newDraft(1, { definition: { id: 'x', name: 'errors/by route' } }), 0)).toBe('by route');
    expect(draftTitle(newDraft(1, { queryString: 'fields @message | filter @message like /ERROR/' }), 0)).toBe('filter @message like /ERROR/');
    expect(draftTitle(newDraft(1, { queryString: 'stats count(*) by bin(5m), @logStream, @log' }), 0)).toBe('stats count(*) by bin(5m), …');
    expect(draftTitle(newDraft(1), 2)).toBe('Query 3');
  });
});
