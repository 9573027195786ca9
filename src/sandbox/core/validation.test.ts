import { describe, expect, it } from 'vitest';
import { ServiceError } from './errors';
import { InputReader } from './validation';

function errorOf(run: () => void): ServiceError {
  try {
    run();
  } catch (error) {
    if (error instanceof ServiceError) return error;
    throw error;
  }
  throw new Error('expected an error');
}

describe('InputReader', () => {
  it('reports one violation in AWS’s format under the service’s code', () => {
    const error = errorOf(() => {
      const input = InputReader.of({ limit: 51 }, 'InvalidParameterException');
      input.integer('limit', { min: 1, max: 50 });
      input.finish();
    });
    expect(error.code).toBe('InvalidParameterException');
    expect(error.status).toBe(400);
    expect(error.message).toBe(
      "1 validation error detected: Value '51' at 'limit' failed to satisfy constraint: Member must have value less than or equal to 50",
    );
  });

  it('collects several violations, including nested list members and missing required members', () => {
    const error = errorOf(() => {
      const input = InputReader.of({ logGroupName: 'bad name!', events: [{ message: '' }] }, 'InvalidParameterException');
      input.string('logGroupName', { pattern: /^[a-z]+$/, patternText: '[a-z]+' });
      input.string('logStreamName', { required: true });
      for (const event of input.structureList('events') ?? []) {
        event.long('timestamp', { required: true });
        event.string('message', { min: 1 });
      }
      input.finish();
    });
    expect(error.message).toBe(
      '4 validation errors detected: ' +
        "Value 'bad name!' at 'logGroupName' failed to satisfy constraint: Member must satisfy regular expression pattern: [a-z]+; " +
        "Value null at 'logStreamName' failed to satisfy constraint: Member must not be null; " +
        "Value null at 'events.1.member.timestamp' failed to satisfy constraint: Member must not be null; " +
        "Value '' at 'events.1.member.message' failed to satisfy constraint: Member must have length greater than or equal to 1",
    );
  });

  it('prints enum constraints with their allowed values', () => {
    const error = errorOf(() => {
      const input = InputReader.of({ orderBy: 'Size', days: 2 }, 'InvalidParameterException');
      input.string('orderBy', { oneOf: ['LogStreamName', 'LastEventTime'] });
      input.integer('days', { oneOf: [1, 3] });
      input.finish();
    });
    expect(error.message).toContain("Value 'Size' at 'orderBy' failed to satisfy constraint: Member must satisfy enum value set: [LogStreamName, LastEventTime]");
    expect(error.message).toContain("Value '2' at 'days' failed to satisfy constraint: Member must satisfy enum value set: [1, 3]");
  });

  it('fails at once with SerializationException for a value of the wrong JSON type', () => {
    const input = InputReader.of({ limit: '5', name: 3, flag: 'yes', list: 'a' }, 'InvalidParameterException');
    expect(errorOf(() => input.integer('limit')).code).toBe('SerializationException');
    expect(errorOf(() => input.integer('limit')).message).toBe('STRING_VALUE cannot be converted to Integer');
    expect(errorOf(() => input.string('name')).message).toBe('NUMBER_VALUE cannot be converted to String');
    expect(errorOf(() => input.boolean('flag')).code).toBe('SerializationException');
    expect(errorOf(() => input.stringList('list')).code).toBe('SerializationException');
    expect(errorOf(() => InputReader.of([], 'X')).code).toBe('SerializationException');
    expect(errorOf(() => InputReader.of({ n: 1.5 }, 'X').integer('n')).code).toBe('SerializationException');
  });

  it('treats JSON null as absent and returns valid values', () => {
    const input = InputReader.of({ a: null, b: 'x', c: 7, d: true, e: ['p'], f: { k: 'v' } }, 'X');
    expect(input.string('a')).toBeUndefined();
    expect(input.string('b')).toBe('x');
    expect(input.long('c')).toBe(7);
    expect(input.boolean('d')).toBe(true);
    expect(input.stringList('e')).toEqual(['p']);
    expect(input.stringMap('f')).toEqual({ k: 'v' });
    expect(() => input.finish()).not.toThrow();
  });

  it('checks list and map sizes', () => {
    const error = errorOf(() => {
      const input = InputReader.of({ names: ['a', 'b', 'c'], tags: {} }, 'InvalidParameterException');
      input.stringList('names', { maxItems: 2 });
      input.stringMap('tags', { minEntries: 1 });
      input.finish();
    });
    expect(error.message).toContain("Value '[a, b, c]' at 'names' failed to satisfy constraint: Member must have length less than or equal to 2");
    expect(error.message).toContain("Value '{}' at 'tags' failed to satisfy constraint: Member must have length greater than or equal to 1");
  });
});
