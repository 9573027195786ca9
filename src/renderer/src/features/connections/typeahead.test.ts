import { describe, expect, it } from 'vitest';
import { typeaheadMatch } from './typeahead';

const regions = ['us-east-1', 'us-west-2', 'eu-west-1', 'eu-central-1', 'ap-south-1'];

describe('typeaheadMatch', () => {
  it('jumps to the first entry with the typed prefix', () => {
    expect(typeaheadMatch(regions, 'eu-c', 0)).toBe(3);
    expect(typeaheadMatch(regions, 'AP', 0)).toBe(4);
  });

  it('keeps the current entry while a longer prefix still matches it', () => {
    expect(typeaheadMatch(regions, 'eu-', 2)).toBe(2);
  });

  it('moves on to the next entry for a single letter, wrapping around', () => {
    expect(typeaheadMatch(regions, 'u', 0)).toBe(1);
    expect(typeaheadMatch(regions, 'u', 1)).toBe(0);
  });

  it('cycles through entries when the same letter is typed again', () => {
    expect(typeaheadMatch(regions, 'ee', 2)).toBe(3);
  });

  it('finds nothing for an unknown prefix', () => {
    expect(typeaheadMatch(regions, 'zz-top', 0)).toBeUndefined();
    expect(typeaheadMatch(regions, '', 0)).toBeUndefined();
  });
});
