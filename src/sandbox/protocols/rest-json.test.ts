import { describe, expect, it } from 'vitest';
import type { IncomingRequest } from '../core/context';
import { ServiceError } from '../core/errors';
import { checkSignature, type SignatureCheck } from '../core/sigv4';
import type { ServiceDefinition } from '../services/service';
import { RestJsonCodec } from './rest-json';

const PLAIN: ServiceDefinition = {
  name: 'plain',
  signingName: 'plain',
  protocols: [{ protocol: 'restJson', coralNamespace: 'com.example.plain', routes: { 'POST /token': 'CreateToken' } }],
  operations: {},
};
const TYPED: ServiceDefinition = {
  name: 'typed',
  signingName: 'typed',
  protocols: [{ protocol: 'restJson', coralNamespace: 'com.example.typed', typeNamespace: 'com.example.typed', routes: { 'GET /things': 'ListThings' } }],
  operations: {},
};
const codec = new RestJsonCodec([PLAIN, TYPED]);
const UNSIGNED: SignatureCheck = { kind: 'unsigned' };

function parse(incoming: IncomingRequest, signature = UNSIGNED) {
  return codec.parse(incoming, new URL(incoming.url, 'http://sandbox.invalid'), signature);
}

function callOf(incoming: IncomingRequest) {
  const call = parse(incoming);
  if (call === undefined) throw new Error('expected a REST-JSON call');
  return call;
}

describe('REST-JSON codec', () => {
  it('takes only unsigned requests to a route, reading the body, the query string and the headers', () => {
    const call = callOf({ method: 'GET', url: '/things?max_result=2', headers: { 'x-token': 't' }, body: '' });
    expect([call.service, call.operation, call.input]).toEqual([TYPED, 'ListThings', { body: {}, query: new URLSearchParams('max_result=2'), headers: { 'x-token': 't' } }]);
    expect(parse({ method: 'GET', url: '/token', headers: {}, body: '' })).toBeUndefined();
    const signed = checkSignature('AWS4-HMAC-SHA256 Credential=AKID/20250115/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00', new URLSearchParams());
    expect(parse({ method: 'POST', url: '/token', headers: {}, body: '' }, signed)).toBeUndefined();
  });

  it('keeps a body that is not JSON as the SerializationException to answer later', () => {
    const call = callOf({ method: 'POST', url: '/token', headers: {}, body: '{' });
    expect([call.input, call.inputError?.code]).toEqual([undefined, 'SerializationException']);
  });

  it('writes output as JSON, and no body for operations without output', () => {
    const call = callOf({ method: 'POST', url: '/token', headers: {}, body: '' });
    expect(codec.respond(call, 'req-1', { accessToken: 'a' })).toEqual({
      status: 200,
      headers: { 'Content-Type': 'application/json', 'x-amzn-RequestId': 'req-1' },
      body: '{"accessToken":"a"}',
    });
    expect(codec.respond(call, 'req-1', undefined).body).toBe('');
  });

  it('names the error in x-amzn-ErrorType; the body has the message and fields, and __type where the service has one', () => {
    const oauth = new ServiceError('AuthorizationPendingException', undefined, 400, { error: 'authorization_pending', error_description: 'pending' });
    expect(codec.fail(callOf({ method: 'POST', url: '/token', headers: {}, body: '' }), 'req-2', oauth)).toEqual({
      status: 400,
      headers: {
        'Content-Type': 'application/json',
        'x-amzn-RequestId': 'req-2',
        'x-amzn-ErrorType': 'AuthorizationPendingException:http://internal.amazon.com/coral/com.example.plain/',
      },
      body: '{"error":"authorization_pending","error_description":"pending"}',
    });
    const unauthorized = codec.fail(callOf({ method: 'GET', url: '/things', headers: {}, body: '' }), 'req-3', new ServiceError('UnauthorizedException', 'No', 401));
    expect([unauthorized.status, JSON.parse(unauthorized.body)]).toEqual([401, { message: 'No', __type: 'com.example.typed#UnauthorizedException' }]);
  });
});
