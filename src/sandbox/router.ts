/**
 * Turns one HTTP request into one response: picks the protocol (`X-Amz-Target` → AWS JSON, form-encoded
 * `Action=` → query, an unsigned request to an IAM Identity Center path → REST-JSON, anything else →
 * S3 REST), authenticates it (request time, access key; see `identity/auth.ts`), authorizes the action,
 * applies fault injection, and calls the operation.
 */
import { randomUUID } from 'node:crypto';
import type { RequestContext, SandboxResponse } from './core/context';
import { ServiceError } from './core/errors';
import { checkSignature, type CredentialScope } from './core/sigv4';
import type { FaultInjector } from './faults';
import { authenticate, authorize, type AuthErrors } from './identity/auth';
import type { Caller } from './identity/store';
import { JSON_AUTH_ERRORS, jsonError, jsonResponse, parseJsonBody, parseTarget, type JsonService } from './protocols/json';
import { QUERY_AUTH_ERRORS, queryError, queryResponse, type QueryService } from './protocols/query';
import { restJsonError, restJsonResponse, type RestJsonRoute, type RestJsonService } from './protocols/rest-json';
import { S3_AUTH_ERRORS, s3Error, s3NotImplemented } from './protocols/s3';
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
  /** Routed by method and path; only unsigned requests reach them, as only unsigned requests are theirs. */
  readonly restJsonServices?: readonly RestJsonService[];
}

/** Unsigned requests carry no credential scope; AWS's global STS endpoint is in us-east-1. */
const UNSIGNED_REGION = 'us-east-1';

const ANONYMOUS: Caller = { kind: 'anonymous' };

interface RoutedRestJson {
  readonly service: RestJsonService;
  readonly route: RestJsonRoute;
}

export class Router {
  private readonly jsonByPrefix: ReadonlyMap<string, JsonService>;
  private readonly queryBySigningName: ReadonlyMap<string, QueryService>;
  private readonly restJsonRoutes: ReadonlyMap<string, RoutedRestJson>;

  constructor(private readonly options: RouterOptions) {
    this.jsonByPrefix = new Map(options.jsonServices.map((service) => [service.targetPrefix, service]));
    this.queryBySigningName = new Map(options.queryServices.map((service) => [service.signingName, service]));
    this.restJsonRoutes = new Map(
      (options.restJsonServices ?? []).flatMap((service) => service.routes.map((route) => [`${route.method} ${route.path}`, { service, route }] as const)),
    );
  }

  handle(request: IncomingRequest): SandboxResponse {
    const requestId = randomUUID();
    const now = this.options.clock();
    const url = new URL(request.url, 'http://sandbox.invalid');
    const target = request.headers['x-amz-target'];
    if (target !== undefined) return this.handleJson(request, url, target, requestId, now);
    if (isQueryRequest(request, url)) return this.handleQuery(request, url, requestId, now);
    const rest = this.restJsonRoute(request, url);
    if (rest !== undefined) return this.handleRestJson(request, url, rest, requestId, now);
    return this.handleS3(request, url, requestId, now);
  }

  private handleJson(request: IncomingRequest, url: URL, target: string, requestId: string, now: number): SandboxResponse {
    const { prefix, operation } = parseTarget(target);
    const service = this.jsonByPrefix.get(prefix);
    const contentType = service?.contentType ?? contentTypeOf(request) ?? 'application/x-amz-json-1.1';
    const fail = (error: ServiceError): SandboxResponse => jsonError(contentType, requestId, error);

    const errors = service?.authErrors ?? JSON_AUTH_ERRORS;
    const signature = checkSignature(request.headers.authorization, url.searchParams);
    if (signature.kind === 'unsigned') return fail(errors.missingAuthentication());
    if (signature.kind === 'malformed') return fail(errors.incompleteSignature(signature.reason));
    const scope = signature.scope;

    try {
      const caller = this.authenticate(request, url, scope, now, errors);
      const handler = service?.operations[operation];
      if (service === undefined || handler === undefined || !Object.hasOwn(service.operations, operation)) {
        return fail(new ServiceError('UnknownOperationException', undefined));
      }
      const resource = service.resourceArn?.(operation, lenientJson(request.body), { region: scope.region, accountId: this.options.state.accountId }) ?? '*';
      authorize(this.options.state.identity, caller, `${service.signingName}:${operation}`, resource, errors);
      if (this.options.faults.shouldThrottle({ service: service.signingName, operation, region: scope.region })) {
        return fail(new ServiceError(service.throttlingCode, 'Rate exceeded'));
      }
      const input = parseJsonBody(request.body);
      return jsonResponse(contentType, requestId, handler(input, this.contextFor(scope.region, caller, requestId, now)));
    } catch (error) {
      return fail(asServiceError(error, 'InternalFailure'));
    }
  }

