import { describe, expect, it, vi } from 'vitest';
import { LogsHarness } from '../test-harness';
import { filterLogEvents } from './filter-log-events';

// The real parser decides what is invalid; here it reports a mistake so we see how the operation answers.
vi.mock('../../../../shared/languages/filter-pattern', () => ({
  parseFilterPattern: () => ({ ok: false, error: { message: 'Expected a value after "=".', offset: 11, length: 0 } }),
  matchesFilterPattern: () => true,
}));

describe('FilterLogEvents with a pattern that does not parse', () => {
  it('answers InvalidParameterException with AWS’s "Invalid filter pattern" message', () => {
    const aws = new LogsHarness();
    aws.logs.createGroup({ name: 'g', creationTime: aws.now });
    expect(aws.fail(filterLogEvents, { logGroupName: 'g', filterPattern: '{ $.level = ' })).toMatchObject({
      code: 'InvalidParameterException',
      status: 400,
      message: 'Invalid filter pattern: Expected a value after "=".',
    });
  });
});
