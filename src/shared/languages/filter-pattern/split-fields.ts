/**
 * Splits a log event into space-delimited fields. Per the AWS docs, the characters between `[` and
 * `]`, or between two double quotes, form a single field; the value excludes the brackets or quotes.
 */
export interface MessageField {
  readonly value: string;
  /** Span of the field in the message, brackets or quotes included. */
  readonly start: number;
  readonly end: number;
}

const isSpace = (ch: string): boolean => ch === ' ' || ch === '\t' || ch === '\n' || ch === '\r' || ch === '\f' || ch === '\v';

export function splitFields(message: string): MessageField[] {
  const fields: MessageField[] = [];
  let i = 0;
  while (i < message.length) {
    const ch = message.charAt(i);
    if (isSpace(ch)) {
      i++;
      continue;
    }
    const close = ch === '[' ? message.indexOf(']', i + 1) : ch === '"' ? message.indexOf('"', i + 1) : -1;
    if (close !== -1) {
      fields.push({ value: message.slice(i + 1, close), start: i, end: close + 1 });
      i = close + 1;
      continue;
    }
    // A plain word, or an opening bracket or quote that is never closed: up to the next space.
    const start = i;
    while (i < message.length && !isSpace(message.charAt(i))) i++;
    fields.push({ value: message.slice(start, i), start, end: i });
  }
  return fields;
}
