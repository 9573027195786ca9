import { describe, expect, it } from 'vitest';
import { apiError } from '../../../shared/errors';
import { credentialAction, describeError, titleInSentence } from './errorText';

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

  it('keeps a throttled panel brief when the app explains the region’s throttling above it', () => {
    const throttled = apiError('Throttled', 'AWS is rate-limiting GetLogEvents in us-east-1: the account has used up …', {
      details: { service: 'logs', operation: 'GetLogEvents', region: 'us-east-1', quotaTps: 25 },
    });
    expect(describeError(throttled).message).toMatch(/^AWS is rate-limiting GetLogEvents/);
    expect(describeError(throttled, { throttlingExplainedAbove: true })).toMatchObject({
      title: 'AWS is throttling requests',
      message: 'GetLogEvents was rate-limited; the notice above says more. Retry in a few seconds.',
      retryable: true,
    });
  });

  it('turns anything else into an internal error with its message', () => {
    const text = describeError(new Error('boom'));
    expect(text.title).toBe('Something went wrong');
    expect(text.message).toBe('boom');
    expect(text.reference).toBeUndefined();
  });

  it('titles the credential errors', () => {
    expect(describeError(apiError('SignInRequired', 'Sign in.')).title).toBe('Sign-in required');
    expect(describeError(apiError('MfaRequired', 'Code.')).title).toBe('MFA code required');
    expect(describeError(apiError('KeychainUnavailable', 'No keychain.')).title).toBe('The keychain is not available');
  });
});

describe('credentialAction', () => {
  it('names the step that fixes a credential error, and nothing for other errors', () => {
    expect(credentialAction(apiError('SignInRequired', 'Sign in.'))).toBe('sign-in');
    expect(credentialAction(apiError('MfaRequired', 'Code.'))).toBe('mfa');
    expect(credentialAction(apiError('Unauthenticated', 'Expired.'))).toBeUndefined();
    expect(credentialAction(new Error('boom'))).toBeUndefined();
  });
});

describe('titleInSentence', () => {
  it('lower-cases the first word, but not an acronym', () => {
    expect(titleInSentence('Access denied')).toBe('access denied');
    expect(titleInSentence('Sign-in required')).toBe('sign-in required');
    expect(titleInSentence('MFA code required')).toBe('MFA code required');
    expect(titleInSentence('AWS is having trouble')).toBe('AWS is having trouble');
  });
});
