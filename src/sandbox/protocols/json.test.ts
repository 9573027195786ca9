import { EventStreamCodec } from '@smithy/core/event-streams';
import { fromUtf8, toUtf8 } from '@smithy/core/serde';
import { describe, expect, it, vi } from 'vitest';
import type { IncomingRequest, StreamingBody } from '../core/context';
import { ServiceError } from '../core/errors';
import { EventStreamOutput, type StreamMessage } from '../core/event-stream-output';
import type { ServiceDefinition } from '../services/service';
import { JsonCodec } from './json';

const FAKE: ServiceDefinition = { name: 'fake', signingName: 'fake', protocols: [{ protocol: 'awsJson', version: '1.0', targetPrefix: 'Fake_2020' }], operations: {} };
const codec = new JsonCodec([FAKE]);

function request(target: string | undefined, body: string, contentType = 'application/x-amz-json-1.1'): IncomingRequest {
  return { method: 'POST', url: '/', headers: { 'content-type': contentType, 'x-amz-target': target }, body };
}

function callOf(target: string, body = '{}', contentType?: string) {
  const call = codec.parse(request(target, body, contentType));
  if (call === undefined) throw new Error('expected a JSON call');
  return call;
}

describe('AWS JSON codec', () => {
  it('takes only requests with X-Amz-Target, and reads the service, the operation and the body', () => {
    expect(codec.parse(request(undefined, '{}'))).toBeUndefined();
    expect(callOf('Fake_2020.DoThing', '{"a":1}')).toEqual({ service: FAKE, operation: 'DoThing', input: { a: 1 }, contentType: 'application/x-amz-json-1.0' });
    expect(callOf('Fake_2020.DoThing', ' ').input).toEqual({});
  });

  it('answers a target no service has in the request’s own JSON version', () => {
    expect(callOf('DynamoDB_20120810.ListTables', '{}', 'application/x-amz-json-1.0')).toMatchObject({
      service: undefined,
      operation: 'ListTables',
      contentType: 'application/x-amz-json-1.0',
    });
    expect(callOf('NoDot', '{}', 'text/plain')).toMatchObject({ service: undefined, operation: '', contentType: 'application/x-amz-json-1.1' });
  });

  it('keeps a body that is not JSON as the SerializationException to answer later', () => {
    const call = callOf('Fake_2020.DoThing', '{"limit": ');
    expect(call.input).toBeUndefined();
    expect(call.inputError).toMatchObject({ code: 'SerializationException', status: 400 });
    expect(call.inputError?.message).toMatch(/^The request body is not valid JSON: /);
  });

  it('writes output as JSON, and no body for operations without output', () => {
    const call = callOf('Fake_2020.DoThing');
    expect(codec.respond(call, 'req-1', { groups: [] })).toEqual({
      status: 200,
      headers: { 'Content-Type': 'application/x-amz-json-1.0', 'x-amzn-RequestId': 'req-1' },
      body: '{"groups":[]}',
    });
    expect(codec.respond(call, 'req-1', undefined).body).toBe('');
  });

  it('writes errors as {"__type", "message", …fields} with their status; UnknownOperationException has no message', () => {
    const call = callOf('Logs_20140328.PutLogEvents');
    const error = new ServiceError('InvalidSequenceTokenException', 'The given sequenceToken is invalid.', 400, { expectedSequenceToken: '2' });
    expect(codec.fail(call, 'req-2', error)).toEqual({
      status: 400,
      headers: { 'Content-Type': 'application/x-amz-json-1.1', 'x-amzn-RequestId': 'req-2' },
      body: '{"__type":"InvalidSequenceTokenException","message":"The given sequenceToken is invalid.","expectedSequenceToken":"2"}',
    });
    expect(JSON.parse(codec.fail(call, 'req-3', codec.unknownOperation()).body)).toEqual({ __type: 'UnknownOperationException' });
    const unsigned = codec.fail(call, 'req-4', codec.authErrors.missingAuthentication());
    expect([unsigned.status, JSON.parse(unsigned.body)]).toEqual([403, { __type: 'MissingAuthenticationTokenException', message: 'Missing Authentication Token' }]);
  });
});

/** Reads a whole streaming body and decodes each chunk (one message per chunk) with the AWS SDK's decoder. */
async function decodeAll(stream: StreamingBody | undefined, signal = new AbortController().signal): Promise<{ headers: Record<string, string>; payload: unknown }[]> {
  if (stream === undefined) throw new Error('expected a streaming body');
  const decoder = new EventStreamCodec(toUtf8, fromUtf8);
  const messages: { headers: Record<string, string>; payload: unknown }[] = [];
  for await (const chunk of stream.open(signal)) {
    const { headers, body } = decoder.decode(chunk);
    messages.push({
      headers: Object.fromEntries(Object.entries(headers).map(([name, header]) => [name, String(header.value)])),
      payload: JSON.parse(toUtf8(body)),
    });
  }
  return messages;
}

