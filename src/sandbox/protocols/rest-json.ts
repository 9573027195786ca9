/**
 * The REST-JSON protocol of IAM Identity Center (SSO OIDC and the SSO portal): operations are routed by
 * method and path, inputs come from the JSON body, the query string and headers, and errors name their
 * code in `x-amzn-ErrorType` (which is what the SDKs read first). These APIs are unsigned: OIDC
 * requests carry client credentials in the body, portal requests a bearer token in a header.
 */
import type { RequestContext, SandboxResponse } from '../core/context';
import type { ServiceError } from '../core/errors';

export interface RestRequest {
  /** The parsed JSON body (`{}` when empty). */
  readonly body: unknown;
  readonly query: URLSearchParams;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/** Returns the output structure, or undefined for an empty 200 response. */
export type RestJsonOperation = (request: RestRequest, context: RequestContext) => object | undefined;

export interface RestJsonRoute {
  readonly method: 'GET' | 'POST';
  readonly path: string;
  readonly operation: string;
  readonly handler: RestJsonOperation;
}

export interface RestJsonService {
  /** Keys fault injection (`awsssoportal`, `sso-oauth`: the services' SigV4 names). */
  readonly signingName: string;
  /** `x-amzn-ErrorType: <Code>:http://internal.amazon.com/coral/<coralNamespace>/` */
  readonly coralNamespace: string;
  /**
   * When set, error bodies are `{"message", "__type": "<typeNamespace>#<Code>"}` (the SSO portal);
   * otherwise they carry only the error's fields (SSO OIDC's `error` and `error_description`).
   */
  readonly typeNamespace?: string;
  /** The error answered to throttled requests; undefined: the service is not throttled. */
  readonly throttling?: () => ServiceError;
  readonly routes: readonly RestJsonRoute[];
}

export function restJsonResponse(requestId: string, output: object | undefined): SandboxResponse {
  return {
    status: 200,
    headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId },
    body: output === undefined ? '' : JSON.stringify(output),
  };
}

export function restJsonError(service: RestJsonService, requestId: string, error: ServiceError): SandboxResponse {
  const body: Record<string, unknown> = {};
  if (error.hasMessage) body.message = error.message;
  Object.assign(body, error.fields);
  if (service.typeNamespace !== undefined) body.__type = `${service.typeNamespace}#${error.code}`;
  return {
    status: error.status,
    headers: {
      'Content-Type': 'application/json',
      'x-amzn-RequestId': requestId,
      'x-amzn-ErrorType': `${error.code}:http://internal.amazon.com/coral/${service.coralNamespace}/`,
    },
    body: JSON.stringify(body),
  };
}
