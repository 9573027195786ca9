import { describe, expect, it } from 'vitest';
import { apiError } from '../../../../shared/errors';
import { formatRemaining, remainingInWords, SIGN_IN_STARTING, signInReducer, type SignInState } from './signInState';

const authorize = {
  stage: 'authorize',
  userCode: 'ABCD-EFGH',
  verificationUri: 'https://device.sso.eu-west-1.amazonaws.com/',
  verificationUriComplete: 'https://device.sso.eu-west-1.amazonaws.com/?user_code=ABCD-EFGH',
  expiresAt: 1_000_000,
} as const;

describe('signInReducer', () => {
  it('shows the code, then signs in', () => {
    const shown = signInReducer(SIGN_IN_STARTING, { type: 'progress', progress: authorize });
    expect(shown).toEqual({
      phase: 'authorize',
      userCode: 'ABCD-EFGH',
      verificationUri: authorize.verificationUri,
      verificationUriComplete: authorize.verificationUriComplete,
      expiresAt: 1_000_000,
    });
    expect(signInReducer(shown, { type: 'progress', progress: { stage: 'signed-in', expiresAt: 5 } })).toEqual({
      phase: 'signed-in',
      expiresAt: 5,
    });
  });

  it('fails with the stream’s error, or when the stream ends without signing in', () => {
    const error = apiError('AccessDenied', 'The request was denied in the browser.');
    expect(signInReducer(SIGN_IN_STARTING, { type: 'error', error })).toEqual({ phase: 'failed', error });
    const ended = signInReducer(SIGN_IN_STARTING, { type: 'complete' });
    expect(ended.phase).toBe('failed');
  });

  it('stays signed in when the stream then completes, and starts over on restart', () => {
    const signedIn: SignInState = { phase: 'signed-in', expiresAt: 5 };
    expect(signInReducer(signedIn, { type: 'complete' })).toBe(signedIn);
    expect(signInReducer(signedIn, { type: 'restart' })).toEqual(SIGN_IN_STARTING);
  });
});

describe('formatRemaining', () => {
  it('counts down in minutes and seconds, hours when needed, never below zero', () => {
    expect(formatRemaining(545_000)).toBe('9:05');
    expect(formatRemaining(6_200)).toBe('0:07');
    expect(formatRemaining(3_723_000)).toBe('1:02:03');
    expect(formatRemaining(-5_000)).toBe('0:00');
  });

  it('says it in words, rounded', () => {
    expect(remainingInWords(545_000)).toBe('about 9 minutes');
    expect(remainingInWords(70_000)).toBe('about 1 minute');
    expect(remainingInWords(40_000)).toBe('40 seconds');
    expect(remainingInWords(1_000)).toBe('1 second');
  });
});
