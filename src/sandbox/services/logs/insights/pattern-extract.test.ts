import { describe, expect, it } from 'vitest';
import { parseInsightsQuery, type ParsePattern } from '../../../../shared/languages/insights';
import { compileParsePattern } from './pattern-extract';

function patternOf(query: string): ParsePattern {
  const parsed = parseInsightsQuery(query);
  if (!parsed.ok || parsed.query.commands[0]?.kind !== 'parse') throw new Error('not a parse command');
  return parsed.query.commands[0].pattern;
}

describe('compileParsePattern', () => {
  it('captures each * lazily, and a final * to the end', () => {
    const extractor = compileParsePattern(patternOf('parse @message "user=*, method:*" as user, method'));
    expect(extractor.extract('x user=ann, method:GET /a, b')).toEqual(['ann', 'GET /a, b']);
    expect(extractor.extract('nothing here')).toBeUndefined();
  });

  it('takes the glob’s other characters literally, regex metacharacters included', () => {
    const extractor = compileParsePattern(patternOf('parse @message "[*] (*)." as level, detail'));
    expect(extractor.extract('[WARN] (disk 91%).')).toEqual(['WARN', 'disk 91%']);
  });

  it('captures a regex’s named groups by name', () => {
    const extractor = compileParsePattern(patternOf('parse @message /(?<key>\\w+)=(?<value>\\d+)?/'));
    expect(extractor.names).toEqual(['key', 'value']);
    expect(extractor.extract('a=1')).toEqual(['a', '1']);
    expect(extractor.extract('a=')).toEqual(['a', undefined]);
  });
});
