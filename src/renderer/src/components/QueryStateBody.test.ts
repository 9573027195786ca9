import { describe, expect, it } from 'vitest';
import { queryBody } from './QueryStateBody';

describe('queryBody', () => {
  it('loads until the first data arrives, and says so when that failed', () => {
    expect(queryBody({ data: undefined, isError: false }, false)).toBe('loading');
    expect(queryBody({ data: undefined, isError: true }, false)).toBe('failed');
    expect(queryBody({ data: undefined, isError: true }, true)).toBe('failed');
  });

  it('keeps showing data when a later fetch failed', () => {
    expect(queryBody({ data: [], isError: true }, false)).toBe('content');
    expect(queryBody({ data: [], isError: true }, true)).toBe('empty');
  });

  it('shows the empty state only when the data has nothing to show', () => {
    expect(queryBody({ data: [], isError: false }, true)).toBe('empty');
    expect(queryBody({ data: ['a'], isError: false }, false)).toBe('content');
  });
});
