/**
 * The AWS query protocol (STS, SNS): form-encoded `Action=…&Version=…` parameters, XML responses
 * `<OpResponse><OpResult>…</OpResult><ResponseMetadata>…</ResponseMetadata></OpResponse>`, and errors
 * `<ErrorResponse><Error><Type>Sender|Receiver</Type><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 */
import type { RequestContext, SandboxResponse } from '../core/context';
import { ServiceError } from '../core/errors';
import { escapeXml } from '../core/xml';
import type { AuthErrors } from '../identity/auth';

/** Returns the XML inside `<OperationResult>`. */
export type QueryOperation = (parameters: URLSearchParams, context: RequestContext) => string;

export interface QueryService {
  readonly signingName: string;
  readonly version: string;
  readonly xmlNamespace: string;
  readonly throttlingCode: string;
  readonly operations: Readonly<Record<string, QueryOperation>>;
  /** Operations AWS accepts without a signature (STS AssumeRoleWithWebIdentity). */
  readonly unsignedOperations?: readonly string[];
  /** Operations no policy can deny (STS GetCallerIdentity). */
  readonly alwaysAllowed?: readonly string[];
  /** The resource an operation acts on, for access-denied messages; default `*`. */
  readonly resourceArn?: (operation: string, parameters: URLSearchParams) => string;
  /** Default: `QUERY_AUTH_ERRORS`. */
  readonly authErrors?: AuthErrors;
}

const INVALID_TOKEN = 'The security token included in the request is invalid.';

/** How STS (and other query services) refuse requests they cannot authenticate or authorize. */
export const QUERY_AUTH_ERRORS: AuthErrors = {
  maxSkewMinutes: 15,
  requestTimeSkewed: (message) => new ServiceError('SignatureDoesNotMatch', message, 403),
  missingAuthentication: () => new ServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403),
  incompleteSignature: (message) => new ServiceError('IncompleteSignature', message),
  invalidAccessKey: () => new ServiceError('InvalidClientTokenId', INVALID_TOKEN, 403),
  expiredToken: () => new ServiceError('ExpiredToken', 'The security token included in the request is expired'),
  accessDenied: (message) => new ServiceError('AccessDenied', message, 403),
};

export function queryResponse(service: QueryService, operation: string, requestId: string, resultXml: string): SandboxResponse {
  const body =
    `<${operation}Response xmlns="${escapeXml(service.xmlNamespace)}">` +
    `<${operation}Result>${resultXml}</${operation}Result>` +
    `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
    `</${operation}Response>`;
  return { status: 200, headers: xmlHeaders(requestId), body };
}

/** `xmlNamespace` is unknown when the service could not be determined (e.g. an unsigned request). */
export function queryError(xmlNamespace: string | undefined, requestId: string, error: ServiceError): SandboxResponse {
  const type = error.status >= 500 ? 'Receiver' : 'Sender';
  const namespace = xmlNamespace === undefined ? '' : ` xmlns="${escapeXml(xmlNamespace)}"`;
  const body =
    `<ErrorResponse${namespace}>` +
    `<Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
    `<RequestId>${escapeXml(requestId)}</RequestId>` +
    `</ErrorResponse>`;
  return { status: error.status, headers: xmlHeaders(requestId), body };
}

function xmlHeaders(requestId: string): Record<string, string> {
  return { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId };
}
