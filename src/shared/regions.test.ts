import { describe, expect, it } from 'vitest';
import { COMMERCIAL_REGIONS, orderRegions, RECENT_REGIONS_KEPT, rememberRegion } from './regions';

describe('orderRegions', () => {
  it('puts the default first, then recent ones, then the rest, each once', () => {
    const ordered = orderRegions('eu-west-1', ['ap-southeast-2', 'eu-west-1', 'us-east-2']).map((region) => region.code);
    expect(ordered.slice(0, 3)).toEqual(['eu-west-1', 'ap-southeast-2', 'us-east-2']);
    expect(ordered).toHaveLength(COMMERCIAL_REGIONS.length);
    expect(new Set(ordered).size).toBe(ordered.length);
    expect(ordered[3]).toBe('us-east-1');
  });

  it('keeps a region the list does not know, named by its code', () => {
    const ordered = orderRegions('local-1', []);
    expect(ordered[0]).toEqual({ code: 'local-1', name: 'local-1' });
    expect(ordered).toHaveLength(COMMERCIAL_REGIONS.length + 1);
  });
});

describe('rememberRegion', () => {
  it('moves the region to the front without duplicates and keeps a few', () => {
    expect(rememberRegion(['a', 'b', 'c'], 'b')).toEqual(['b', 'a', 'c']);
    const many = Array.from({ length: 10 }, (_, index) => `r-${index}`);
    expect(rememberRegion(many, 'new')).toHaveLength(RECENT_REGIONS_KEPT);
  });
});
