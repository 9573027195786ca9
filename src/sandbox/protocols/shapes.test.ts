import { describe, expect, it } from 'vitest';
import { ServiceError } from '../core/errors';
import { isoTimestamp, readQueryInput, writeXmlOutput, type ShapeModel } from './shapes';

const MODEL: ShapeModel = {
  operations: { Put: { input: 'PutInput' }, Get: { input: 'GetInput', output: 'GetOutput' } },
  shapes: {
    PutInput: { type: 'structure', members: { Namespace: 'string', Data: 'Data', Strict: 'boolean' } },
    Data: { type: 'list', member: 'Datum' },
    Datum: { type: 'structure', members: { Name: 'string', Dimensions: 'Dimensions', Value: 'double', Values: 'Doubles', Time: 'timestamp', Resolution: 'integer' } },
    Dimensions: { type: 'list', member: 'Dimension' },
    Dimension: { type: 'structure', members: { Name: 'string', Value: 'string' } },
    Doubles: { type: 'list', member: 'double' },
    GetInput: { type: 'structure', members: { Names: 'Names' } },
    Names: { type: 'list', member: 'string' },
    GetOutput: { type: 'structure', members: { Points: 'Points', Extra: 'Extra', Token: 'string', Empty: 'Names' } },
    Points: { type: 'list', member: 'Point' },
    Point: { type: 'structure', members: { Time: 'timestamp', Sum: 'double', Flag: 'boolean' } },
    Extra: { type: 'map', key: 'string', value: 'double' },
  },
};

describe('readQueryInput', () => {
  it('reads flattened lists, nested structures and typed scalars into the JSON-shaped input', () => {
    const parameters = new URLSearchParams(
      'Action=Put&Version=1&Namespace=App&Strict=true' +
        '&Data.member.1.Name=Latency&Data.member.1.Value=1.5&Data.member.1.Time=2026-11-30T10%3A00%3A00Z&Data.member.1.Resolution=1' +
        '&Data.member.1.Dimensions.member.1.Name=Service&Data.member.1.Dimensions.member.1.Value=api' +
        '&Data.member.1.Dimensions.member.2.Name=Stage&Data.member.1.Dimensions.member.2.Value=prod' +
        '&Data.member.2.Name=Count&Data.member.2.Values.member.1=1&Data.member.2.Values.member.2=2e3',
    );
    expect(readQueryInput(MODEL, 'Put', parameters)).toEqual({
      Namespace: 'App',
      Strict: true,
      Data: [
        {
          Name: 'Latency',
          Value: 1.5,
          Time: Date.UTC(2026, 10, 30, 10) / 1000,
          Resolution: 1,
          Dimensions: [
            { Name: 'Service', Value: 'api' },
            { Name: 'Stage', Value: 'prod' },
          ],
        },
        { Name: 'Count', Values: [1, 2000] },
      ],
    });
  });

  it('reads an empty list as empty, and stops a list at the first missing index', () => {
    expect(readQueryInput(MODEL, 'Get', new URLSearchParams('Names='))).toEqual({ Names: [] });
    expect(readQueryInput(MODEL, 'Get', new URLSearchParams('Names.member.1=a&Names.member.3=c'))).toEqual({ Names: ['a'] });
  });

  it('refuses values that are not of their type', () => {
    const read = (query: string): unknown => readQueryInput(MODEL, 'Put', new URLSearchParams(query));
    expect(() => read('Data.member.1.Value=abc')).toThrow(new ServiceError('InvalidParameterValue', 'The value abc for parameter Data.member.1.Value is invalid.'));
    expect(() => read('Data.member.1.Resolution=1.5')).toThrow(ServiceError);
    expect(() => read('Strict=yes')).toThrow(ServiceError);
    expect(() => read('Data.member.1.Time=yesterday')).toThrow(expect.objectContaining({ code: 'MalformedQueryString' }) as Error);
  });
});

describe('writeXmlOutput', () => {
  it('writes members in model order, lists as <member>, maps as <entry>, timestamps in ISO 8601', () => {
    const xml = writeXmlOutput(MODEL, 'Get', {
      Token: 'a<b',
      Points: [{ Time: new Date(Date.UTC(2026, 10, 30, 10)), Sum: 2.5, Flag: false }],
      Extra: { p99: 7 },
      Empty: [],
    });
    expect(xml).toBe(
      '<Points><member><Time>2026-11-30T10:00:00Z</Time><Sum>2.5</Sum><Flag>false</Flag></member></Points>' +
        '<Extra><entry><key>p99</key><value>7</value></entry></Extra><Token>a&lt;b</Token><Empty/>',
    );
    expect(writeXmlOutput(MODEL, 'Put', undefined)).toBeUndefined();
  });

  it('keeps milliseconds only when there are some', () => {
    expect(isoTimestamp(Date.UTC(2026, 0, 1))).toBe('2026-01-01T00:00:00Z');
    expect(isoTimestamp(Date.UTC(2026, 0, 1) + 5)).toBe('2026-01-01T00:00:00.005Z');
  });
});
