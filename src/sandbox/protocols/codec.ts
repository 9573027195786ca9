/**
 * What each wire protocol does for the router: recognize its requests and read one into a call (service,
 * operation, input), then write the operation's output or error in its own shape. Between reading and
 * writing, every call goes through the same chain (router.ts).
 */
import type { IncomingRequest, SandboxResponse } from '../core/context';
import type { ServiceError } from '../core/errors';
import type { SignatureCheck } from '../core/sigv4';
import type { AuthErrors } from '../identity/auth';
import type { ServiceDefinition } from '../services/service';

export interface Call {
  /** Undefined when the request names no service this protocol serves. */
  readonly service: ServiceDefinition | undefined;
  /** The operation the request names; '' when it names none. */
  readonly operation: string;
  /** What the operation is called with (undefined when it could not be read). */
  readonly input: unknown;
  /** Why the input could not be read (a body that is not JSON): reported only after authentication, authorization and throttling, as AWS does. */
  readonly inputError?: ServiceError;
}

export interface Codec<C extends Call = Call> {
  /** How requests are refused when the service does not say, or is not known. */
  readonly authErrors: AuthErrors;
  /** The code of an unexpected failure. */
  readonly internalErrorCode: string;
  /** The call a request makes, or undefined when the request is not in this protocol. */
  parse(request: IncomingRequest, url: URL, signature: SignatureCheck): C | undefined;
  /** The error for a call to an operation, or a service, that is not there. */
  unknownOperation(call: C): ServiceError;
  respond(call: C, requestId: string, output: unknown): SandboxResponse;
  fail(call: C, requestId: string, error: ServiceError): SandboxResponse;
}
