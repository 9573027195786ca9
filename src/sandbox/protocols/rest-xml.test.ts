import { describe, expect, it } from 'vitest';
import type { IncomingRequest } from '../core/context';
import { ServiceError } from '../core/errors';
import { s3 } from '../services/s3';
import { RestXmlCodec, RestXmlError, S3_AUTH_ERRORS } from './rest-xml';

const codec = new RestXmlCodec([s3]);

function parse(method: string, path: string, headers: Record<string, string> = {}, body = ''): ReturnType<RestXmlCodec['parse']> {
  const request: IncomingRequest = { method, url: path, headers: { host: '127.0.0.1:4566', ...headers }, body };
  return codec.parse(request, new URL(path, 'http://sandbox.invalid'));
}

describe('REST-XML codec (S3)', () => {
  it('names the operation from method, path and subresource; what it does not implement names none', () => {
    expect(parse('GET', '/').operation).toBe('ListBuckets');
    expect(parse('PUT', '/b').operation).toBe('CreateBucket');
    expect(parse('PUT', '/b?policy').operation).toBe('PutBucketPolicy');
    expect(parse('GET', '/b?list-type=2&prefix=a').operation).toBe('ListObjectsV2');
    expect(parse('GET', '/b?location').operation).toBe('GetBucketLocation');
    expect(parse('HEAD', '/b/k').operation).toBe('HeadObject');
    expect(parse('PUT', '/b/k', { 'x-amz-copy-source': '/a/k' }).operation).toBe('');
    expect(parse('GET', '/b?versioning').operation).toBe('');
    expect(codec.unknownOperation()).toMatchObject({ code: 'NotImplemented', status: 501 });
  });

  it('reads the payload out of aws-chunked uploads, and refuses broken framing', () => {
    const chunked = '5;chunk-signature=abc\r\nhello\r\n0;chunk-signature=def\r\n\r\n';
    const call = parse('PUT', '/b/k', { 'content-encoding': 'aws-chunked', 'x-amz-content-sha256': 'STREAMING-AWS4-HMAC-SHA256-PAYLOAD' }, chunked);
    expect((call.input as { body: Buffer }).body.toString()).toBe('hello');
    expect(parse('PUT', '/b/k', { 'content-encoding': 'aws-chunked' }, 'zz\r\n').inputError?.code).toBe('IncompleteBody');
  });

  it('writes errors as S3’s <Error>, with extra fields, the request ID and a host ID', () => {
    const skewed = S3_AUTH_ERRORS.requestTimeSkewed('ignored', { requestTime: '20250115T110000Z', serverTime: '20250115T120000Z' });
    const response = codec.fail(parse('GET', '/'), 'req-1', skewed);
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

  it('answers HEAD without a body, and names the bucket’s region in a header', () => {
    const wrongRegion = new RestXmlError('PermanentRedirect', 'elsewhere', 301, { Bucket: 'b' }, { 'x-amz-bucket-region': 'eu-west-1' });
    const response = codec.fail(parse('HEAD', '/b'), 'req-3', wrongRegion);
    expect(response.body).toBe('');
    expect(response.headers['x-amz-bucket-region']).toBe('eu-west-1');
  });

  it('refuses anonymous requests with AccessDenied and bad signatures with AuthorizationHeaderMalformed', () => {
    expect(S3_AUTH_ERRORS.missingAuthentication()).toMatchObject({ code: 'AccessDenied', message: 'Access Denied', status: 403 });
    expect(S3_AUTH_ERRORS.incompleteSignature('bad')).toMatchObject({ code: 'AuthorizationHeaderMalformed', status: 400 });
    expect(codec.fail(parse('GET', '/'), 'req-2', new ServiceError('InternalError', 'x & y', 500)).body).toContain('<Message>x &amp; y</Message>');
  });
});
