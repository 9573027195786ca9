import { describe, expect, it } from 'vitest';
import { parseTimeRange } from '../../../../shared/time-range';
import { groupSearchHash, linkOriginOf, MESSAGE_PREFIX_CHARS, streamEventHash, streamEventOf } from './logs';

const place = { logGroupName: '/aws/lambda/orders', logStreamName: '2026/11/30/[$LATEST]abc', timestamp: Date.UTC(2026, 10, 30, 10, 0, 0, 123) };

function parametersOf(hash: string): URLSearchParams {
  expect(hash.startsWith('#/logs?')).toBe(true);
  return new URLSearchParams(hash.slice('#/logs?'.length));
}

describe('streamEventHash', () => {
  it('names the group, the stream and the event time in UTC to the millisecond', () => {
    const parameters = parametersOf(streamEventHash(place));
    expect(parameters.get('group')).toBe('/aws/lambda/orders');
    expect(parameters.get('stream')).toBe('2026/11/30/[$LATEST]abc');
    expect(parameters.get('event')).toBe('2026-11-30T10:00:00.123Z');
    expect(parameters.has('message')).toBe(false);
  });

  it('carries only the start of the message, whole characters, to keep the hash short', () => {
    const message = `${'🙂'.repeat(MESSAGE_PREFIX_CHARS - 1)}é and a long tail ${'x'.repeat(10_000)}`;
    const parameters = parametersOf(streamEventHash({ ...place, message }));
    expect(parameters.get('message')).toBe(`${'🙂'.repeat(MESSAGE_PREFIX_CHARS - 1)}é`);
  });

  it('is read back as the same event', () => {
    const message = 'START RequestId: 8f0c & friends #1 ?x=1';
    expect(streamEventOf(parametersOf(streamEventHash({ ...place, message })))).toEqual({ ...place, messagePrefix: message });
    expect(streamEventOf(parametersOf(streamEventHash(place)))).toEqual(place);
  });
});

describe('streamEventOf', () => {
  it('reads no event from a search, or from a hash missing a part or with an unreadable time', () => {
    expect(streamEventOf(new URLSearchParams('group=g&stream=s&range=-1h'))).toBeUndefined();
    expect(streamEventOf(new URLSearchParams('stream=s&event=2026-11-30T10:00:00Z'))).toBeUndefined();
    expect(streamEventOf(new URLSearchParams('group=g&event=2026-11-30T10:00:00Z'))).toBeUndefined();
    expect(streamEventOf(new URLSearchParams('group=g&stream=s&event=yesterday'))).toBeUndefined();
    expect(streamEventOf(new URLSearchParams('group=g&stream=s&event=2026-11-30T10:00:00'))).toBeUndefined();
    expect(streamEventOf(new URLSearchParams('group=g&stream=s&event=2026-13-45T10:00:00Z'))).toBeUndefined();
  });

  it('reads a time without milliseconds, and ignores an empty message', () => {
    expect(streamEventOf(new URLSearchParams('group=g&stream=s&event=2026-11-30T10:00:00Z&message='))).toEqual({
      logGroupName: 'g',
      logStreamName: 's',
      timestamp: Date.UTC(2026, 10, 30, 10, 0, 0),
    });
  });
});

describe('linkOriginOf', () => {
  it('is the hash of the view the link was followed from', () => {
    expect(linkOriginOf('file:///app/index.html#/insights?query=fields%20%40message')).toBe('#/insights?query=fields%20%40message');
  });

  it('is none when the link was followed inside the Logs view or with no view before it', () => {
    expect(linkOriginOf('file:///app/index.html#/logs?group=g')).toBeUndefined();
    expect(linkOriginOf('file:///app/index.html')).toBeUndefined();
  });
});

describe('groupSearchHash', () => {
  it('names the group, the pattern and a UTC range of whole minutes around the one asked for', () => {
    const start = Date.UTC(2026, 10, 30, 10, 4, 30);
    const end = Date.UTC(2026, 10, 30, 10, 40, 10);
    const parameters = parametersOf(groupSearchHash({ logGroupName: '/aws/lambda/orders', filterPattern: '{ $.level = "ERROR" }', start, end }));
    expect(parameters.getAll('group')).toEqual(['/aws/lambda/orders']);
    expect(parameters.get('pattern')).toBe('{ $.level = "ERROR" }');
    const range = parseTimeRange(parameters.get('range') ?? '', 'utc', end);
    expect(range).toEqual({ ok: true, range: { kind: 'absolute', start: Date.UTC(2026, 10, 30, 10, 4), end: Date.UTC(2026, 10, 30, 10, 41) } });
  });

  it('leaves out an empty pattern', () => {
    expect(parametersOf(groupSearchHash({ logGroupName: 'g', filterPattern: '', start: 0, end: 60_000 })).has('pattern')).toBe(false);
  });
});
