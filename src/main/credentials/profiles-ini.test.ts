import { describe, expect, it } from 'vitest';

import { parseIni, shlexSplit } from './profiles-ini';

const lines = (...rows: string[]): string => rows.join('\n');

describe('parseIni', () => {
  it('reads sections, both "key = value" and "key=value", with 1-based line numbers', () => {
    const parsed = parseIni(lines('[default]', 'region = us-east-1', 'output=json', '', '[profile dev]', '  region   =   eu-west-1  '));
    expect(parsed.problems).toEqual([]);
    expect(parsed.sections).toEqual([
      {
        header: 'default',
        line: 1,
        entries: [
          { key: 'region', value: 'us-east-1', line: 2, subEntries: [] },
          { key: 'output', value: 'json', line: 3, subEntries: [] },
        ],
      },
      { header: 'profile dev', line: 5, entries: [{ key: 'region', value: 'eu-west-1', line: 6, subEntries: [] }] },
    ]);
  });

  it('skips # and ; comment lines, indented or not, and blank lines', () => {
    const parsed = parseIni(lines('# top', '; also', '[a]', '  # indented comment', '', 'k = v', '    ; another'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.sections).toEqual([{ header: 'a', line: 3, entries: [{ key: 'k', value: 'v', line: 6, subEntries: [] }] }]);
  });

  it('keeps the header text as written, strips a trailing comment after it, and keeps key case', () => {
    const parsed = parseIni(lines('[profile  spaced ] # note', 'Region = x', '[ x ]'));
    expect(parsed.sections.map((s) => s.header)).toEqual(['profile  spaced ', ' x ']);
    expect(parsed.sections[0]?.entries[0]?.key).toBe('Region');
    expect(parsed.problems).toEqual([]);
  });

  it('reads nested settings after a key with an empty value, not as errors', () => {
    const parsed = parseIni(
      lines('[profile dev]', 's3 =', '  addressing_style = path', '', '  signature_version=s3v4', 'region = us-west-2'),
    );
    expect(parsed.problems).toEqual([]);
    expect(parsed.sections[0]?.entries).toEqual([
      {
        key: 's3',
        value: '',
        line: 2,
        subEntries: [
          { key: 'addressing_style', value: 'path', line: 3 },
          { key: 'signature_version', value: 's3v4', line: 5 },
        ],
      },
      { key: 'region', value: 'us-west-2', line: 6, subEntries: [] },
    ]);
  });

  it('reads an indented line at the start of a section as a normal setting', () => {
    const parsed = parseIni(lines('[a]', '   region = r'));
    expect(parsed.problems).toEqual([]);
    expect(parsed.sections[0]?.entries).toEqual([{ key: 'region', value: 'r', line: 2, subEntries: [] }]);
  });

  it('strips inline comments as the AWS SDKs do and reports it, since the AWS CLI keeps them in the value', () => {
    const parsed = parseIni(lines('[a]', 'region = us-east-1 # prod', 'url = https://x/#frag', 'cmd = run;x'));
    expect(parsed.sections[0]?.entries.map((e) => [e.key, e.value])).toEqual([
      ['region', 'us-east-1'],
      ['url', 'https://x/#frag'],
      ['cmd', 'run;x'],
    ]);
    expect(parsed.problems).toEqual([
      {
        line: 2,
        message: 'Text after " #" or " ;" is a comment for the AWS SDKs but part of the value for the AWS CLI; put comments on their own line.',
      },
    ]);
  });

  it('handles CRLF line endings and a byte-order mark', () => {
    const parsed = parseIni('\uFEFF[default]\r\nregion = r\r\n');
    expect(parsed.problems).toEqual([]);
    expect(parsed.sections).toEqual([{ header: 'default', line: 1, entries: [{ key: 'region', value: 'r', line: 2, subEntries: [] }] }]);
  });

  it('reports a line without "=" and keeps the rest of the section', () => {
    const parsed = parseIni(lines('[a]', 'region us-east-1', 'output = json'));
    expect(parsed.problems).toEqual([{ line: 2, message: 'Expected "name = value"; this line is ignored.' }]);
    expect(parsed.sections[0]?.entries.map((e) => e.key)).toEqual(['output']);
  });

  it('reports "name: value" (the AWS CLI accepts it, the AWS SDKs do not) and a setting without a name', () => {
    const parsed = parseIni(lines('[a]', 'output: json', '= x'));
    expect(parsed.problems).toEqual([
      { line: 2, message: 'Use "=" between a setting\'s name and value: the AWS SDKs ignore "name: value" lines.' },
      { line: 3, message: 'A setting needs a name before "="; this line is ignored.' },
    ]);
    expect(parsed.sections[0]?.entries).toEqual([]);
  });

  it('reports settings before the first section once, and ignores them', () => {
    const parsed = parseIni(lines('region = x', 'output = y', '[a]', 'k = v'));
    expect(parsed.problems).toEqual([{ line: 1, message: 'Settings before the first [section] header belong to no profile and are ignored.' }]);
    expect(parsed.sections).toEqual([{ header: 'a', line: 3, entries: [{ key: 'k', value: 'v', line: 4, subEntries: [] }] }]);
  });

  it('reports an unterminated header and skips its lines up to the next valid header', () => {
    const parsed = parseIni(lines('[a]', 'k = 1', '[profile broken', 'region = lost', 'junk line', '[b]', 'k = 2'));
    expect(parsed.problems).toEqual([
      { line: 3, message: 'Section header is missing its closing "]". The lines up to the next section header are ignored.' },
    ]);
    expect(parsed.sections).toEqual([
      { header: 'a', line: 1, entries: [{ key: 'k', value: '1', line: 2, subEntries: [] }] },
      { header: 'b', line: 6, entries: [{ key: 'k', value: '2', line: 7, subEntries: [] }] },
    ]);
  });

  it('reports text after a header and an empty header', () => {
    const parsed = parseIni(lines('[a] trailing', 'k = 1', '[ ]', 'k = 2', '[c]'));
    expect(parsed.problems).toEqual([
      { line: 1, message: 'Unexpected text after the "]" of a section header. The lines up to the next section header are ignored.' },
      { line: 3, message: 'Section header has no name. The lines up to the next section header are ignored.' },
    ]);
    expect(parsed.sections).toEqual([{ header: 'c', line: 5, entries: [] }]);
  });

  it('reports a nested line without "=", and an indented line continuing a non-empty value', () => {
    const parsed = parseIni(lines('[a]', 's3 =', '  nonsense', 'region = r', '  more = x', 'k = v'));
    expect(parsed.problems).toEqual([
      { line: 3, message: 'Expected "name = value" in the nested settings of "s3" (line 2).' },
      {
        line: 5,
        message:
          'This indented line continues the value of "region" (line 4) for the AWS CLI but not for the AWS SDKs; remove the indentation or join the lines.',
      },
    ]);
    expect(parsed.sections[0]?.entries.map((e) => [e.key, e.value])).toEqual([
      ['s3', ''],
      ['region', 'r'],
      ['k', 'v'],
    ]);
  });

  it('reports a repeated section and a repeated key, keeping both occurrences for the caller', () => {
    const parsed = parseIni(lines('[a]', 'k = 1', 'k = 2', '[a]', 'j = 3'));
    expect(parsed.problems).toEqual([
      { line: 3, message: '"k" is set again (first on line 2); the AWS SDKs use the last value and the AWS CLI cannot read the file. Keep one.' },
      { line: 4, message: 'This section header repeats the one on line 1. The AWS CLI cannot read a file with a repeated section; merge the two.' },
    ]);
    expect(parsed.sections.map((s) => [s.header, s.line, s.entries.map((e) => `${e.key}=${e.value}`)])).toEqual([
      ['a', 1, ['k=1', 'k=2']],
      ['a', 4, ['j=3']],
    ]);
  });

  it('never quotes the text of a malformed line in a message', () => {
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSENTINEL';
    const parsed = parseIni(lines(`aws_secret_access_key ${secret}`, '[a]', `aws_secret_access_key ${secret}`, `x: ${secret}`, `[${secret}`));
    expect(parsed.problems).toHaveLength(4);
    for (const problem of parsed.problems) expect(problem.message).not.toContain('SENTINEL');
  });

  it('returns nothing for an empty file', () => {
    expect(parseIni('')).toEqual({ sections: [], problems: [] });
  });
});

describe('shlexSplit (as botocore reads [profile NAME])', () => {
  it.each([
    ['profile dev', ['profile', 'dev']],
    ['profile  spaced ', ['profile', 'spaced']],
    ['profile\tdev', ['profile', 'dev']],
    ['profile "my name"', ['profile', 'my name']],
    ["profile 'my name'", ['profile', 'my name']],
    ['profile my\\ name', ['profile', 'my name']],
    ['profile "a\\"b"', ['profile', 'a"b']],
    ['profile "a\\nb"', ['profile', 'a\\nb']],
    ['profile a b', ['profile', 'a', 'b']],
    ['profile ""', ['profile', '']],
    ['profile', ['profile']],
  ])('%j → %j', (input, expected) => {
    expect(shlexSplit(input)).toEqual(expected);
  });

  it.each(['profile "open', "profile 'open", 'profile x\\'])('%j cannot be split', (input) => {
    expect(shlexSplit(input)).toBeUndefined();
  });
});
