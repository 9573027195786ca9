/**
 * REST-XML as S3 speaks it, with S3's `<Error>` shape. Every request no other protocol takes is S3's: the
 * service's binding reads which operation it names and its input; operations answer with a status,
 * headers and a body (XML text or an object's bytes).
 */
import { randomBytes } from 'node:crypto';
import type { IncomingRequest, SandboxResponse } from '../core/context';
import { ServiceError } from '../core/errors';
import { escapeXml } from '../core/xml';
import type { AuthErrors } from '../identity/auth';
import { bindingsOf, type RestXmlBinding, type ServiceDefinition } from '../services/service';
import type { Call, Codec } from './codec';

function accessDenied(): ServiceError {
  return new ServiceError('AccessDenied', 'Access Denied', 403);
}

/** How S3 refuses requests it cannot authenticate or authorize. */
export const S3_AUTH_ERRORS: AuthErrors = {
  maxSkewMinutes: 15,
  requestTimeSkewed: (_message, times) =>
    new ServiceError('RequestTimeTooSkewed', 'The difference between the request time and the current time is too large.', 403, {
      RequestTime: times.requestTime,
      ServerTime: times.serverTime,
      MaxAllowedSkewMilliseconds: '900000',
    }),
  missingAuthentication: accessDenied,
  incompleteSignature: (message) => new ServiceError('AuthorizationHeaderMalformed', message),
  invalidAccessKey: () => new ServiceError('InvalidAccessKeyId', 'The AWS Access Key Id you provided does not exist in our records.', 403),
  expiredToken: () => new ServiceError('ExpiredToken', 'The provided token has expired.'),
  accessDenied,
};

/** An S3 error that also sets response headers (`x-amz-bucket-region` on a redirect). */
export class RestXmlError extends ServiceError {
  constructor(
    code: string,
    message: string,
    status: number,
    fields: Readonly<Record<string, unknown>>,
    readonly headers: Readonly<Record<string, string>>,
  ) {
    super(code, message, status, fields);
  }
}

/** What a REST-XML operation answers. */
export interface RestXmlOutput {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Uint8Array;
}

interface RestXmlCall extends Call {
  /** HEAD answers carry no body, errors included. */
  readonly head: boolean;
}

export class RestXmlCodec implements Codec<RestXmlCall> {
  readonly authErrors = S3_AUTH_ERRORS;
  readonly internalErrorCode = 'InternalError';
  private readonly service: ServiceDefinition | undefined;
  private readonly binding: RestXmlBinding | undefined;

  constructor(services: readonly ServiceDefinition[]) {
    this.service = services.find((service) => bindingsOf(service, 'restXml').length > 0);
    this.binding = this.service === undefined ? undefined : bindingsOf(this.service, 'restXml')[0];
  }

  parse(request: IncomingRequest, url: URL): RestXmlCall {
    const head = request.method.toUpperCase() === 'HEAD';
    if (this.binding === undefined) return { service: this.service, operation: '', input: undefined, head };
    const read = this.binding.read(request, url);
    return { service: this.service, operation: read.operation, input: read.input, head, ...(read.inputError === undefined ? {} : { inputError: read.inputError }) };
  }

  unknownOperation(): ServiceError {
    return new ServiceError('NotImplemented', 'A header you provided implies functionality that is not implemented', 501);
  }

  respond(call: RestXmlCall, requestId: string, output: unknown): SandboxResponse {
    const { status = 200, headers = {}, body = '' } = (output ?? {}) as RestXmlOutput;
    const ids = { 'x-amz-request-id': requestId, 'x-amz-id-2': randomBytes(32).toString('base64') };
    if (call.head || typeof body === 'string') return { status, headers: { ...headers, ...ids }, body: call.head ? '' : (body as string) };
    return { status, headers: { ...headers, ...ids }, body: '', bytes: body };
  }

  fail(call: RestXmlCall, requestId: string, error: ServiceError): SandboxResponse {
    const hostId = randomBytes(32).toString('base64');
    const extra = Object.entries(error.fields)
      .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
      .join('');
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>' +
      `<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>${extra}` +
      `<RequestId>${escapeXml(requestId)}</RequestId><HostId>${escapeXml(hostId)}</HostId></Error>`;
    const headers = error instanceof RestXmlError ? error.headers : {};
    return {
      status: error.status,
      headers: { 'Content-Type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': hostId, ...headers },
      body: call.head ? '' : body,
    };
  }
}