  private handleQuery(request: IncomingRequest, url: URL, requestId: string, now: number): SandboxResponse {
    const parameters = new URLSearchParams(url.search);
    if (request.method === 'POST') {
      for (const [name, value] of new URLSearchParams(request.body)) parameters.append(name, value);
    }
    const action = parameters.get('Action') ?? '';
    const signature = checkSignature(request.headers.authorization, url.searchParams);
    if (signature.kind === 'unsigned') {
      const service = this.options.queryServices.find((candidate) => candidate.unsignedOperations?.includes(action));
      if (service === undefined) return queryError(undefined, requestId, QUERY_AUTH_ERRORS.missingAuthentication());
      return this.runQuery(service, action, parameters, UNSIGNED_REGION, ANONYMOUS, requestId, now);
    }
    if (signature.kind === 'malformed') {
      return queryError(undefined, requestId, QUERY_AUTH_ERRORS.incompleteSignature(signature.reason));
    }
    const scope = signature.scope;
    const service = this.queryBySigningName.get(scope.service);
    const version = parameters.get('Version') ?? service?.version ?? '';
    const errors = service?.authErrors ?? QUERY_AUTH_ERRORS;
    const fail = (error: ServiceError): SandboxResponse => queryError(service?.xmlNamespace, requestId, error);
    try {
      const caller = this.authenticate(request, url, scope, now, errors);
      if (action === '') return fail(new ServiceError('MissingAction', 'Missing Action'));
      if (service === undefined || !Object.hasOwn(service.operations, action)) {
        return fail(new ServiceError('InvalidAction', `Could not find operation ${action} for version ${version}`));
      }
      if (!service.alwaysAllowed?.includes(action)) {
        const resource = service.resourceArn?.(action, parameters) ?? '*';
        authorize(this.options.state.identity, caller, `${service.signingName}:${action}`, resource, errors);
      }
      return this.runQuery(service, action, parameters, scope.region, caller, requestId, now);
    } catch (error) {
      return fail(asServiceError(error, 'InternalFailure'));
    }
  }

  private runQuery(
    service: QueryService,
    action: string,
    parameters: URLSearchParams,
    region: string,
    caller: Caller,
    requestId: string,
    now: number,
  ): SandboxResponse {
    const fail = (error: ServiceError): SandboxResponse => queryError(service.xmlNamespace, requestId, error);
    const handler = service.operations[action];
    if (handler === undefined) return fail(new ServiceError('InvalidAction', `Could not find operation ${action} for version ${service.version}`));
    if (this.options.faults.shouldThrottle({ service: service.signingName, operation: action, region })) {
      return fail(new ServiceError(service.throttlingCode, 'Rate exceeded'));
    }
    try {
      return queryResponse(service, action, requestId, handler(parameters, this.contextFor(region, caller, requestId, now)));
    } catch (error) {
      return fail(asServiceError(error, 'InternalFailure'));
    }
  }

  private restJsonRoute(request: IncomingRequest, url: URL): RoutedRestJson | undefined {
    const signed = request.headers.authorization !== undefined || url.searchParams.has('X-Amz-Credential');
    return signed ? undefined : this.restJsonRoutes.get(`${request.method} ${url.pathname}`);
  }

  private handleRestJson(request: IncomingRequest, url: URL, { service, route }: RoutedRestJson, requestId: string, now: number): SandboxResponse {
    const fail = (error: ServiceError): SandboxResponse => restJsonError(service, requestId, error);
    const region = this.options.state.sso.settings.region;
    if (service.throttling !== undefined && this.options.faults.shouldThrottle({ service: service.signingName, operation: route.operation, region })) {
      return fail(service.throttling());
    }
    try {
      const body = parseJsonBody(request.body);
      const output = route.handler({ body, query: url.searchParams, headers: request.headers }, this.contextFor(region, ANONYMOUS, requestId, now));
      return restJsonResponse(requestId, output);
    } catch (error) {
      return fail(asServiceError(error, 'InternalServerException'));
    }
  }

  private handleS3(request: IncomingRequest, url: URL, requestId: string, now: number): SandboxResponse {
    const signature = checkSignature(request.headers.authorization, url.searchParams);
    if (signature.kind === 'unsigned') return s3Error(requestId, S3_AUTH_ERRORS.missingAuthentication());
    if (signature.kind === 'malformed') return s3Error(requestId, S3_AUTH_ERRORS.incompleteSignature(signature.reason));
    try {
      this.authenticate(request, url, signature.scope, now, S3_AUTH_ERRORS);
    } catch (error) {
      return s3Error(requestId, asServiceError(error, 'InternalError'));
    }
    if (this.options.faults.shouldThrottle({ service: 's3', operation: request.method, region: signature.scope.region })) {
      return s3Error(requestId, new ServiceError('SlowDown', 'Please reduce your request rate.', 503));
    }
    return s3Error(requestId, s3NotImplemented());
  }

  /** The identity behind a signed request; the request time counts only when signed in a header. */
  private authenticate(request: IncomingRequest, url: URL, scope: CredentialScope, now: number, errors: AuthErrors): Caller {
    const headerSigned = request.headers.authorization !== undefined;
    return authenticate(
      this.options.state.identity,
      {
        accessKeyId: scope.accessKeyId,
        region: scope.region,
        requestTime: headerSigned ? request.headers['x-amz-date'] : undefined,
        sessionToken: request.headers['x-amz-security-token'] ?? url.searchParams.get('X-Amz-Security-Token') ?? undefined,
      },
      now,
      errors,
    );
  }

  private contextFor(region: string, caller: Caller, requestId: string, now: number): RequestContext {
    return {
      requestId,
      accountId: this.options.state.accountId,
      region,
      now,
      state: this.options.state.region(region),
      account: this.options.state,
      caller,
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

/** The body as JSON if it is JSON, for naming the resource in an access-denied message. */
function lenientJson(body: string): unknown {
  try {
    return JSON.parse(body) as unknown;
  } catch {
    return undefined;
  }
}

function asServiceError(error: unknown, internalCode: string): ServiceError {
  if (error instanceof ServiceError) return error;
  console.error('[sandbox] unexpected error', error);
  return new ServiceError(internalCode, 'The request processing has failed because of an unknown error.', 500);
}
