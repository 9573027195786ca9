/**
 * Turns what the AWS SDK throws into an ApiError a person can act on. The AWS message is kept (it
 * names the resource or the missing permission); the sentence around it says what to do.
 */
import { apiError, isApiError, type ApiError, type ApiErrorCode, type ApiErrorDetails } from '../../shared/errors';
import { defaultTpsQuota } from '../../shared/quotas';

/** The AWS call an SDK error came from; the clients record it (see aws-clients.ts). */
export interface AwsCall {
  /** The SigV4 signing name, which is also the Service Quotas service code (`logs`). */
  readonly service: string;
  readonly operation: string;
  readonly region: string;
}

const calls = new WeakMap<object, AwsCall>();

export function rememberCall(error: unknown, call: AwsCall): void {
  if (typeof error === 'object' && error !== null) calls.set(error, call);
}

interface SdkErrorLike {
  name?: string;
  message?: string;
  code?: string;
  $fault?: 'client' | 'server';
  $metadata?: { httpStatusCode?: number; requestId?: string };
}

const NOT_FOUND = new Set(['ResourceNotFoundException', 'NoSuchBucket', 'NoSuchKey', 'NotFound', 'ResourceNotFound', 'DashboardNotFoundError']);
const ALREADY_EXISTS = new Set(['ResourceAlreadyExistsException', 'BucketAlreadyOwnedByYou', 'BucketAlreadyExists']);
const INVALID_INPUT = new Set([
  'InvalidParameterException',
  'InvalidParameterValueException',
  'InvalidParameterCombinationException',
  'MissingRequiredParameterException',
  'ValidationException',
  'ValidationError',
  'MalformedQueryException',
  'InvalidOperationException',
  'SerializationException',
  // CloudWatch (monitoring)'s own names.
  'InvalidParameterValue',
  'InvalidParameterCombination',
  'MissingParameter',
  'InvalidNextToken',
  'InvalidParameterInput',
  'DashboardInvalidInputError',
]);
const THROTTLED = new Set([
  'ThrottlingException',
  'Throttling',
  'TooManyRequestsException',
  'RequestLimitExceeded',
  'SlowDown',
  'RequestThrottled',
  'RequestThrottledException',
  // SNS: the query error `Throttled`, which the SDK names ThrottledException.
  'Throttled',
  'ThrottledException',
]);
/** Whether an SDK error is AWS rate-limiting the call (which retrying later fixes). */
export function isThrottlingError(error: unknown): boolean {
  const name = typeof error === 'object' && error !== null ? (error as SdkErrorLike).name : undefined;
  return name !== undefined && THROTTLED.has(name);
}
const LIMIT_EXCEEDED = new Set(['LimitExceededException', 'ServiceQuotaExceededException']);
const ACCESS_DENIED = new Set([
  'AccessDeniedException',
  'AccessDenied',
  'UnauthorizedOperation',
  'NotAuthorized',
  'AuthorizationError',
]);
const EXPIRED = new Set(['ExpiredTokenException', 'ExpiredToken', 'TokenRefreshRequired', 'RequestExpired']);
const BAD_CREDENTIALS = new Set([
  'UnrecognizedClientException',
  'InvalidClientTokenId',
  'InvalidAccessKeyId',
  'InvalidSignatureException',
  'SignatureDoesNotMatch',
  'IncompleteSignature',
  'MissingAuthenticationToken',
  'MissingAuthenticationTokenException',
]);
const CLOCK_SKEW = new Set(['RequestTimeTooSkewed', 'RequestInTheFuture', 'InvalidSignatureExceptionSkew']);
const UNAVAILABLE = new Set(['ServiceUnavailableException', 'ServiceUnavailable', 'InternalFailure', 'InternalError']);
/** The SDK's SSO providers say this when the cached token is missing, invalid or expired. */
const SSO_SIGN_IN = /SSO session|sso login|SSO Token|SSO token|UnauthorizedException|Session token not found or invalid/i;
/** STS AssumeRole's AccessDenied message for a wrong or reused MFA code. */
const MFA_REJECTED = /MultiFactorAuthentication failed/i;
/** Logs and STS say "Signature expired: <time> is now earlier than <time>" when the clock is off. */
const SIGNATURE_EXPIRED = /Signature expired|Signature not yet current/i;
/** "... is not authorized to perform: logs:DescribeLogGroups on resource ..." */
const MISSING_ACTION = /not authorized to perform:? ([a-z0-9-]+:[A-Za-z0-9]+)/;
const NETWORK_CODES = new Set(['ECONNREFUSED', 'ENOTFOUND', 'EAI_AGAIN', 'ECONNRESET', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH']);

export function toApiError(error: unknown): ApiError {
  if (isApiError(error)) return error;
  if (typeof error !== 'object' || error === null) return apiError('Internal', String(error));
  const sdk = error as SdkErrorLike;
  const name = sdk.name ?? '';
  const awsMessage = cleanMessage(sdk.message);
  const requestId = sdk.$metadata?.requestId;
  const status = sdk.$metadata?.httpStatusCode;
  const call = calls.get(error);
  const details: ApiErrorDetails | undefined = call && { service: call.service, operation: call.operation, region: call.region };
  const fromAws = (code: ApiErrorCode, message: string, retryable?: boolean) =>
    apiError(code, message, {
      awsCode: name,
      ...(requestId ? { requestId } : {}),
      ...(details ? { details } : {}),
      ...(retryable === undefined ? {} : { retryable }),
    });

  if (name === 'AbortError' || name === 'CancelledError') return apiError('Cancelled', 'The request was cancelled.');
  if (name === 'CredentialsProviderError' || name === 'TokenProviderError') {
    if (SSO_SIGN_IN.test(awsMessage)) {
      return apiError('SignInRequired', 'Your IAM Identity Center (SSO) sign-in is missing or has expired. Sign in, then try again.');
    }
    return apiError('Unauthenticated', `No usable credentials: ${awsMessage} Check the connection's profile or keys.`);
  }
  const networkCode = findNetworkCode(error);
  if (networkCode || name === 'TimeoutError' || name === 'RequestTimeout') {
    return apiError(
      'Unreachable',
      `Could not reach the AWS endpoint (${networkCode ?? 'timed out'}). Check your network, VPN or proxy, ` +
        'or that the custom endpoint (e.g. LocalStack) is running.',
    );
  }
  if (NOT_FOUND.has(name)) {
    return fromAws('NotFound', `${awsMessage} It may have been deleted, or it is in another region. Refresh the list.`);
  }
  if (ALREADY_EXISTS.has(name)) return fromAws('AlreadyExists', `${awsMessage} Choose another name.`);
  if (INVALID_INPUT.has(name)) return fromAws('InvalidInput', `AWS rejected the request: ${awsMessage}`);
  if (THROTTLED.has(name)) {
    return call ? throttled(call, name, requestId) : fromAws('Throttled', THROTTLED_SOMEWHERE, true);
  }
  if (LIMIT_EXCEEDED.has(name)) {
    return fromAws('LimitExceeded', `${awsMessage} A service quota is exhausted; delete unused resources or request a quota increase.`);
  }
  if (ACCESS_DENIED.has(name) && MFA_REJECTED.test(awsMessage)) {
    return fromAws(
      'MfaRequired',
      'The MFA code was not accepted. Enter the code your MFA device shows now; each code works once and only for about 30 seconds.',
    );
  }
  if (CLOCK_SKEW.has(name) || SIGNATURE_EXPIRED.test(awsMessage)) {
    return fromAws(
      'Unauthenticated',
      "AWS rejected the request because this computer's clock is off. Synchronize the system clock and retry.",
    );
  }
  if (EXPIRED.has(name)) {
    return fromAws('Unauthenticated', 'Your session has expired. Sign in again (for SSO profiles: Sign in) and retry.');
  }
  if (BAD_CREDENTIALS.has(name)) {
    return fromAws(
      'Unauthenticated',
      `AWS did not accept the credentials (${name}): the access key may be wrong, deactivated or deleted. ` +
        "Check the connection's keys or profile.",
    );
  }
  if (ACCESS_DENIED.has(name) || status === 403) {
    const action = MISSING_ACTION.exec(awsMessage)?.[1];
    const advice = action
      ? `Your identity is not allowed to call ${action}. Ask your administrator to allow ${action}, or use a role that has it.`
      : 'Ask your administrator for the missing permission, or use a role that has it.';
    return fromAws('AccessDenied', `Access denied: ${awsMessage} ${advice}`);
  }
  if (UNAVAILABLE.has(name) || sdk.$fault === 'server' || (status !== undefined && status >= 500)) {
    return fromAws('ServiceUnavailable', `AWS had an internal problem (${name || status}). Try again in a moment.`, true);
  }
  return fromAws('Internal', awsMessage || `Unexpected error${name ? ` (${name})` : ''}.`);
}

const THROTTLED_SOMEWHERE =
  "AWS is rate-limiting requests (the account's API quota is exhausted) and retries did not get through. " +
  'Wait a few seconds and try again; other tools using the same account share this quota.';

/**
 * Throttling names the API, the region and its quota, and where to look the quota up: the quota belongs
 * to the account and region, so the UI shows it once per region rather than in every panel.
 */
function throttled(call: AwsCall, awsCode: string, requestId: string | undefined): ApiError {
  const quotaTps = defaultTpsQuota(call.service, call.operation, call.region);
  const quota =
    quotaTps === undefined
      ? 'its rate quota'
      : `its rate quota (AWS's default: ${quotaTps} ${quotaTps === 1 ? 'request' : 'requests'} per second)`;
  return apiError(
    'Throttled',
    `AWS is rate-limiting ${call.operation} in ${call.region}: the account has used up ${quota}, which every tool ` +
      'using the account in this region shares, and retries did not get through. Wait a few seconds and try ' +
      'again; if it keeps happening, check the quota in Service Quotas.',
    {
      awsCode,
      retryable: true,
      ...(requestId ? { requestId } : {}),
      details: {
        service: call.service,
        operation: call.operation,
        region: call.region,
        ...(quotaTps === undefined ? {} : { quotaTps }),
        quotaUrl: serviceQuotasUrl(call.service, call.region),
      },
    },
  );
}

/** The Service Quotas console page listing a service's quotas in a region (its service code is the signing name). */
export function serviceQuotasUrl(service: string, region: string): string {
  return `https://${region}.console.aws.amazon.com/servicequotas/home/services/${encodeURIComponent(service)}/quotas`;
}

function cleanMessage(message: string | undefined): string {
  const text = (message ?? '').trim();
  if (!text) return '';
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** Network failures come wrapped (e.g. in an AggregateError or as `cause`); look a few levels down. */
function findNetworkCode(error: unknown, depth = 0): string | undefined {
  if (depth > 3 || typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { code?: unknown; cause?: unknown; errors?: unknown };
  if (typeof candidate.code === 'string' && NETWORK_CODES.has(candidate.code)) return candidate.code;
  if (Array.isArray(candidate.errors)) {
    for (const inner of candidate.errors) {
      const found = findNetworkCode(inner, depth + 1);
      if (found) return found;
    }
  }
  return findNetworkCode(candidate.cause, depth + 1);
}
