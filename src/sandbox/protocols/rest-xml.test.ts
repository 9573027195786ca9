import { describe, expect, it } from 'vitest';
import { ServiceError } from '../core/errors';
import { s3 } from '../services/s3';
import { RestXmlCodec, S3_AUTH_ERRORS } from './rest-xml';

const codec = new RestXmlCodec([s3]);

describe('REST-XML codec (S3)', () => {
  it('takes every request for S3, naming no operation yet: NotImplemented', () => {
    expect(codec.parse()).toEqual({ service: s3, operation: '', input: undefined });
    expect(codec.unknownOperation()).toMatchObject({ code: 'NotImplemented', status: 501 });
  });

  it('writes errors as S3’s <Error>, with extra fields, the request ID and a host ID', () => {
    const skewed = S3_AUTH_ERRORS.requestTimeSkewed('ignored', { requestTime: '20250115T110000Z', serverTime: '20250115T120000Z' });
    const response = codec.fail(codec.parse(), 'req-1', skewed);
    const hostId = response.headers['x-amz-id-2'] ?? '';
    expect(hostId).toMatch(/^[A-Za-z0-9+/]{43}=$/);
    expect(response).toEqual({
      status: 403,
      headers: { 'Content-Type': 'application/xml', 'x-amz-request-id': 'req-1', 'x-amz-id-2': hostId },
      body:
        '<?xml version="1.0" encoding="UTF-8"?><Error><Code>RequestTimeTooSkewed</Code>' +
        '<Message>The difference between the request time and the current time is too large.</Message>' +
        '<RequestTime>20250115T110000Z</RequestTime><ServerTime>20250115T120000Z</ServerTime><MaxAllowedSkewMilliseconds>900000</MaxAllowedSkewMilliseconds>' +
        `<RequestId>req-1</RequestId><HostId>${hostId}</HostId></Error>`,
    });
  });

  it('refuses anonymous requests with AccessDenied and bad signatures with AuthorizationHeaderMalformed', () => {
    expect(S3_AUTH_ERRORS.missingAuthentication()).toMatchObject({ code: 'AccessDenied', message: 'Access Denied', status: 403 });
    expect(S3_AUTH_ERRORS.incompleteSignature('bad')).toMatchObject({ code: 'AuthorizationHeaderMalformed', status: 400 });
    expect(codec.fail(codec.parse(), 'req-2', new ServiceError('InternalError', 'x & y', 500)).body).toContain('<Message>x &amp; y</Message>');
  });
});
