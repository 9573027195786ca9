/**
 * The REST-JSON protocol of IAM Identity Center (SSO OIDC and the SSO portal): operations are routed by
 * method and path, inputs come from the JSON body, the query string and headers, and errors name their
 * code in `x-amzn-ErrorType` (which is what the SDKs read first). These APIs are unsigned: OIDC
 * requests carry client credentials in the body, portal requests a bearer token in a header. A signed
 * request to one of their paths is not theirs (it is S3's).
 */
import type { IncomingRequest, SandboxResponse } from '../core/context';
import { ServiceError } from '../core/errors';
import type { SignatureCheck } from '../core/sigv4';
import { bindingsOf, type Operation, type RestJsonBinding, type ServiceDefinition } from '../services/service';
import type { Call, Codec } from './codec';
import { JSON_AUTH_ERRORS, parseJsonBody } from './json';

export interface RestRequest {
  /** The parsed JSON body (`{}` when empty). */
  readonly body: unknown;
  readonly query: URLSearchParams;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
}

/** Returns the output structure, or undefined for an empty 200 response. */
export type RestJsonOperation = Operation<RestRequest, object | undefined>;

interface RestJsonCall extends Call {
  readonly binding: RestJsonBinding;
}

interface Route {
  readonly service: ServiceDefinition;
  readonly binding: RestJsonBinding;
  readonly operation: string;
}

export class RestJsonCodec implements Codec<RestJsonCall> {
  /** Not used while the only REST-JSON services are unsigned. */
  readonly authErrors = JSON_AUTH_ERRORS;
  readonly internalErrorCode = 'InternalServerException';
  private readonly routes = new Map<string, Route>();

  constructor(services: readonly ServiceDefinition[]) {
    for (const service of services) {
      for (const binding of bindingsOf(service, 'restJson')) {
        for (const [route, operation] of Object.entries(binding.routes)) this.routes.set(route, { service, binding, operation });
      }
    }
  }

  parse(request: IncomingRequest, url: URL, signature: SignatureCheck): RestJsonCall | undefined {
    const route = signature.kind === 'unsigned' ? this.routes.get(`${request.method} ${url.pathname}`) : undefined;
    if (route === undefined) return undefined;
    const call = { service: route.service, binding: route.binding, operation: route.operation };
    const read = (body: unknown): RestRequest => ({ body, query: url.searchParams, headers: request.headers });
    try {
      return { ...call, input: read(parseJsonBody(request.body)) };
    } catch (error) {
      return { ...call, input: undefined, inputError: error as ServiceError };
    }
  }

  /** Only routed operations reach this codec; one missing from its service's table is the sandbox's mistake. */
  unknownOperation(call: RestJsonCall): ServiceError {
    return new ServiceError('InternalServerException', `No operation ${call.operation}`, 500);
  }

  respond(_call: RestJsonCall, requestId: string, output: unknown): SandboxResponse {
    return {
      status: 200,
      headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': requestId },
      body: output === undefined ? '' : JSON.stringify(output),
    };
  }

  fail(call: RestJsonCall, requestId: string, error: ServiceError): SandboxResponse {
    const body: Record<string, unknown> = {};
    if (error.hasMessage) body.message = error.message;
    Object.assign(body, error.fields);
    if (call.binding.typeNamespace !== undefined) body.__type = `${call.binding.typeNamespace}#${error.code}`;
    return {
      status: error.status,
      headers: {
        'Content-Type': 'application/json',
        'x-amzn-RequestId': requestId,
        'x-amzn-ErrorType': `${error.code}:http://internal.amazon.com/coral/${call.binding.coralNamespace}/`,
      },
      body: JSON.stringify(body),
    };
  }
}
