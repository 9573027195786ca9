/** Reading the values Logs Insights returns as text: `@timestamp`, `@log`, numbers. */

/** `@timestamp` and `@ingestionTime` as Insights prints them ("2024-05-01 12:34:56.789", UTC) → epoch ms. */
export function parseInsightsTimestamp(text: string): number | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})[ T](\d{2}):(\d{2}):(\d{2})(?:\.(\d{1,3}))?Z?$/.exec(text.trim());
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second, fraction = '0'] = match;
  const ms = Number(fraction.padEnd(3, '0'));
  return Date.UTC(Number(year), Number(month) - 1, Number(day), Number(hour), Number(minute), Number(second), ms);
}

/** The group name of an `@log` value ("123456789012:/aws/lambda/orders"): after the account id, if there is one. */
export function logGroupOfLogField(value: string): string {
  const match = /^\d{12}:(.+)$/.exec(value);
  return match?.[1] ?? value;
}

/** A value as a number, when the whole text is one. */
export function numericValue(text: string | undefined): number | undefined {
  if (text === undefined || text.trim() === '') return undefined;
  const value = Number(text);
  return Number.isFinite(value) ? value : undefined;
}
