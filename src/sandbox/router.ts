/**
 * Turns one HTTP request into one response: picks the protocol (`X-Amz-Target` → AWS JSON, form-encoded
 * `Action=` → query, anything else → S3 REST), checks the SigV4 credential scope for region and service,
 * applies fault injection, and calls the operation.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext, SandboxResponse } from './core/context';
import { ServiceError } from './core/errors';
import { checkSignature, type CredentialScope } from './core/sigv4';
import type { FaultInjector } from './faults';
import { jsonError, jsonResponse, parseJsonBody, parseTarget, type JsonService } from './protocols/json';
import { queryError, queryResponse, type QueryService } from './protocols/query';
import { s3AccessDenied, s3Error, s3NotImplemented } from './protocols/s3';
import type { AccountState } from './state';

export interface IncomingRequest {
  readonly method: string;
  /** Path and query string. */
  readonly url: string;
  /** Lower-case header names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  readonly body: string;
}

export interface RouterOptions {
  readonly state: AccountState;
  readonly faults: FaultInjector;
  readonly clock: () => number;
  readonly jsonServices: readonly JsonService[];
  readonly queryServices: readonly QueryService[];
}

export class Router {
  private readonly jsonByPrefix: ReadonlyMap<string, JsonService>;
  private readonly queryBySigningName: ReadonlyMap<string, QueryService>;

  constructor(private readonly options: RouterOptions) {
    this.jsonByPrefix = new Map(options.jsonServices.map((service) => [service.targetPrefix, service]));
    this.queryBySigningName = new Map(options.queryServices.map((service) => [service.signingName, service]));
  }

  handle(request: IncomingRequest): SandboxResponse {
    const requestId = randomUUID();
    const url = new URL(request.url, 'http://sandbox.invalid');
    const target = request.headers['x-amz-target'];
    if (target !== undefined) return this.handleJson(request, url, target, requestId);
    if (isQueryRequest(request, url)) return this.handleQuery(request, url, requestId);
    return this.handleS3(request, url, requestId);
  }

  private handleJson(request: IncomingRequest, url: URL, target: string, requestId: string): SandboxResponse {
    const { prefix, operation } = parseTarget(target);
    const service = this.jsonByPrefix.get(prefix);
    const contentType = service?.contentType ?? contentTypeOf(request) ?? 'application/x-amz-json-1.1';
    const fail = (error: ServiceError): SandboxResponse => jsonError(contentType, requestId, error);

    const signature = checkSignature(request.headers.authorization, url.searchParams);
    if (signature.kind === 'unsigned') {
      return fail(new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403));
    }
    if (signature.kind === 'malformed') return fail(new ServiceError('IncompleteSignatureException', signature.reason));

    const handler = service?.operations[operation];
    if (service === undefined || handler === undefined || !Object.hasOwn(service.operations, operation)) {
      return fail(new ServiceError('UnknownOperationException', undefined));
    }
    const scope = signature.scope;
    if (this.options.faults.shouldThrottle({ service: service.signingName, operation, region: scope.region })) {
      return fail(new ServiceError(service.throttlingCode, 'Rate exceeded'));
    }
    try {
      const input = parseJsonBody(request.body);
      return jsonResponse(contentType, requestId, handler(input, this.contextFor(scope, requestId)));
    } catch (error) {
      return fail(asServiceError(error, 'InternalFailure'));
    }
  }

  private handleQuery(request: IncomingRequest, url: URL, requestId: string): SandboxResponse {
    const parameters = new URLSearchParams(url.search);
    if (request.method === 'POST') {
      for (const [name, value] of new URLSearchParams(request.body)) parameters.append(name, value);
    }
    const signature = checkSignature(request.headers.authorization, url.searchParams);
    if (signature.kind === 'unsigned') {
      const error = new ServiceError('MissingAuthenticationToken', 'Request is missing Authentication Token', 403);
      return queryError(undefined, requestId, error);
    }
    if (signature.kind === 'malformed') {
      return queryError(undefined, requestId, new ServiceError('IncompleteSignature', signature.reason));
    }
    const scope = signature.scope;
    const service = this.queryBySigningName.get(scope.service);
    const action = parameters.get('Action') ?? '';
    const version = parameters.get('Version') ?? service?.version ?? '';
    const fail = (error: ServiceError): SandboxResponse => queryError(service?.xmlNamespace, requestId, error);
    if (action === '') return fail(new ServiceError('MissingAction', 'Missing Action'));
    const handler = service?.operations[action];
    if (service === undefined || handler === undefined || !Object.hasOwn(service.operations, action)) {
      return fail(new ServiceError('InvalidAction', `Could not find operation ${action} for version ${version}`));
    }
    if (this.options.faults.shouldThrottle({ service: service.signingName, operation: action, region: scope.region })) {
      return fail(new ServiceError(service.throttlingCode, 'Rate exceeded'));
    }
    try {
      return queryResponse(service, action, requestId, handler(parameters, this.contextFor(scope, requestId)));
    } catch (error) {
      return fail(asServiceError(error, 'InternalFailure'));
    }
  }

  private handleS3(request: IncomingRequest, url: URL, requestId: string): SandboxResponse {
    const signature = checkSignature(request.headers.authorization, url.searchParams);
    if (signature.kind === 'unsigned') return s3Error(requestId, s3AccessDenied());
    if (signature.kind === 'malformed') {
      return s3Error(requestId, new ServiceError('AuthorizationHeaderMalformed', signature.reason));
    }
    if (this.options.faults.shouldThrottle({ service: 's3', operation: request.method, region: signature.scope.region })) {
      return s3Error(requestId, new ServiceError('SlowDown', 'Please reduce your request rate.', 503));
    }
    return s3Error(requestId, s3NotImplemented());
  }

  private contextFor(scope: CredentialScope, requestId: string): RequestContext {
    return {
      requestId,
      accountId: this.options.state.accountId,
      region: scope.region,
      now: this.options.clock(),
      state: this.options.state.region(scope.region),
    };
  }
}

function isQueryRequest(request: IncomingRequest, url: URL): boolean {
  if (url.searchParams.has('Action')) return true;
  const contentType = request.headers['content-type'] ?? '';
  return request.method === 'POST' && contentType.toLowerCase().startsWith('application/x-www-form-urlencoded');
}

function contentTypeOf(request: IncomingRequest): 'application/x-amz-json-1.0' | 'application/x-amz-json-1.1' | undefined {
  const contentType = request.headers['content-type'] ?? '';
  if (contentType.startsWith('application/x-amz-json-1.0')) return 'application/x-amz-json-1.0';
  if (contentType.startsWith('application/x-amz-json-1.1')) return 'application/x-amz-json-1.1';
  return undefined;
}

function asServiceError(error: unknown, internalCode: string): ServiceError {
  if (error instanceof ServiceError) return error;
  console.error('[sandbox] unexpected error', error);
  return new ServiceError(internalCode, 'The request processing has failed because of an unknown error.', 500);
}
