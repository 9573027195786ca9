/**
 * The AWS query protocol (STS, SNS, CloudWatch): form-encoded `Action=…&Version=…` parameters, XML responses
 * `<OpResponse><OpResult>…</OpResult><ResponseMetadata>…</ResponseMetadata></OpResponse>`, and errors
 * `<ErrorResponse><Error><Type>Sender|Receiver</Type><Code/><Message/></Error><RequestId/></ErrorResponse>`.
 * The service is the one in the credential scope; unsigned requests can only be for an operation that a
 * service accepts unsigned. A service bound with its model's shapes (CloudWatch) gets structured input and
 * output, the same objects its JSON and CBOR operations use (see `shapes.ts`).
 */
import type { IncomingRequest, SandboxResponse } from '../core/context';
import { ServiceError } from '../core/errors';
import type { SignatureCheck } from '../core/sigv4';
import { escapeXml } from '../core/xml';
import type { AuthErrors } from '../identity/auth';
import { bindingsOf, takesUnsigned, type Operation, type QueryBinding, type ServiceDefinition } from '../services/service';
import type { Call, Codec } from './codec';
import { readQueryInput, writeXmlOutput } from './shapes';

/** Takes the request's parameters; returns the XML inside `<OperationResult>` (a service bound without shapes). */
export type QueryOperation = Operation<URLSearchParams, string>;

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

interface QueryCall extends Call {
  /** The raw parameters; also what `unknownOperation` reads the version from. */
  readonly parameters: URLSearchParams;
  /** Undefined when the service is not known: errors then carry no namespace. */
  readonly binding: QueryBinding | undefined;
}

interface BoundService {
  readonly service: ServiceDefinition;
  readonly binding: QueryBinding;
}

export class QueryCodec implements Codec<QueryCall> {
  readonly authErrors = QUERY_AUTH_ERRORS;
  readonly internalErrorCode = 'InternalFailure';
  private readonly services: readonly BoundService[];

  constructor(services: readonly ServiceDefinition[]) {
    this.services = services.flatMap((service) => bindingsOf(service, 'query').map((binding) => ({ service, binding })));
  }

  parse(request: IncomingRequest, url: URL, signature: SignatureCheck): QueryCall | undefined {
    if (!isQueryRequest(request, url)) return undefined;
    const parameters = new URLSearchParams(url.search);
    if (request.method === 'POST') {
      for (const [name, value] of new URLSearchParams(request.body)) parameters.append(name, value);
    }
    const action = parameters.get('Action') ?? '';
    const found = this.serviceFor(action, signature);
    const call = { service: found?.service, binding: found?.binding, operation: action, parameters };
    const shapes = found?.binding.shapes;
    if (shapes === undefined) return { ...call, input: parameters };
    try {
      return { ...call, input: readQueryInput(shapes, action, parameters) };
    } catch (error) {
      return { ...call, input: undefined, inputError: error as ServiceError };
    }
  }

  private serviceFor(action: string, signature: SignatureCheck): BoundService | undefined {
    switch (signature.kind) {
      case 'signed':
        return this.services.find(({ service }) => service.signingName === signature.scope.service);
      case 'unsigned':
        return this.services.find(({ service }) => takesUnsigned(service, action));
      case 'malformed':
        return undefined;
    }
  }

  unknownOperation(call: QueryCall): ServiceError {
    if (call.operation === '') return new ServiceError('MissingAction', 'Missing Action');
    const version = call.parameters.get('Version') ?? call.binding?.version ?? '';
    return new ServiceError('InvalidAction', `Could not find operation ${call.operation} for version ${version}`);
  }

  respond(call: QueryCall, requestId: string, output: unknown): SandboxResponse {
    const operation = call.operation;
    const shapes = call.binding?.shapes;
    const result = shapes === undefined ? (output as string) : writeXmlOutput(shapes, operation, output);
    const body =
      `<${operation}Response xmlns="${escapeXml(call.binding?.xmlNamespace ?? '')}">` +
      (result === undefined ? '' : `<${operation}Result>${result}</${operation}Result>`) +
      `<ResponseMetadata><RequestId>${escapeXml(requestId)}</RequestId></ResponseMetadata>` +
      `</${operation}Response>`;
    return { status: 200, headers: xmlHeaders(requestId), body };
  }

  fail(call: QueryCall, requestId: string, error: ServiceError): SandboxResponse {
    const type = error.status >= 500 ? 'Receiver' : 'Sender';
    const namespace = call.binding === undefined ? '' : ` xmlns="${escapeXml(call.binding.xmlNamespace)}"`;
    const body =
      `<ErrorResponse${namespace}>` +
      `<Error><Type>${type}</Type><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message></Error>` +
      `<RequestId>${escapeXml(requestId)}</RequestId>` +
      `</ErrorResponse>`;
    return { status: error.status, headers: xmlHeaders(requestId), body };
  }
}

function isQueryRequest(request: IncomingRequest, url: URL): boolean {
  if (url.searchParams.has('Action')) return true;
  const contentType = request.headers['content-type'] ?? '';
  return request.method === 'POST' && contentType.toLowerCase().startsWith('application/x-www-form-urlencoded');
}

function xmlHeaders(requestId: string): Record<string, string> {
  return { 'Content-Type': 'text/xml', 'x-amzn-RequestId': requestId };
}
