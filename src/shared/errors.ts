/**
 * The one error shape that crosses every boundary (IPC, the HTTP bridge, the renderer's state).
 * It is plain data, never an Error instance: structured clone and contextBridge drop an Error's own
 * properties, and the renderer needs `code` and `retryable` to decide what to show.
 */
export type ApiErrorCode =
  /** The request did not pass validation (ours or AWS's). Fix the input. */
  | 'InvalidInput'
  /** The resource (log group, stream, …) does not exist or was deleted. */
  | 'NotFound'
  /** The resource already exists. */
  | 'AlreadyExists'
  /** The resource changed on the server since the app read it; nothing was written. Show both and ask. */
  | 'Conflict'
  /** AWS is rate-limiting us; retried automatically, shown only when retries ran out. */
  | 'Throttled'
  /** An account or service quota is exhausted. */
  | 'LimitExceeded'
  /** The identity lacks permission for the action. */
  | 'AccessDenied'
  /** Credentials are missing, expired or invalid (keys revoked, clock skew, wrong MFA code). */
  | 'Unauthenticated'
  /** The IAM Identity Center (SSO) sign-in is missing or expired: offer "Sign in" (`connections.signIn`). */
  | 'SignInRequired'
  /** The connection's role needs an MFA code: ask for it (`connections.provideMfaCode`) and retry. */
  | 'MfaRequired'
  /** The OS keychain cannot store secrets here; connections with keys cannot be created or used. */
  | 'KeychainUnavailable'
  /** The endpoint could not be reached (network, DNS, a stopped LocalStack). */
  | 'Unreachable'
  /** The caller cancelled the work. */
  | 'Cancelled'
  /** AWS itself failed (5xx); usually worth retrying. */
  | 'ServiceUnavailable'
  /** Anything else: a bug or an error we do not know yet. */
  | 'Internal';

export interface ApiError {
  readonly code: ApiErrorCode;
  /** A sentence a person can act on. */
  readonly message: string;
  /** Whether trying the same request again later may succeed. */
  readonly retryable: boolean;
  /** The AWS error code (e.g. `ResourceNotFoundException`) when the error came from AWS. */
  readonly awsCode?: string;
  /** The AWS request id, for support cases. */
  readonly requestId?: string;
  /** What the UI needs to act on the error, beyond its words. */
  readonly details?: ApiErrorDetails;
}

export interface ApiErrorDetails {
  /** The connection the failure belongs to (e.g. the one to sign in to, or to enter an MFA code for). */
  readonly connectionId?: string;
  /** The MFA device whose code is needed (`MfaRequired`). */
  readonly mfaSerial?: string;
  /** The AWS API call that failed, by its SigV4 service name and operation (`logs`, `FilterLogEvents`). */
  readonly service?: string;
  readonly operation?: string;
  readonly region?: string;
  /** AWS's default rate quota of that operation in that region, in requests per second. */
  readonly quotaTps?: number;
  /** The Service Quotas console page where the quota can be looked up and raised. */
  readonly quotaUrl?: string;
  /** How long to wait before trying again, when AWS or the app knows. */
  readonly retryAfterMs?: number;
  /** Where in a Logs Insights query AWS found the mistake (MalformedQueryException), as character offsets. */
  readonly queryErrorLocation?: { readonly start: number; readonly end: number };
}

export function apiError(
  code: ApiErrorCode,
  message: string,
  extra: { retryable?: boolean; awsCode?: string; requestId?: string; details?: ApiErrorDetails } = {},
): ApiError {
  const error: { -readonly [K in keyof ApiError]: ApiError[K] } = {
    code,
    message,
    retryable: extra.retryable ?? RETRYABLE_BY_DEFAULT.has(code),
  };
  if (extra.awsCode !== undefined) error.awsCode = extra.awsCode;
  if (extra.requestId !== undefined) error.requestId = extra.requestId;
  if (extra.details !== undefined) error.details = extra.details;
  return error;
}

const RETRYABLE_BY_DEFAULT: ReadonlySet<ApiErrorCode> = new Set(['Throttled', 'Unreachable', 'ServiceUnavailable']);

const CODES: ReadonlySet<string> = new Set<ApiErrorCode>([
  'InvalidInput',
  'NotFound',
  'AlreadyExists',
  'Conflict',
  'Throttled',
  'LimitExceeded',
  'AccessDenied',
  'Unauthenticated',
  'SignInRequired',
  'MfaRequired',
  'KeychainUnavailable',
  'Unreachable',
  'Cancelled',
  'ServiceUnavailable',
  'Internal',
]);

export function isApiError(value: unknown): value is ApiError {
  if (typeof value !== 'object' || value === null) return false;
  const candidate = value as Record<string, unknown>;
  return (
    typeof candidate.code === 'string' &&
    CODES.has(candidate.code) &&
    typeof candidate.message === 'string' &&
    typeof candidate.retryable === 'boolean'
  );
}

/** Turns anything caught into an ApiError; for code that has no better idea what went wrong. */
export function asApiError(value: unknown): ApiError {
  if (isApiError(value)) return value;
  const message = value instanceof Error ? value.message : String(value);
  return apiError('Internal', message || 'Something went wrong.');
}
