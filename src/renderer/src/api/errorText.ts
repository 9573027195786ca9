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
  Throttled: 'AWS is throttling requests',
  LimitExceeded: 'A quota was exceeded',
  AccessDenied: 'Access denied',
  Unauthenticated: 'Not signed in',
  Unreachable: 'Cannot reach the endpoint',
  Cancelled: 'Cancelled',
  ServiceUnavailable: 'AWS is having trouble',
  Internal: 'Something went wrong',
};

export function describeError(error: unknown): ErrorText {
  const apiError = asApiError(error);
  const reference = [apiError.awsCode, apiError.requestId && `request ${apiError.requestId}`].filter(Boolean).join(' · ');
  return {
    title: TITLES[apiError.code],
    message: apiError.message,
    ...(reference ? { reference } : {}),
    retryable: apiError.retryable,
  };
}