function output(messages: readonly StreamMessage[], failure?: Error): EventStreamOutput {
  return new EventStreamOutput(async function* () {
    yield* messages;
    if (failure !== undefined) throw failure;
  }, 'SessionStreamingException');
}

describe('AWS JSON codec: event streams', () => {
  const call = () => callOf('Logs_20140328.StartLiveTail');

  it('answers with application/vnd.amazon.eventstream: initial-response first, then events and a closing exception', async () => {
    const response = codec.respond(call(), 'req-5', output([
      { kind: 'event', type: 'sessionStart', payload: { sessionId: 's-1' } },
      { kind: 'event', type: 'sessionUpdate', payload: { sessionResults: [] } },
      { kind: 'exception', type: 'SessionTimeoutException', message: 'Session timed out.' },
    ]));
    expect(response).toMatchObject({
      status: 200,
      headers: { 'Content-Type': 'application/vnd.amazon.eventstream', 'x-amzn-RequestId': 'req-5' },
      body: '',
    });
    expect(await decodeAll(response.stream)).toEqual([
      { headers: { ':message-type': 'event', ':event-type': 'initial-response', ':content-type': 'application/json' }, payload: {} },
      { headers: { ':message-type': 'event', ':event-type': 'sessionStart', ':content-type': 'application/json' }, payload: { sessionId: 's-1' } },
      { headers: { ':message-type': 'event', ':event-type': 'sessionUpdate', ':content-type': 'application/json' }, payload: { sessionResults: [] } },
      {
        headers: { ':message-type': 'exception', ':exception-type': 'SessionTimeoutException', ':content-type': 'application/json' },
        payload: { message: 'Session timed out.' },
      },
    ]);
  });

  it('ends an operation that fails mid-stream with its internal-error exception', async () => {
    const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
    const response = codec.respond(call(), 'req-6', output([{ kind: 'event', type: 'sessionStart', payload: {} }], new Error('boom')));
    const messages = await decodeAll(response.stream);
    expect(messages.at(-1)).toEqual({
      headers: { ':message-type': 'exception', ':exception-type': 'SessionStreamingException', ':content-type': 'application/json' },
      payload: { message: 'An internal error occurred during the streaming session.' },
    });
    expect(quiet).toHaveBeenCalledOnce();
    quiet.mockRestore();
  });

  it('just ends when the client went away', async () => {
    const stop = new AbortController();
    stop.abort();
    const response = codec.respond(call(), 'req-7', output([], new Error('aborted')));
    expect((await decodeAll(response.stream, stop.signal)).map((message) => message.headers[':event-type'])).toEqual(['initial-response']);
  });
});

describe('AWS JSON for a query-compatible service', () => {
  const compatible: ServiceDefinition = {
    ...FAKE,
    protocols: [{ protocol: 'awsJson', version: '1.0', targetPrefix: 'Compat_2010' }],
    awsQueryCompatible: { shapeNamespace: 'com.amazonaws.compat', errorShapes: { ResourceNotFound: 'DashboardNotFoundError' } },
  };
  const compatCodec = new JsonCodec([compatible]);
  const call = compatCodec.parse(request('Compat_2010.GetThing', '{}', 'application/x-amz-json-1.0'))!;

  it('writes Dates as epoch seconds', () => {
    expect(compatCodec.respond(call, 'r', { At: new Date(1_700_000_000_250), N: 1 }).body).toBe('{"At":1700000000.25,"N":1}');
  });

  it('names the error shape in __type and the query code in x-amzn-query-error', () => {
    const modeled = compatCodec.fail(call, 'r', new ServiceError('ResourceNotFound', 'Dashboard x does not exist', 404));
    expect(modeled.headers['x-amzn-query-error']).toBe('ResourceNotFound;Sender');
    expect(JSON.parse(modeled.body)).toEqual({ __type: 'com.amazonaws.compat#DashboardNotFoundError', message: 'Dashboard x does not exist' });
    const unmodeled = compatCodec.fail(call, 'r', new ServiceError('Throttling', 'Rate exceeded'));
    expect(JSON.parse(unmodeled.body)).toEqual({ __type: 'Throttling', message: 'Rate exceeded' });
    expect(unmodeled.headers['x-amzn-query-error']).toBe('Throttling;Sender');
  });
});
