/**
 * Every write to the sandbox (a failed one only when its caller signed it) becomes a CloudTrail management
 * event in its region, recorded as the request is answered: who made it (the caller's identity, as the sandbox's
 * identity store knows it), what was asked and answered (secrets left out), which resources it acted on,
 * and, when it failed (denied, throttled, refused by the service), AWS's error code and message.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingRequest, RequestContext } from '../../core/context';
import type { ServiceError } from '../../core/errors';
import { isoSeconds } from '../../identity/keys';
import type { Caller } from '../../identity/store';
import type { AuditResource, ServiceDefinition } from '../service';
import { trailEvent } from './events';
import { TRAIL_STORE } from './store';

export const EVENT_VERSION = '1.10';

/** What CloudTrail writes in place of a value it does not log. */
export const HIDDEN = 'HIDDEN_DUE_TO_SECURITY_REASONS';

/** Members whose values are secrets: never logged. */
const SECRET = /secret|password|passphrase|privatekey|sessiontoken|^token$|accesstoken|refreshtoken|idtoken|clientsecret|devicecode|^code$|codeverifier/i;

export interface WriteCall {
  readonly service: ServiceDefinition;
  readonly operation: string;
  readonly input: unknown;
  /** What the write answered; a failed write has none. */
  readonly output?: unknown;
  /** Why the write failed, if it did. */
  readonly error?: ServiceError;
  readonly context: RequestContext;
  readonly request: IncomingRequest;
}

export function recordManagementEvent(call: WriteCall): void {
  const { context } = call;
  const { record, resources } = managementEventRecord(call, randomUUID());
  context.state.store(TRAIL_STORE).record(trailEvent(Math.floor(context.now / 1000) * 1000, record, resources));
}

/**
 * The record CloudTrail writes for a write, and the resources event history lists for it. A failed write
 * carries `errorCode` and `errorMessage` after `userAgent` and no response elements, as in AWS's "Error
 * code and message log example" (CloudTrail User Guide, cloudtrail-log-file-examples).
 */
export function managementEventRecord(
  { service, operation, input, output, error, context, request }: WriteCall,
  eventId: string,
): { readonly record: Readonly<Record<string, unknown>>; readonly resources: readonly AuditResource[] } {
  const recording = service.cloudTrail;
  const scope = { region: context.region, accountId: context.accountId };
  const resources = recording?.resources?.(operation, input as never, scope) ?? [];
  const requestParameters = recording?.requestParameters?.(operation, input as never) ?? defaultRequestParameters(input);
  const responseElements = error !== undefined ? null : (recording?.responseElements?.(operation, output as never) ?? defaultResponseElements(output));
  const withArn = resources.filter((resource) => resource.arn !== undefined);
  const record = {
    eventVersion: EVENT_VERSION,
    userIdentity: userIdentityOf(context.caller),
    eventTime: isoSeconds(context.now),
    eventSource: recording?.eventSource ?? `${service.signingName}.amazonaws.com`,
    eventName: operation,
    awsRegion: context.region,
    sourceIPAddress: request.headers['x-forwarded-for']?.split(',')[0]?.trim() || request.remoteAddress || '127.0.0.1',
    userAgent: request.headers['user-agent'] ?? '',
    ...(error === undefined ? {} : { errorCode: error.code, ...(error.hasMessage ? { errorMessage: error.message } : {}) }),
    requestParameters: redacted(requestParameters),
    responseElements: redacted(responseElements),
    requestID: context.requestId,
    eventID: eventId,
    readOnly: false,
    ...(withArn.length === 0 ? {} : { resources: withArn.map((resource) => ({ accountId: context.accountId, type: resource.type, ARN: resource.arn })) }),
    eventType: 'AwsApiCall',
    managementEvent: true,
    recipientAccountId: context.accountId,
    eventCategory: 'Management',
  };
  return { record, resources };
}

/** `userIdentity` for the sandbox's callers: its IAM user, a role session it issued, or nobody (unsigned). */
export function userIdentityOf(caller: Caller): Readonly<Record<string, unknown>> {
  switch (caller.kind) {
    case 'user':
      return {
        type: 'IAMUser',
        principalId: caller.userId,
        arn: caller.arn,
        accountId: caller.accountId,
        accessKeyId: caller.accessKeyId,
        userName: caller.arn.slice(caller.arn.lastIndexOf('/') + 1),
      };
    case 'assumed-role': {
      const roleName = caller.roleArn.slice(caller.roleArn.lastIndexOf('/') + 1);
      return {
        type: 'AssumedRole',
        principalId: caller.userId,
        arn: caller.arn,
        accountId: caller.accountId,
        accessKeyId: caller.accessKeyId,
        sessionContext: {
          sessionIssuer: { type: 'Role', principalId: caller.userId.split(':')[0], arn: caller.roleArn, accountId: caller.accountId, userName: roleName },
          attributes: { mfaAuthenticated: 'false' },
        },
      };
    }
    case 'anonymous':
      return { type: 'Unknown' };
  }
}

/** The input as CloudTrail logs request parameters: a JSON body as sent; query parameters by name (`roleArn`). */
function defaultRequestParameters(input: unknown): Readonly<Record<string, unknown>> | null {
  if (input instanceof URLSearchParams) {
    const parameters: Record<string, unknown> = {};
    for (const [name, value] of input) {
      if (name === 'Action' || name === 'Version') continue;
      parameters[name.charAt(0).toLowerCase() + name.slice(1)] = value;
    }
    return parameters;
  }
  if (isPlainObject(input)) {
    // A REST request: its JSON body.
    if ('body' in input && 'headers' in input && 'query' in input) return isPlainObject(input['body']) && Object.keys(input['body']).length > 0 ? input['body'] : null;
    return Object.keys(input).length === 0 ? null : input;
  }
  return null;
}

function defaultResponseElements(output: unknown): Readonly<Record<string, unknown>> | null {
  return isPlainObject(output) && Object.keys(output).length > 0 ? output : null;
}

/** A copy with every secret's value replaced by CloudTrail's placeholder. */
export function redacted<T>(value: T): T {
  if (Array.isArray(value)) return value.map((item: unknown) => redacted(item)) as T;
  if (!isPlainObject(value)) return value;
  const copy: Record<string, unknown> = {};
  for (const [key, entry] of Object.entries(value)) copy[key] = SECRET.test(key) && entry !== null && entry !== undefined ? HIDDEN : redacted(entry);
  return copy as T;
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return false;
  const prototype = Object.getPrototypeOf(value) as unknown;
  return prototype === Object.prototype || prototype === null;
}
