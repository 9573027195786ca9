/**
 * Authentication and authorization of signed requests, as AWS does them before an operation runs:
 * the request time must be within the service's window of the (sandbox) clock, the access key must be
 * known, unrevoked and unexpired, and the action must not be denied. Each protocol answers in its own
 * words (`AuthErrors`); signatures themselves are not verified.
 */
import type { ServiceError } from '../core/errors';
import type { Caller, IdentityStore } from './store';

/** How a service reports authentication failures. */
export interface AuthErrors {
  /**
   * How far `X-Amz-Date` may be from the service's clock, in minutes: 15 for STS and S3, 5 for
   * CloudWatch Logs (its errors read "… (20240101T001000Z - 5 min.)").
   */
  readonly maxSkewMinutes: number;
  /** The request time is outside the window; `message` is AWS's "Signature expired: …" text. */
  readonly requestTimeSkewed: (message: string, times: { readonly requestTime: string; readonly serverTime: string }) => ServiceError;
  /** An unsigned request to an operation that needs a signature. */
  readonly missingAuthentication: () => ServiceError;
  /** An `Authorization` header (or presigned URL) that is not well-formed SigV4, or an `X-Amz-Date` that does not parse. */
  readonly incompleteSignature: (message: string) => ServiceError;
  /** An access key (or session token) AWS does not recognize. */
  readonly invalidAccessKey: () => ServiceError;
  /** Temporary credentials past their expiration. */
  readonly expiredToken: () => ServiceError;
  readonly accessDenied: (message: string) => ServiceError;
}

/** `20260101T000000Z` */
export function amzDate(epochMs: number): string {
  return new Date(epochMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, 'Z');
}

export function parseAmzDate(text: string): number | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second] = match.map(Number);
  const time = Date.UTC(year ?? 0, (month ?? 1) - 1, day, hour, minute, second);
  return Number.isNaN(time) ? undefined : time;
}

/**
 * Checks the signed request time (`X-Amz-Date`) against the clock. Requests without one are accepted:
 * the sandbox has always taken any signed request, and hand-made test requests often carry no date.
 */
export function checkRequestTime(requestTime: string | undefined, now: number, errors: AuthErrors): void {
  if (requestTime === undefined) return;
  const time = parseAmzDate(requestTime);
  if (time === undefined) {
    throw errors.incompleteSignature(`Date must be in ISO-8601 'basic format'. Got '${requestTime}'. See http://en.wikipedia.org/wiki/ISO_8601`);
  }
  const minutes = errors.maxSkewMinutes;
  const window = minutes * 60_000;
  const times = { requestTime, serverTime: amzDate(now) };
  if (time < now - window) {
    throw errors.requestTimeSkewed(
      `Signature expired: ${requestTime} is now earlier than ${amzDate(now - window)} (${amzDate(now)} - ${minutes} min.)`,
      times,
    );
  }
  if (time > now + window) {
    throw errors.requestTimeSkewed(
      `Signature not yet current: ${requestTime} is still later than ${amzDate(now + window)} (${amzDate(now)} + ${minutes} min.)`,
      times,
    );
  }
}

export interface SignedRequest {
  readonly accessKeyId: string;
  readonly region: string;
  /** `X-Amz-Date` (header, or query parameter of a presigned URL). */
  readonly requestTime: string | undefined;
  /** `X-Amz-Security-Token` */
  readonly sessionToken: string | undefined;
}

/** Authenticates a signed request: its time, then its key. */
export function authenticate(identity: IdentityStore, request: SignedRequest, now: number, errors: AuthErrors): Caller {
  checkRequestTime(request.requestTime, now, errors);
  const found = identity.lookup(request.accessKeyId, request.sessionToken, now, request.region);
  if (found.status === 'invalid') throw errors.invalidAccessKey();
  if (found.status === 'expired') throw errors.expiredToken();
  return found.caller;
}

/** Refuses an action the tests denied to the caller's key. */
export function authorize(identity: IdentityStore, caller: Caller, action: string, resource: string, errors: AuthErrors): void {
  if (caller.kind === 'anonymous' || !identity.isDenied(caller.accessKeyId, action)) return;
  throw errors.accessDenied(notAuthorizedMessage(caller.arn, action, resource, true));
}

/**
 * AWS's access-denied text: "User: arn:… is not authorized to perform: logs:DescribeLogGroups on
 * resource: arn:… because no identity-based policy allows the logs:DescribeLogGroups action". Denials
 * by a role's trust policy carry no reason.
 */
export function notAuthorizedMessage(principalArn: string, action: string, resource: string, identityBased: boolean): string {
  const on = resource === '*' ? '' : ` on resource: ${resource}`;
  const reason = identityBased ? ` because no identity-based policy allows the ${action} action` : '';
  return `User: ${principalArn} is not authorized to perform: ${action}${on}${reason}`;
}
