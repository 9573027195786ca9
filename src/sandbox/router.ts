/**
 * Turns one HTTP request into one response, the same way for every protocol and service: the first codec
 * that recognizes the request (`X-Amz-Target` → AWS JSON, `smithy-protocol: rpc-v2-cbor` → RPC v2 CBOR,
 * form-encoded `Action=` → query, an unsigned request to an IAM Identity Center path → REST-JSON, anything
 * else → S3's REST-XML) reads it into a call; the call is authenticated (request time, access key; see
 * `identity/auth.ts`), its operation looked up, authorized, throttled by fault injection, and run; a
 * write is recorded as a CloudTrail management event (a failed one, with its error, only for a signed
 * caller); the codec writes the output or the error.
 */
import { randomUUID } from 'node:crypto';
import type { IncomingRequest, RequestContext, SandboxResponse } from './core/context';
import { ServiceError } from './core/errors';
import { checkSignature, type SignatureCheck } from './core/sigv4';
import type { FaultInjector } from './faults';
import { authenticate, authorize, type AuthErrors } from './identity/auth';
import type { Caller } from './identity/store';
import type { Call, Codec } from './protocols/codec';
import { JsonCodec } from './protocols/json';
import { QueryCodec } from './protocols/query';
import { RestJsonCodec } from './protocols/rest-json';
import { RestXmlCodec } from './protocols/rest-xml';
import { RpcV2CborCodec } from './protocols/rpc-v2-cbor';
import { recordManagementEvent, type WriteCall } from './services/cloudtrail/record';
import { takesUnsigned, type ServiceDefinition } from './services/service';
import type { AccountState } from './state';

export interface RouterOptions {
  readonly state: AccountState;
  readonly faults: FaultInjector;
  readonly clock: () => number;
  /** `SERVICES`, from the registry. */
  readonly services: readonly ServiceDefinition[];
}

/** Unsigned requests carry no credential scope; AWS's global STS endpoint is in us-east-1. */
const UNSIGNED_REGION = 'us-east-1';

const ANONYMOUS: Caller = { kind: 'anonymous' };

/** A request on its way through the chain. */
interface Exchange {
  readonly request: IncomingRequest;
  readonly url: URL;
  readonly signature: SignatureCheck;
  readonly requestId: string;
  readonly now: number;
}

export class Router {
  /** Asked in this order; a request none of them takes is REST-XML's (S3's). */
  private readonly codecs: readonly Codec[];
  private readonly restXml: RestXmlCodec;

  constructor(private readonly options: RouterOptions) {
    const services = options.services;
    this.codecs = [new JsonCodec(services), new RpcV2CborCodec(services), new QueryCodec(services), new RestJsonCodec(services)];
    this.restXml = new RestXmlCodec(services);
  }

  handle(request: IncomingRequest): SandboxResponse {
    const url = new URL(request.url, 'http://sandbox.invalid');
    const signature = checkSignature(request.headers.authorization, url.searchParams);
    const exchange: Exchange = { request, url, signature, requestId: randomUUID(), now: this.options.clock() };
    for (const codec of this.codecs) {
      const call = codec.parse(request, url, signature);
      if (call !== undefined) return this.serve(codec, call, exchange);
    }
    return this.serve(this.restXml, this.restXml.parse(request, url), exchange);
  }

  private serve(codec: Codec, call: Call, exchange: Exchange): SandboxResponse {
    try {
      return codec.respond(call, exchange.requestId, this.run(codec, call, exchange));
    } catch (error) {
      return codec.fail(call, exchange.requestId, asServiceError(error, call, codec.internalErrorCode));
    }
  }

