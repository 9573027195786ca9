import { describe, expect, it } from 'vitest';
import { splitFields } from './split-fields';

const values = (message: string): string[] => splitFields(message).map((field) => field.value);

describe('splitFields', () => {
  it('treats text in brackets or double quotes as one field, without the brackets or quotes (AWS docs example)', () => {
    expect(values('127.0.0.1 - frank [10/Oct/2000:13:25:15 -0700] "GET /apache_pb.gif HTTP/1.0" 200 1534')).toEqual([
      '127.0.0.1',
      '-',
      'frank',
      '10/Oct/2000:13:25:15 -0700',
      'GET /apache_pb.gif HTTP/1.0',
      '200',
      '1534',
    ]);
  });

  it('collapses runs of spaces, tabs and line breaks, and ignores leading and trailing ones', () => {
    expect(values('  a \t b\n\nc  ')).toEqual(['a', 'b', 'c']);
    expect(values('')).toEqual([]);
    expect(values('   ')).toEqual([]);
  });

  it('keeps empty bracketed or quoted fields', () => {
    expect(values('a [] "" b')).toEqual(['a', '', '', 'b']);
  });

  it('ends a bracketed field at its first "]" and starts the next field right after it', () => {
    expect(values('[a [b] c]')).toEqual(['a [b', 'c]']);
    expect(values('[x]y z')).toEqual(['x', 'y', 'z']);
  });

  it('reads an opening bracket or quote that is never closed as an ordinary word', () => {
    expect(values('[unclosed "also unclosed')).toEqual(['[unclosed', '"also', 'unclosed']);
  });

  it('only groups from a bracket or quote that starts a field', () => {
    expect(values('key="a b" x[1 2]')).toEqual(['key="a', 'b"', 'x[1', '2]']);
  });

  it('records where each field is, brackets and quotes included', () => {
    expect(splitFields('ab "c d" e')).toEqual([
      { value: 'ab', start: 0, end: 2 },
      { value: 'c d', start: 3, end: 8 },
      { value: 'e', start: 9, end: 10 },
    ]);
  });
});
