/**
 * The AWS query protocol (STS, SNS): form-encoded `Action=…&Version=…` parameters, XML responses
 * `<OpResponse><OpResult>…</OpResult><ResponseMetadata>…</ResponseMetadata></OpResponse>`, and errors
 * `<ErrorResponse><Error><Type>Sender|Receiver</Type><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 */
import type { RequestContext, SandboxResponse } from '../core/context';
import type { ServiceError } from '../core/errors';
import { escapeXml } from '../core/xml';

/** Returns the XML inside `<OperationResult>`. */
export type QueryOperation = (parameters: URLSearchParams, context: RequestContext) => string;

export interface QueryService {
  readonly signingName: string;
  readonly version: string;
  readonly xmlNamespace: string;
  readonly throttlingCode: string;
  readonly operations: Readonly<Record<string, QueryOperation>>;
}

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
