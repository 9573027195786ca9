import { describe, expect, it } from 'vitest';
import { javaDouble, JsonInteger, reasonDataDate, reasonDate, stringifyJavaJson } from './reason-format';

describe('reason formatting', () => {
  it("writes numbers as Java's Double.toString", () => {
    expect(javaDouble(95)).toBe('95.0');
    expect(javaDouble(0)).toBe('0.0');
    expect(javaDouble(0.5)).toBe('0.5');
    expect(javaDouble(-12.25)).toBe('-12.25');
    expect(javaDouble(20000)).toBe('20000.0');
    expect(javaDouble(1e7)).toBe('1.0E7');
    expect(javaDouble(12345678.9)).toBe('1.23456789E7');
    expect(javaDouble(0.0001)).toBe('1.0E-4');
    expect(javaDouble(0.001)).toBe('0.001');
  });

  it('dates datapoints as AWS does', () => {
    const t = Date.UTC(2022, 10, 8, 11, 25, 0);
    expect(reasonDate(t)).toBe('08/11/22 11:25:00');
    expect(reasonDataDate(t + 399)).toBe('2022-11-08T11:25:00.399+0000');
  });

  it('writes JSON with Java doubles and integer periods, leaving out undefined', () => {
    expect(stringifyJavaJson({ a: 1, period: new JsonInteger(60), b: undefined, c: ['x', 2.5] })).toBe('{"a":1.0,"period":60,"c":["x",2.5]}');
  });
});
