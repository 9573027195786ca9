/**
 * The sign-in dialog's state, driven by `connections.signIn` progress: waiting for main, showing the
 * code to confirm in the browser, signed in, or failed. Pure, with the countdown's formatting.
 */
import type { SignInProgress } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';

export type SignInState =
  | { readonly phase: 'starting' }
  | {
      readonly phase: 'authorize';
      readonly userCode: string;
      readonly verificationUri: string;
      readonly verificationUriComplete: string;
      readonly expiresAt: number;
    }
  | { readonly phase: 'signed-in'; readonly expiresAt: number }
  | { readonly phase: 'failed'; readonly error: ApiError };

export type SignInEvent =
  | { readonly type: 'progress'; readonly progress: SignInProgress }
  | { readonly type: 'error'; readonly error: ApiError }
  /** The stream ended without saying "signed in". */
  | { readonly type: 'complete' }
  | { readonly type: 'restart' };

export const SIGN_IN_STARTING: SignInState = { phase: 'starting' };

export function signInReducer(state: SignInState, event: SignInEvent): SignInState {
  switch (event.type) {
    case 'restart':
      return SIGN_IN_STARTING;
    case 'error':
      return state.phase === 'signed-in' ? state : { phase: 'failed', error: event.error };
    case 'complete':
      return state.phase === 'signed-in' || state.phase === 'failed'
        ? state
        : {
            phase: 'failed',
            error: { code: 'Internal', message: 'The sign-in ended without completing. Try again.', retryable: true },
          };
    case 'progress': {
      const progress = event.progress;
      if (progress.stage === 'signed-in') return { phase: 'signed-in', expiresAt: progress.expiresAt };
      return {
        phase: 'authorize',
        userCode: progress.userCode,
        verificationUri: progress.verificationUri,
        verificationUriComplete: progress.verificationUriComplete,
        expiresAt: progress.expiresAt,
      };
    }
  }
}

/** Time left as the countdown shows it: "9:05", "0:07", "1:02:03"; never negative. */
export function formatRemaining(milliseconds: number): string {
  const total = Math.max(0, Math.ceil(milliseconds / 1000));
  const hours = Math.floor(total / 3600);
  const minutes = Math.floor((total % 3600) / 60);
  const seconds = total % 60;
  const ss = String(seconds).padStart(2, '0');
  return hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}:${ss}` : `${minutes}:${ss}`;
}

/** The countdown in words for screen readers, rounded to what matters: "about 9 minutes", "40 seconds". */
export function remainingInWords(milliseconds: number): string {
  const seconds = Math.max(0, Math.ceil(milliseconds / 1000));
  if (seconds >= 90) return `about ${Math.round(seconds / 60)} minutes`;
  if (seconds >= 60) return 'about 1 minute';
  return seconds === 1 ? '1 second' : `${seconds} seconds`;
}
