import { describe, expect, it } from 'vitest';
import { apiError } from '../../../shared/errors';
import { describeError } from './errorText';

describe('describeError', () => {
  it('titles the failure and keeps the actionable message and the AWS reference', () => {
    const text = describeError(
      apiError('AccessDenied', 'Access denied: not allowed. Ask your administrator.', {
        awsCode: 'AccessDeniedException',
        requestId: 'abc-123',
      }),
    );
    expect(text).toEqual({
      title: 'Access denied',
      message: 'Access denied: not allowed. Ask your administrator.',
      reference: 'AccessDeniedException · request abc-123',
      retryable: false,
    });
  });

  it('gives a reference with whatever AWS provided', () => {
    expect(describeError(apiError('NotFound', 'Gone.', { awsCode: 'ResourceNotFoundException' })).reference).toBe(
      'ResourceNotFoundException',
    );
  });

  it('offers retry only when the error says so', () => {
    expect(describeError(apiError('Throttled', 'Rate exceeded.')).retryable).toBe(true);
    expect(describeError(apiError('InvalidInput', 'Bad name.')).retryable).toBe(false);
  });

  it('turns anything else into an internal error with its message', () => {
    const text = describeError(new Error('boom'));
    expect(text.title).toBe('Something went wrong');
    expect(text.message).toBe('boom');
    expect(text.reference).toBeUndefined();
  });
});
