/**
 * The AWS JSON 1.0 / 1.1 protocols: `POST /` with `X-Amz-Target: <prefix>.<Operation>` and a JSON body;
 * errors are `{"__type": "<Code>", "message": "…"}` with the error's HTTP status.
 */
import type { IncomingRequest, SandboxResponse } from '../core/context';
import { serializationError, ServiceError } from '../core/errors';
import { EventStreamOutput } from '../core/event-stream-output';
import type { AuthErrors } from '../identity/auth';
import { bindingsOf, queryCompatibleError, type Operation, type ServiceDefinition } from '../services/service';
import type { Call, Codec } from './codec';
import { encodeEventStreamMessage } from './event-stream';

/**
 * Takes the parsed JSON body; returns the output structure, undefined for operations without output, or
 * an `EventStreamOutput` for operations that stream their output.
 */
export type JsonOperation = Operation<unknown, object | undefined>;

/** What AWS answers an operation with when its output is an event stream. */
export const EVENT_STREAM_CONTENT_TYPE = 'application/vnd.amazon.eventstream';

type JsonContentType = 'application/x-amz-json-1.0' | 'application/x-amz-json-1.1';

/**
 * How AWS JSON services refuse requests they cannot authenticate or authorize, in CloudWatch Logs' words
 * (HTTP 400 but for a missing signature; a 5-minute window for the request time).
 */
export const JSON_AUTH_ERRORS: AuthErrors = {
  maxSkewMinutes: 5,
  requestTimeSkewed: (message) => new ServiceError('InvalidSignatureException', message),
  missingAuthentication: () => new ServiceError('MissingAuthenticationTokenException', 'Missing Authentication Token', 403),
  incompleteSignature: (message) => new ServiceError('IncompleteSignatureException', message),
  invalidAccessKey: () => new ServiceError('UnrecognizedClientException', 'The security token included in the request is invalid.'),
  expiredToken: () => new ServiceError('ExpiredTokenException', 'The security token included in the request is expired'),
  accessDenied: (message) => new ServiceError('AccessDeniedException', message),
};

interface JsonCall extends Call {
  readonly contentType: JsonContentType;
}

/**
 * JSON with AWS JSON's timestamps: a `Date` in an output is written as epoch seconds (operations of services
 * that share their outputs with the query and CBOR protocols, CloudWatch, return `Date`s).
 */
export function stringifyAwsJson(value: unknown): string {
  return JSON.stringify(datesAsEpochSeconds(value));
}

/** A copy of a JSON-ready value with each `Date` as epoch seconds (faster than a JSON.stringify replacer). */
function datesAsEpochSeconds(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) {
    if (value.length === 0 || typeof value[0] === 'number' || typeof value[0] === 'string') return value;
    return value.map(datesAsEpochSeconds);
  }
  if (value !== null && typeof value === 'object') {
    const copy: Record<string, unknown> = {};
    for (const key in value) copy[key] = datesAsEpochSeconds((value as Record<string, unknown>)[key]);
    return copy;
  }
  return value;
}

export class JsonCodec implements Codec<JsonCall> {
  readonly authErrors = JSON_AUTH_ERRORS;
  readonly internalErrorCode = 'InternalFailure';
  private readonly byPrefix = new Map<string, { readonly service: ServiceDefinition; readonly contentType: JsonContentType }>();

  constructor(services: readonly ServiceDefinition[]) {
    for (const service of services) {
      for (const binding of bindingsOf(service, 'awsJson')) {
        this.byPrefix.set(binding.targetPrefix, { service, contentType: `application/x-amz-json-${binding.version}` });
      }
    }
  }

  parse(request: IncomingRequest): JsonCall | undefined {
    const header = request.headers['x-amz-target'];
    if (header === undefined) return undefined;
    const { prefix, operation } = parseTarget(header);
    const target = this.byPrefix.get(prefix);
    const call = { service: target?.service, operation, contentType: target?.contentType ?? contentTypeOf(request) };
    try {
      return { ...call, input: parseJsonBody(request.body) };
    } catch (error) {
      return { ...call, input: undefined, inputError: error as ServiceError };
    }
  }

