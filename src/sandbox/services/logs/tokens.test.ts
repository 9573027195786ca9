import { describe, expect, it } from 'vitest';
import { ServiceError } from '../../core/errors';
import { decodeCursor, decodeEventToken, encodeCursor, encodeEventToken } from './tokens';

describe('GetLogEvents tokens', () => {
  it('look like AWS’s f/<56 digits>/s and b/<56 digits>/s and round-trip', () => {
    const key = { timestamp: 1_736_942_400_000, ingestionTime: 1_736_942_400_500, sequence: 42 };
    const forward = encodeEventToken('forward', key);
    expect(forward).toMatch(/^f\/\d{56}\/s$/);
    expect(decodeEventToken(forward)).toEqual({ direction: 'forward', key });
    const backward = encodeEventToken('backward', { timestamp: 0, ingestionTime: -1, sequence: 0 });
    expect(backward).toBe(`b/${'0'.repeat(56)}/s`);
    expect(decodeEventToken(backward).key).toEqual({ timestamp: 0, ingestionTime: -1, sequence: 0 });
  });

  it('reject anything else as an invalid nextToken', () => {
    for (const token of ['f/123/s', 'x/' + '0'.repeat(56) + '/s', 'f/' + '0'.repeat(56), 'garbage']) {
      const error = (() => {
        try {
          decodeEventToken(token);
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(error).toBeInstanceOf(ServiceError);
      expect(error).toMatchObject({ code: 'InvalidParameterException', message: 'The specified nextToken is invalid.' });
    }
  });
});

describe('cursors', () => {
  const isNamed = (value: unknown): value is { name: string } =>
    typeof value === 'object' && value !== null && typeof (value as { name?: unknown }).name === 'string';

  it('round-trip opaque values and reject malformed ones', () => {
    const token = encodeCursor({ name: '/aws/lambda/x' });
    expect(token).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(token, isNamed)).toEqual({ name: '/aws/lambda/x' });
    expect(() => decodeCursor('not-json', isNamed)).toThrow('The specified nextToken is invalid.');
    expect(() => decodeCursor(encodeCursor({ other: 1 }), isNamed)).toThrow('The specified nextToken is invalid.');
  });
});
