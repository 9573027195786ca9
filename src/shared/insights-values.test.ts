import { describe, expect, it } from 'vitest';
import { logGroupOfLogField, numericValue, parseInsightsTimestamp } from './insights-values';

describe('parseInsightsTimestamp', () => {
  it('reads Insights’ UTC timestamps with and without milliseconds', () => {
    expect(parseInsightsTimestamp('2024-05-01 12:34:56.789')).toBe(Date.UTC(2024, 4, 1, 12, 34, 56, 789));
    expect(parseInsightsTimestamp('2024-05-01 12:34:56')).toBe(Date.UTC(2024, 4, 1, 12, 34, 56));
    expect(parseInsightsTimestamp('2024-05-01T00:00:00.5Z')).toBe(Date.UTC(2024, 4, 1, 0, 0, 0, 500));
  });

  it('refuses what is not a timestamp', () => {
    expect(parseInsightsTimestamp('yesterday')).toBeUndefined();
    expect(parseInsightsTimestamp('1714567890')).toBeUndefined();
  });
});

describe('logGroupOfLogField', () => {
  it('drops the account id', () => {
    expect(logGroupOfLogField('123456789012:/aws/lambda/orders')).toBe('/aws/lambda/orders');
    expect(logGroupOfLogField('/aws/lambda/orders')).toBe('/aws/lambda/orders');
  });
});

describe('numericValue', () => {
  it('is a number only for numeric text', () => {
    expect(numericValue('12.5')).toBe(12.5);
    expect(numericValue('')).toBeUndefined();
    expect(numericValue('12 ms')).toBeUndefined();
    expect(numericValue(undefined)).toBeUndefined();
  });
});
