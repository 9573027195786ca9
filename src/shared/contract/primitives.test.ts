import { describe, expect, it } from 'vitest';
import { LOG_GROUP_NAME, LOG_STREAM_NAME } from './logs-rules';
import { stringOf } from './primitives';

describe('stringOf', () => {
  it('checks a rule and says its own sentence when the pattern does not match', () => {
    const schema = stringOf(LOG_STREAM_NAME);
    expect(schema.safeParse('2026/11/30/[$LATEST]abc').success).toBe(true);
    const result = schema.safeParse('a:b');
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.message).toBe("may not contain ':' or '*'");
  });

  it('enforces the lengths AWS documents', () => {
    const schema = stringOf(LOG_GROUP_NAME);
    expect(schema.safeParse('').success).toBe(false);
    expect(schema.safeParse('a'.repeat(512)).success).toBe(true);
    expect(schema.safeParse('a'.repeat(513)).success).toBe(false);
  });
});
