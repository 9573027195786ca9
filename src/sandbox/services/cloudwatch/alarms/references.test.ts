import { describe, expect, it } from 'vitest';
import { referencedNames } from './references';

describe('referencedNames', () => {
  it('finds quoted and bare names and ARNs once each', () => {
    const rule = 'ALARM("api errors") AND (OK(db-cpu) OR NOT INSUFFICIENT_DATA("arn:aws:cloudwatch:us-east-1:123456789012:alarm:queue \\"depth\\"")) OR ALARM(db-cpu) OR TRUE';
    expect(referencedNames(rule)).toEqual(['api errors', 'db-cpu', 'queue "depth"']);
  });
});
