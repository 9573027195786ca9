/**
 * REST-XML as S3 speaks it, with S3's `<Error>` shape. Every request no other protocol takes is S3's.
 * S3's operations come in a later issue; until then no request names one, and every signed S3 request
 * is answered with `NotImplemented`.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxResponse } from '../core/context';
import { ServiceError } from '../core/errors';
import { escapeXml } from '../core/xml';
import type { AuthErrors } from '../identity/auth';
import { bindingsOf, type ServiceDefinition } from '../services/service';
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

export class RestXmlCodec implements Codec {
  readonly authErrors = S3_AUTH_ERRORS;
  readonly internalErrorCode = 'InternalError';
  private readonly service: ServiceDefinition | undefined;

  constructor(services: readonly ServiceDefinition[]) {
    this.service = services.find((service) => bindingsOf(service, 'restXml').length > 0);
  }

  parse(): Call {
    return { service: this.service, operation: '', input: undefined };
  }

  unknownOperation(): ServiceError {
    return new ServiceError('NotImplemented', 'A header you provided implies functionality that is not implemented', 501);
  }

  /** S3's operations, and the shape of their output, come in a later issue. */
  respond(): SandboxResponse {
    throw new Error('S3 has no operations to respond for yet');
  }

  fail(_call: Call, requestId: string, error: ServiceError): SandboxResponse {
    const hostId = randomBytes(32).toString('base64');
    const extra = Object.entries(error.fields)
      .map(([name, value]) => `<${name}>${escapeXml(String(value))}</${name}>`)
      .join('');
    const body =
      '<?xml version="1.0" encoding="UTF-8"?>' +
      `<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>${extra}` +
      `<RequestId>${escapeXml(requestId)}</RequestId><HostId>${escapeXml(hostId)}</HostId></Error>`;
    return {
      status: error.status,
      headers: { 'Content-Type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': hostId },
      body,
    };
  }
}
