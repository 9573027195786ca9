/**
 * The AWS JSON 1.0 / 1.1 protocols: `POST /` with `X-Amz-Target: <prefix>.<Operation>` and a JSON body;
 * errors are `{"__type": "<Code>", "message": "…"}` with the error's HTTP status.
 */
import type { RequestContext, SandboxResponse } from '../core/context';
import { serializationError, ServiceError } from '../core/errors';
import type { AuthErrors } from '../identity/auth';

/** Takes the parsed JSON body; returns the output structure, or undefined for operations without output. */
export type JsonOperation = (input: unknown, context: RequestContext) => object | undefined;

export interface JsonService {
  /** The SigV4 signing name, which also keys quotas (`logs`). */
  readonly signingName: string;
  /** The `X-Amz-Target` prefix, e.g. `Logs_20140328`. */
  readonly targetPrefix: string;
  readonly contentType: 'application/x-amz-json-1.0' | 'application/x-amz-json-1.1';
  /** The code of the service's throttling error. */
  readonly throttlingCode: string;
  readonly operations: Readonly<Record<string, JsonOperation>>;
  /** The resource an operation acts on, for access-denied messages; default `*`. */
  readonly resourceArn?: (operation: string, input: unknown, scope: { readonly region: string; readonly accountId: string }) => string;
  /** Default: `JSON_AUTH_ERRORS`. */
  readonly authErrors?: AuthErrors;
}

/**
 * How AWS JSON services refuse requests they cannot authenticate or authorize, in CloudWatch Logs' words
 * (all HTTP 400; a 5-minute window for the request time).
 */
export const JSON_AUTH_ERRORS: AuthErrors = {
  maxSkewMinutes: 5,
  requestTimeSkewed: (message) => new ServiceError('InvalidSignatureException', message),
  missingAuthentication: () => new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403),
  incompleteSignature: (message) => new ServiceError('IncompleteSignatureException', message),
  invalidAccessKey: () => new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
  expiredToken: () => new ServiceError('ExpiredTokenException', 'The security token included in the request is expired'),
  accessDenied: (message) => new ServiceError('AccessDeniedException', message),
};

/** Splits `Logs_20140328.DescribeLogGroups` into prefix and operation. */
export function parseTarget(target: string): { readonly prefix: string; readonly operation: string } {
  const dot = target.lastIndexOf('.');
  return dot < 0 ? { prefix: target, operation: '' } : { prefix: target.slice(0, dot), operation: target.slice(dot + 1) };
}

export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw serializationError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}

export function jsonResponse(contentType: string, requestId: string, output: object | undefined): SandboxResponse {
  return {
    status: 200,
    headers: { 'Content-Type': contentType, 'x-amzn-RequestId': requestId },
    body: output === undefined ? '' : JSON.stringify(output),
  };
}

export function jsonError(contentType: string, requestId: string, error: ServiceError): SandboxResponse {
  const body: Record<string, unknown> = { __type: error.code };
  if (error.hasMessage) body.message = error.message;
  Object.assign(body, error.fields);
  return {
    status: error.status,
    headers: { 'Content-Type': contentType, 'x-amzn-RequestId': requestId },
    body: JSON.stringify(body),
  };
}
