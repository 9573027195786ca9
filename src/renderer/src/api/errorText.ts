/**
 * What to tell a person about a failed call: a headline for the kind of failure, then main's message,
 * which already says what went wrong and what to do about it.
 */
import { asApiError, type ApiErrorCode } from '../../../shared/errors';

export interface ErrorText {
  readonly title: string;
  readonly message: string;
  /** AWS's error code and request id, for a support case. */
  readonly reference?: string;
  readonly retryable: boolean;
}

const TITLES: Record<ApiErrorCode, string> = {
  InvalidInput: 'The request was not valid',
  NotFound: 'Not found',
  AlreadyExists: 'Already exists',
  Conflict: 'Changed since you opened it',
  Throttled: 'AWS is throttling requests',
  LimitExceeded: 'A quota was exceeded',
  AccessDenied: 'Access denied',
  Unauthenticated: 'Not signed in',
  SignInRequired: 'Sign-in required',
  MfaRequired: 'MFA code required',
  KeychainUnavailable: 'The keychain is not available',
  Unreachable: 'Cannot reach the endpoint',
  Cancelled: 'Cancelled',
  ServiceUnavailable: 'AWS is having trouble',
  Internal: 'Something went wrong',
};

/**
 * `throttlingExplainedAbove`: the app shows the region's throttling notice (APIs, quotas, Service
 * Quotas link), so a throttled panel only says which call it was.
 */
export function describeError(error: unknown, { throttlingExplainedAbove = false } = {}): ErrorText {
  const apiError = asApiError(error);
  const reference = [apiError.awsCode, apiError.requestId && `request ${apiError.requestId}`].filter(Boolean).join(' · ');
  const operation = apiError.details?.operation;
  const brief = apiError.code === 'Throttled' && throttlingExplainedAbove && operation !== undefined;
  return {
    title: TITLES[apiError.code],
    message: brief ? `${operation} was rate-limited; the notice above says more. Retry in a few seconds.` : apiError.message,
    ...(reference ? { reference } : {}),
    retryable: apiError.retryable,
  };
}

/**
 * A title to follow "Could not load x: ", lower-cased at the start unless it starts with an acronym:
 * "Access denied" → "access denied", "MFA code required" stays.
 */
export function titleInSentence(title: string): string {
  return /^[A-Z][a-z]/.test(title) ? title.charAt(0).toLowerCase() + title.slice(1) : title;
}

/** The step that resolves a credential error in place: signing in to IAM Identity Center, or an MFA code. */
export type CredentialAction = 'sign-in' | 'mfa';

export function credentialAction(error: unknown): CredentialAction | undefined {
  const { code } = asApiError(error);
  if (code === 'SignInRequired') return 'sign-in';
  if (code === 'MfaRequired') return 'mfa';
  return undefined;
}
