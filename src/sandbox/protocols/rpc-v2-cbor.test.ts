import { decode, encode } from 'cbor2';
import { describe, expect, it } from 'vitest';
import type { IncomingRequest } from '../core/context';
import { ServiceError } from '../core/errors';
import type { ServiceDefinition } from '../services/service';
import { RpcV2CborCodec } from './rpc-v2-cbor';

const FAKE: ServiceDefinition = {
  name: 'fake',
  signingName: 'fake',
  protocols: [{ protocol: 'rpcV2Cbor', serviceName: 'FakeService' }],
  operations: {},
  awsQueryCompatible: { shapeNamespace: 'com.amazonaws.fake', errorShapes: { InvalidParameterValue: 'InvalidParameterValueException' } },
};
const codec = new RpcV2CborCodec([FAKE]);

function request(path: string, body: unknown, headers: Record<string, string> = { 'smithy-protocol': 'rpc-v2-cbor' }): IncomingRequest {
  const bytes = body === undefined ? new Uint8Array() : encode(body);
  return { method: 'POST', url: path, headers: { 'content-type': 'application/cbor', ...headers }, body: '', bytes };
}

function parse(incoming: IncomingRequest) {
  return codec.parse(incoming, new URL(incoming.url, 'http://sandbox.invalid'));
}

describe('RPC v2 CBOR codec', () => {
  it('takes only requests with the smithy-protocol header, and reads service, operation and input', () => {
    expect(parse(request('/service/FakeService/operation/DoThing', {}, {}))).toBeUndefined();
    const call = parse(request('/service/FakeService/operation/DoThing', { Name: 'x', StartTime: new Date(1_700_000_000_500), Items: [1.5] }));
    expect(call).toMatchObject({ service: FAKE, operation: 'DoThing', input: { Name: 'x', StartTime: 1_700_000_000.5, Items: [1.5] } });
    expect(parse(request('/service/FakeService/operation/DoThing', undefined))?.input).toEqual({});
    expect(parse(request('/service/Other/operation/DoThing', {}))?.service).toBeUndefined();
  });

  it('reports a body that is not CBOR after the chain, as a serialization error', () => {
    const call = parse({ method: 'POST', url: '/service/FakeService/operation/DoThing', headers: { 'smithy-protocol': 'rpc-v2-cbor' }, body: '', bytes: Uint8Array.of(0xff, 0x00) });
    expect(call?.inputError?.code).toBe('SerializationException');
  });

  it('answers in CBOR with timestamps as tag 1 and no undefined members', () => {
    const call = parse(request('/service/FakeService/operation/DoThing', {}))!;
    const response = codec.respond(call, 'req-1', { When: new Date(1_700_000_000_000), Gone: undefined, Values: [1, 2.5] });
    expect(response.headers).toMatchObject({ 'Content-Type': 'application/cbor', 'smithy-protocol': 'rpc-v2-cbor' });
    const bytes = Buffer.from(response.bytes!);
    // Tag 1 (0xc1) before the epoch seconds.
    expect(bytes.includes(0xc1)).toBe(true);
    expect(decode(bytes)).toEqual({ When: new Date(1_700_000_000_000), Values: [1, 2.5] });
  });

  it("names a query-compatible service's errors by shape, with the query code in x-amzn-query-error", () => {
    const call = parse(request('/service/FakeService/operation/DoThing', {}))!;
    const failed = codec.fail(call, 'req-2', new ServiceError('InvalidParameterValue', 'Bad value.'));
    expect(failed.status).toBe(400);
    expect(failed.headers['x-amzn-query-error']).toBe('InvalidParameterValue;Sender');
    expect(decode(Buffer.from(failed.bytes!))).toEqual({ __type: 'com.amazonaws.fake#InvalidParameterValueException', message: 'Bad value.' });
    const internal = codec.fail(call, 'req-3', new ServiceError('InternalServiceError', 'Oops.', 500));
    expect(internal.headers['x-amzn-query-error']).toBe('InternalServiceError;Receiver');
    expect(decode(Buffer.from(internal.bytes!))).toMatchObject({ __type: 'InternalServiceError' });
  });
});