  /** The chain every call goes through; each step throws the `ServiceError` that answers the request. */
  private run(codec: Codec, call: Call, exchange: Exchange): unknown {
    const { service, operation } = call;
    const errors = service?.authErrors ?? codec.authErrors;
    const { caller, region } = this.authenticate(call, exchange, errors);

    const definition = service !== undefined && Object.hasOwn(service.operations, operation) ? service.operations[operation] : undefined;
    if (service === undefined || definition === undefined) throw codec.unknownOperation(call);

    // The codec made the input for the operations of the services bound to its protocol.
    const input = call.input as never;
    const context = this.contextFor(region, caller, exchange);
    const recorded = definition.access === 'write' && definition.dataEvent !== true;
    try {
      if (!service.alwaysAllowed?.includes(operation)) {
        const resource = service.resourceArn?.(operation, input, { region, accountId: this.options.state.accountId }) ?? '*';
        authorize(this.options.state.identity, caller, `${service.signingName}:${operation}`, resource, errors);
      }
      if (service.throttlingError !== undefined && this.options.faults.shouldThrottle({ service: service.signingName, operation, region })) {
        throw service.throttlingError();
      }
      if (call.inputError !== undefined) throw call.inputError;
      const output = definition.run(input, context);
      if (recorded) this.record({ service, operation, input, output, context, request: exchange.request });
      return output;
    } catch (error) {
      // CloudTrail records failed calls too, with the service's `errorCode` and `errorMessage` ("This message includes
      // messages for authorization failures": CloudTrail User Guide, "CloudTrail record contents"): denied, refused
      // by the service, and throttled (AWS's observability guide counts CloudTrail events with errorCode
      // 'ThrottlingException'). It logs authenticated requests only (IAM User Guide, "Logging IAM and AWS STS API
      // calls with AWS CloudTrail"): a call that failed authentication never gets here, and an unsigned caller's
      // failures (who could be anyone) are not recorded.
      if (recorded && caller.kind !== 'anonymous' && error instanceof ServiceError) this.record({ service, operation, input, error, context, request: exchange.request });
      throw error;
    }
  }

  /** Records a write in CloudTrail; the call has been answered, so a failure to record it must not fail the request. */
  private record(call: WriteCall): void {
    try {
      recordManagementEvent(call);
    } catch (error) {
      console.error(`[sandbox] could not record ${call.service.name} ${call.operation} in CloudTrail`, error);
    }
  }

  /**
   * Who made the call, and in which region: a signed request's credential scope, checked against the
   * identity store (its time counts only when signed in a header); an unsigned one only for an operation
   * its service takes unsigned.
   */
  private authenticate(call: Call, { request, url, signature, now }: Exchange, errors: AuthErrors): { caller: Caller; region: string } {
    if (signature.kind === 'malformed') throw errors.incompleteSignature(signature.reason);
    if (signature.kind === 'unsigned') {
      if (!takesUnsigned(call.service, call.operation)) throw errors.missingAuthentication();
      return { caller: ANONYMOUS, region: UNSIGNED_REGION };
    }
    const { scope } = signature;
    const caller = authenticate(
      this.options.state.identity,
      {
        accessKeyId: scope.accessKeyId,
        region: scope.region,
        requestTime: request.headers.authorization !== undefined ? request.headers['x-amz-date'] : undefined,
        sessionToken: request.headers['x-amz-security-token'] ?? url.searchParams.get('X-Amz-Security-Token') ?? undefined,
      },
      now,
      errors,
    );
    return { caller, region: scope.region };
  }

  private contextFor(region: string, caller: Caller, { requestId, now }: Exchange): RequestContext {
    return {
      requestId,
      accountId: this.options.state.accountId,
      region,
      now,
      state: this.options.state.region(region),
      account: this.options.state,
      caller,
    };
  }
}

function asServiceError(error: unknown, call: Call, internalCode: string): ServiceError {
  if (error instanceof ServiceError) return error;
  console.error(`[sandbox] unexpected error in ${call.service?.name ?? 'an unknown service'} ${call.operation}`, error);
  return new ServiceError(internalCode, 'The request processing has failed because of an unknown error.', 500);
}
