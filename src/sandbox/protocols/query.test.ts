import { describe, expect, it } from 'vitest';
import type { IncomingRequest } from '../core/context';
import { ServiceError } from '../core/errors';
import { checkSignature, type SignatureCheck } from '../core/sigv4';
import type { ServiceDefinition } from '../services/service';
import { QueryCodec } from './query';

const NAMESPACE = 'https://fake.amazonaws.com/doc/2020-01-01/';
const FAKE: ServiceDefinition = {
  name: 'fake',
  signingName: 'fake',
  protocols: [{ protocol: 'query', version: '2020-01-01', xmlNamespace: NAMESPACE }],
  operations: {},
  unsignedOperations: ['SignIn'],
};
const codec = new QueryCodec([FAKE]);

const SIGNED = checkSignature('AWS4-HMAC-SHA256 Credential=AKID/20250115/us-east-1/fake/aws4_request, SignedHeaders=host, Signature=00', new URLSearchParams());
const UNSIGNED: SignatureCheck = { kind: 'unsigned' };

function post(body: string, url = '/'): IncomingRequest {
  return { method: 'POST', url, headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8' }, body };
}

function callOf(incoming: IncomingRequest, signature: SignatureCheck = SIGNED) {
  const call = codec.parse(incoming, new URL(incoming.url, 'http://sandbox.invalid'), signature);
  if (call === undefined) throw new Error('expected a query call');
  return call;
}

describe('query codec', () => {
  it('takes form posts and requests with Action in the URL, and reads their parameters', () => {
    const json: IncomingRequest = { method: 'POST', url: '/', headers: { 'content-type': 'application/json' }, body: '{}' };
    expect(codec.parse(json, new URL('http://sandbox.invalid/'), SIGNED)).toBeUndefined();
    const call = callOf(post('Action=DoThing&Name=a+b', '/?Version=2020-01-01'));
    expect([call.service, call.operation, call.parameters.get('Name'), call.parameters.get('Version')]).toEqual([FAKE, 'DoThing', 'a b', '2020-01-01']);
    const get = callOf({ method: 'GET', url: '/?Action=DoThing', headers: {}, body: 'Ignored=1' });
    expect([get.operation, get.parameters.has('Ignored')]).toEqual(['DoThing', false]);
  });

  it('finds the service by the credential scope, or for an unsigned request by the operation it takes unsigned', () => {
    expect(callOf(post('Action=SignIn'), UNSIGNED).service).toBe(FAKE);
    expect(callOf(post('Action=DoThing'), UNSIGNED).service).toBeUndefined();
    expect(callOf(post('Action=DoThing'), { kind: 'malformed', reason: 'x' }).service).toBeUndefined();
    const otherScope = checkSignature('AWS4-HMAC-SHA256 Credential=AKID/20250115/us-east-1/sns/aws4_request, SignedHeaders=host, Signature=00', new URLSearchParams());
    expect(callOf(post('Action=DoThing'), otherScope).service).toBeUndefined();
  });

  it('names a missing or unknown action as AWS does', () => {
    expect(codec.unknownOperation(callOf(post('Version=2020-01-01')))).toMatchObject({ code: 'MissingAction', message: 'Missing Action' });
    expect(codec.unknownOperation(callOf(post('Action=Nope&Version=1999-01-01'))).message).toBe('Could not find operation Nope for version 1999-01-01');
    expect(codec.unknownOperation(callOf(post('Action=Nope'))).message).toBe('Could not find operation Nope for version 2020-01-01');
  });

  it('writes the result inside <OpResponse><OpResult>, with the request ID in ResponseMetadata', () => {
    expect(codec.respond(callOf(post('Action=DoThing')), 'req-1', '<Answer>42</Answer>')).toEqual({
      status: 200,
      headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': 'req-1' },
      body:
        `<DoThingResponse xmlns="${NAMESPACE}"><DoThingResult><Answer>42</Answer></DoThingResult>` +
        '<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></DoThingResponse>',
    });
  });

  it('writes errors as <ErrorResponse>, Sender or Receiver, in the service’s namespace when it is known', () => {
    const error = new ServiceError('ValidationError', "Value '<x>' is invalid");
    expect(codec.fail(callOf(post('Action=DoThing')), 'req-2', error)).toEqual({
      status: 400,
      headers: { 'Content-Type': 'text/xml', 'x-amzn-RequestId': 'req-2' },
      body:
        `<ErrorResponse xmlns="${NAMESPACE}"><Error><Type>Sender</Type><Code>ValidationError</Code>` +
        '<Message>Value &apos;&lt;x&gt;&apos; is invalid</Message></Error><RequestId>req-2</RequestId></ErrorResponse>',
    });
    const unknown = codec.fail(callOf(post('Action=DoThing'), UNSIGNED), 'req-3', codec.authErrors.missingAuthentication());
    expect([unknown.status, unknown.body]).toEqual([
      403,
      '<ErrorResponse><Error><Type>Sender</Type><Code>MissingAuthenticationToken</Code><Message>Request is missing Authentication Token</Message></Error><RequestId>req-3</RequestId></ErrorResponse>',
    ]);
    expect(codec.fail(callOf(post('Action=DoThing')), 'req-4', new ServiceError('InternalFailure', 'boom', 500)).body).toContain('<Type>Receiver</Type>');
  });
});

describe('query codec with the service model (structured operations)', () => {
  const STRUCTURED: ServiceDefinition = {
    name: 'structured',
    signingName: 'structured',
    protocols: [
      {
        protocol: 'query',
        version: '2010-08-01',
        xmlNamespace: NAMESPACE,
        shapes: {
          operations: { List: { input: 'ListInput', output: 'ListOutput' }, Put: { input: 'ListInput' } },
          shapes: {
            ListInput: { type: 'structure', members: { Names: 'Names', Limit: 'integer' } },
            ListOutput: { type: 'structure', members: { Names: 'Names', NextToken: 'string' } },
            Names: { type: 'list', member: 'string' },
          },
        },
      },
    ],
    operations: {},
  };
  const structured = new QueryCodec([STRUCTURED]);
  const scope = checkSignature('AWS4-HMAC-SHA256 Credential=AKID/20250115/us-east-1/structured/aws4_request, SignedHeaders=host, Signature=00', new URLSearchParams());
  const parse = (body: string) => structured.parse(post(body), new URL('http://sandbox.invalid/'), scope)!;

  it('gives the operation the same input object as JSON, and writes its output object as XML', () => {
    const call = parse('Action=List&Version=2010-08-01&Names.member.1=a&Names.member.2=b&Limit=5');
    expect(call.input).toEqual({ Names: ['a', 'b'], Limit: 5 });
    expect(structured.respond(call, 'req-1', { Names: ['a'], NextToken: 't' }).body).toBe(
      `<ListResponse xmlns="${NAMESPACE}"><ListResult><Names><member>a</member></Names><NextToken>t</NextToken></ListResult>` +
        `<ResponseMetadata><RequestId>req-1</RequestId></ResponseMetadata></ListResponse>`,
    );
  });

  it('writes no Result element for an operation without output', () => {
    expect(structured.respond(parse('Action=Put'), 'req-2', undefined).body).toBe(
      `<PutResponse xmlns="${NAMESPACE}"><ResponseMetadata><RequestId>req-2</RequestId></ResponseMetadata></PutResponse>`,
    );
  });

  it('keeps a parameter of the wrong type as the error to answer after authentication', () => {
    expect(parse('Action=List&Limit=many').inputError).toMatchObject({ code: 'InvalidParameterValue', message: 'The value many for parameter Limit is invalid.' });
  });
});
