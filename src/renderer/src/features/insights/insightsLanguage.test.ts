import { describe, expect, it } from 'vitest';
import { checkInsightsQuery, completeAt, insightsLanguage } from './insightsLanguage';

const language = insightsLanguage([
  { name: 'status', percent: 50 },
  { name: '@message', percent: 100 },
]);
const labels = (text: string, position = text.length, explicit = false) => language.complete(text, position, explicit)?.items.map((item) => item.label);

describe('insights completion', () => {
  it('offers commands at the start and after a pipe', () => {
    expect(labels('fi')).toEqual(expect.arrayContaining(['fields', 'filter', 'stats']));
    expect(labels('fields @message | st')).toContain('stats');
    expect(labels('fields @message | ')).toContain('filter');
    expect(language.complete('fields @message | st', 20, false)?.from).toBe(18);
  });

  it('offers the groups’ fields with their share, functions and keywords inside a command', () => {
    const items = language.complete('filter sta', 10, false)?.items ?? [];
    expect(items.find((item) => item.label === 'status')).toMatchObject({ kind: 'field', detail: 'field · in 50% of events' });
    expect(items.map((item) => item.label)).toEqual(expect.arrayContaining(['@timestamp', 'count', 'strlen', 'like']));
    expect(items.map((item) => item.label)).not.toContain('stats');
  });

  it('stays quiet inside strings, regexes, comments and after a space unless asked', () => {
    expect(labels('filter @message like "err')).toBeUndefined();
    expect(labels('# fi')).toBeUndefined();
    expect(labels('filter ')).toBeUndefined();
    expect(labels('filter ', 7, true)).toContain('status');
  });

  it('keeps the editor’s fields when the group has none listed', () => {
    expect(completeAt('fields @t', 9, false, [])?.items).toEqual(expect.arrayContaining([expect.objectContaining({ label: 'trim' })]));
  });
});

describe('checkInsightsQuery', () => {
  it('finds nothing wrong in a valid query or an empty one', () => {
    expect(checkInsightsQuery('fields @timestamp | stats count(*) by bin(5m)')).toEqual([]);
    expect(checkInsightsQuery('   ')).toEqual([]);
  });

  it('points at a mistake', () => {
    const [mistake] = checkInsightsQuery('fields @timestamp | stats count(*) by');
    expect(mistake).toBeDefined();
    expect(mistake?.start).toBeGreaterThan(20);
    expect(mistake?.warning).toBeUndefined();
  });

  it('says valid Insights that is not run here as a warning, not a mistake', () => {
    const [mistake] = checkInsightsQuery('fields @message | pattern @message');
    expect(mistake?.warning).toBe(true);
  });
});
