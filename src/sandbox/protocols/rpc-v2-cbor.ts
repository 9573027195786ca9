/**
 * Smithy RPC v2 CBOR (https://smithy.io/2.0/additional-specs/protocols/smithy-rpc-v2.html), which current
 * botocore and AWS CLI v1 use for CloudWatch: `POST /service/<ServiceName>/operation/<Operation>` with
 * `smithy-protocol: rpc-v2-cbor` and a CBOR body; timestamps are CBOR tag 1 (epoch seconds). Answers carry
 * `smithy-protocol: rpc-v2-cbor`; errors are `{__type, message}` with the error's HTTP status.
 *
 * Operations see the same input as in AWS JSON (timestamps as epoch seconds) and return the same output
 * (timestamps as `Date`, encoded as tag 1).
 */
import { decode, encode } from 'cbor2';
import type { IncomingRequest, SandboxResponse } from '../core/context';
import { serializationError, ServiceError } from '../core/errors';
import { bindingsOf, type ServiceDefinition } from '../services/service';
import type { Call, Codec } from './codec';
import { errorDocument, JSON_AUTH_ERRORS } from './json';

export const CBOR_CONTENT_TYPE = 'application/cbor';
const PATH = /^\/service\/([^/]+)\/operation\/([^/?]+)$/;

export class RpcV2CborCodec implements Codec {
  readonly authErrors = JSON_AUTH_ERRORS;
  readonly internalErrorCode = 'InternalFailure';
  private readonly byName = new Map<string, ServiceDefinition>();

  constructor(services: readonly ServiceDefinition[]) {
    for (const service of services) {
      for (const binding of bindingsOf(service, 'rpcV2Cbor')) this.byName.set(binding.serviceName, service);
    }
  }

  parse(request: IncomingRequest, url: URL): Call | undefined {
    if (request.headers['smithy-protocol'] !== 'rpc-v2-cbor') return undefined;
    const match = PATH.exec(url.pathname);
    const service = match === null ? undefined : this.byName.get(decodeURIComponent(match[1]!));
    const operation = match === null ? '' : decodeURIComponent(match[2]!);
    if (request.method !== 'POST') return { service, operation, input: undefined, inputError: new ServiceError('UnknownOperationException', undefined, 404) };
    try {
      return { service, operation, input: decodeCborInput(request.bytes ?? Buffer.from(request.body, 'utf8')) };
    } catch (error) {
      return { service, operation, input: undefined, inputError: error as ServiceError };
    }
  }

  unknownOperation(): ServiceError {
    return new ServiceError('UnknownOperationException', undefined, 404);
  }

  respond(_call: Call, requestId: string, output: unknown): SandboxResponse {
    return {
      status: 200,
      headers: { 'Content-Type': CBOR_CONTENT_TYPE, 'smithy-protocol': 'rpc-v2-cbor', 'x-amzn-RequestId': requestId },
      body: '',
      bytes: encodeCbor(output ?? {}),
    };
  }

  fail(call: Call, requestId: string, error: ServiceError): SandboxResponse {
    const { document, headers } = errorDocument(call.service, error);
    return {
      status: error.status,
      headers: { 'Content-Type': CBOR_CONTENT_TYPE, 'smithy-protocol': 'rpc-v2-cbor', 'x-amzn-RequestId': requestId, ...headers },
      body: '',
      bytes: encodeCbor(document),
    };
  }
}

/** A CBOR body as an operation's input: an empty body is `{}`; timestamps become epoch seconds. */
export function decodeCborInput(bytes: Uint8Array): unknown {
  if (bytes.length === 0) return {};
  let decoded: unknown;
  try {
    decoded = decode(bytes);
  } catch (error) {
    throw serializationError(`The request body is not valid CBOR: ${(error as Error).message}`);
  }
  return datesToSeconds(decoded);
}

function datesToSeconds(value: unknown): unknown {
  if (value instanceof Date) return value.getTime() / 1000;
  if (Array.isArray(value)) return value.map(datesToSeconds);
  if (value !== null && typeof value === 'object' && !(value instanceof Uint8Array)) {
    return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, datesToSeconds(item)]));
  }
  return value;
}

/** Encodes an output, leaving out members that are undefined (CBOR would carry them as `undefined`). */
export function encodeCbor(value: unknown): Uint8Array {
  return encode(withoutUndefined(value));
}

function withoutUndefined(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutUndefined);
  if (value !== null && typeof value === 'object' && !(value instanceof Date) && !(value instanceof Uint8Array)) {
    const result: Record<string, unknown> = {};
    for (const [key, item] of Object.entries(value)) if (item !== undefined) result[key] = withoutUndefined(item);
    return result;
  }
  return value;
}