  unknownOperation(): ServiceError {
    return new ServiceError('UnknownOperationException', undefined);
  }

  respond(call: JsonCall, requestId: string, output: unknown): SandboxResponse {
    if (output instanceof EventStreamOutput) {
      return {
        status: 200,
        headers: { 'Content-Type': EVENT_STREAM_CONTENT_TYPE, 'x-amzn-RequestId': requestId },
        body: '',
        stream: { open: (signal) => jsonEventStream(output, signal) },
      };
    }
    return {
      status: 200,
      headers: { 'Content-Type': call.contentType, 'x-amzn-RequestId': requestId },
      body: output === undefined ? '' : stringifyAwsJson(output),
    };
  }

  fail(call: JsonCall, requestId: string, error: ServiceError): SandboxResponse {
    const headers: Record<string, string> = { 'Content-Type': call.contentType, 'x-amzn-RequestId': requestId };
    const body: Record<string, unknown> = { __type: error.code };
    const compatibility = call.service?.awsQueryCompatible;
    if (compatibility !== undefined) {
      const { type, header } = queryCompatibleError(compatibility, error);
      body.__type = type;
      headers['x-amzn-query-error'] = header;
    }
    if (error.hasMessage) body.message = error.message;
    Object.assign(body, error.fields);
    return { status: error.status, headers, body: JSON.stringify(body) };
  }
}

/**
 * An event stream in an RPC protocol: first an `initial-response` event carrying the output's members
 * other than the stream (StartLiveTail has none: `{}`), which botocore insists on, then the operation's
 * messages with JSON payloads. An unexpected failure ends the stream with the operation's internal-error
 * exception, as AWS does; the client going away just ends it.
 */
export async function* jsonEventStream(output: EventStreamOutput, signal: AbortSignal): AsyncGenerator<Uint8Array> {
  yield jsonEventMessage('initial-response', {});
  try {
    for await (const message of output.messages(signal)) {
      yield message.kind === 'event' ? jsonEventMessage(message.type, message.payload) : jsonExceptionMessage(message.type, message.message);
    }
  } catch (error) {
    if (signal.aborted) return;
    console.error('[sandbox] an event stream failed', error);
    yield jsonExceptionMessage(output.internalErrorType, 'An internal error occurred during the streaming session.');
  }
}

function jsonEventMessage(type: string, payload: object): Buffer {
  return encodeEventStreamMessage(
    { ':message-type': 'event', ':event-type': type, ':content-type': 'application/json' },
    Buffer.from(JSON.stringify(payload), 'utf8'),
  );
}

function jsonExceptionMessage(type: string, message: string): Buffer {
  return encodeEventStreamMessage(
    { ':message-type': 'exception', ':exception-type': type, ':content-type': 'application/json' },
    Buffer.from(JSON.stringify({ message }), 'utf8'),
  );
}

/** Splits `Logs_20140328.DescribeLogGroups` into prefix and operation. */
export function parseTarget(target: string): { readonly prefix: string; readonly operation: string } {
  const dot = target.lastIndexOf('.');
  return dot < 0 ? { prefix: target, operation: '' } : { prefix: target.slice(0, dot), operation: target.slice(dot + 1) };
}

/** A body that does not parse is a `SerializationException`; an empty one is `{}`. */
export function parseJsonBody(body: string): unknown {
  if (body.trim() === '') return {};
  try {
    return JSON.parse(body) as unknown;
  } catch (error) {
    throw serializationError(`The request body is not valid JSON: ${(error as Error).message}`);
  }
}

/** The request's own JSON version, for answering a target no service has. */
function contentTypeOf(request: IncomingRequest): JsonContentType {
  const contentType = request.headers['content-type'] ?? '';
  return contentType.startsWith('application/x-amz-json-1.0') ? 'application/x-amz-json-1.0' : 'application/x-amz-json-1.1';
}
