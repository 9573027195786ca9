import { describe, expect, it } from 'vitest';
import { parseFilterPattern } from '../../../../shared/languages/filter-pattern';
import { patternKindLabel } from './patternKind';

function kindOf(text: string): string {
  const parsed = parseFilterPattern(text);
  if (!parsed.ok) throw new Error(parsed.error.message);
  return patternKindLabel(parsed.pattern);
}

describe('patternKindLabel', () => {
  it('names each kind of pattern', () => {
    expect(kindOf('')).toBe('All events');
    expect(kindOf('ERROR -DEBUG "disk full"')).toBe('Terms');
    expect(kindOf(' %timeout after \\d+ ms%')).toBe('Regex');
    expect(kindOf('{ $.status >= 500 }')).toBe('JSON');
    expect(kindOf('[ip, user, ..., status = 5*]')).toBe('Space-delimited');
  });
});
