/**
 * What a service declares to the sandbox: the protocols it answers in, its operations, its state, and
 * how it refuses requests. Each folder under services/ exports one definition; registry.ts lists them.
 */
import type { TpsQuota } from '../../shared/quotas';
import type { IncomingRequest, RequestContext } from '../core/context';
import type { ServiceError } from '../core/errors';
import type { AuthErrors } from '../identity/auth';
import type { ShapeModel } from '../protocols/shapes';
import type { AccountStore, RegionalStore } from '../state';

/**
 * Takes what its protocol's codec read from the request; returns what that codec writes back. Without
 * type arguments: any operation.
 */
export type Operation<Input = never, Output = unknown> = (input: Input, context: RequestContext) => Output;

/**
 * Whether an operation changes anything. CloudTrail calls this `readOnly`; every successful `write` is
 * recorded as a management event (services/cloudtrail/record.ts).
 */
export type OperationAccess = 'read' | 'write';

/** An operation as a service lists it: what runs, and whether it is a write. Both required, so no operation forgets to say. */
export interface OperationDefinition<Op extends Operation = Operation> {
  readonly run: Op;
  readonly access: OperationAccess;
  /** A data event (see `writesData`), not a management event. */
  readonly dataEvent?: boolean;
}

/** An operation that only reads. */
export function reads<Op extends Operation>(run: Op): OperationDefinition<Op> {
  return { run, access: 'read' };
}

/** An operation that changes something: CloudTrail records it. */
export function writes<Op extends Operation>(run: Op): OperationDefinition<Op> {
  return { run, access: 'write' };
}

/**
 * A write to data rather than to a resource (PutLogEvents, S3 PutObject): a data event, which CloudTrail
 * records only for trails that ask for it, and never in event history (LookupEvents).
 */
export function writesData<Op extends Operation>(run: Op): OperationDefinition<Op> {
  return { run, access: 'write', dataEvent: true };
}

/** AWS JSON 1.0 / 1.1: `POST /` with `X-Amz-Target: <targetPrefix>.<Operation>` and a JSON body. */
export interface AwsJsonBinding {
  readonly protocol: 'awsJson';
  readonly version: '1.0' | '1.1';
  readonly targetPrefix: string;
}

/** The query protocol: form-encoded `Action=<Operation>&Version=<version>`, answered in XML. */
export interface QueryBinding {
  readonly protocol: 'query';
  readonly version: string;
  readonly xmlNamespace: string;
  /**
   * With the model's shapes, operations take and return the same objects as in the service's other protocols
   * (the codec reads the flattened parameters and writes the XML); without, they take the raw parameters and
   * return XML (STS).
   */
  readonly shapes?: ShapeModel;
}

/** REST-JSON: operations routed by method and path; errors named in `x-amzn-ErrorType`. */
export interface RestJsonBinding {
  readonly protocol: 'restJson';
  /** `x-amzn-ErrorType: <Code>:http://internal.amazon.com/coral/<coralNamespace>/` */
  readonly coralNamespace: string;
  /**
   * When set, error bodies are `{"message", "__type": "<typeNamespace>#<Code>"}` (the SSO portal);
   * otherwise they carry only the error's fields (SSO OIDC's `error` and `error_description`).
   */
  readonly typeNamespace?: string;
  /** Operations by `<METHOD> <path>`, e.g. `'POST /token': 'CreateToken'`. */
  readonly routes: Readonly<Record<string, string>>;
}

/** REST-XML as S3 speaks it: errors in `<Error>`. */
export interface RestXmlBinding {
  readonly protocol: 'restXml';
  /** Which operation a request names ('' for none) and its input, read from method, host, path, query and body. */
  readonly read: (request: IncomingRequest, url: URL) => { readonly operation: string; readonly input: unknown; readonly inputError?: ServiceError };
}

/** Smithy RPC v2 CBOR: `POST /service/<serviceName>/operation/<Operation>` with `smithy-protocol: rpc-v2-cbor`. */
export interface RpcV2CborBinding {
  readonly protocol: 'rpcV2Cbor';
  readonly serviceName: string;
}

export type ProtocolBinding = AwsJsonBinding | QueryBinding | RestJsonBinding | RestXmlBinding | RpcV2CborBinding;

/** Where a request runs, for naming the resource it acts on. */
export interface ResourceScope {
  readonly region: string;
  readonly accountId: string;
}

/**
 * `Op` is the kind of its operations: what the codecs of the protocols it is bound to read for them and
 * write from them (e.g. `JsonOperation`). Without a type argument: any service.
 */
export interface ServiceDefinition<Op extends Operation = Operation> {
  /** Names the service in the registry, e.g. `logs`, `sso-portal`. */
  readonly name: string;
  /** The SigV4 signing name: the service in a credential scope, and the prefix of IAM actions and quota keys (`logs:GetLogEvents`). */
  readonly signingName: string;
  /** The protocols it answers in (CloudWatch: three). */
  readonly protocols: readonly ProtocolBinding[];
  readonly operations: Readonly<Record<string, OperationDefinition<Op>>>;
  /** Its state in each region, if it keeps any. */
  readonly regionalStore?: RegionalStore<unknown>;
  /** More regional stores it seeds, when it keeps more than one kind of regional state (CloudWatch's alarms). */
  readonly moreRegionalStores?: readonly RegionalStore<unknown>[];
  /** Its account-wide state, if it keeps any (for loading seed data into it). */
  readonly accountStore?: AccountStore<unknown>;
  /** AWS's default TPS quotas by operation, enforced with `quotas: 'aws'`. */
  readonly defaultQuotas?: Readonly<Record<string, TpsQuota>>;
  /** How it refuses requests it cannot authenticate or authorize; default: its protocol's words. */
  readonly authErrors?: AuthErrors;
  /** What a throttled request gets; without it the service is never throttled. */
  readonly throttlingError?: () => ServiceError;
  /** The resource an operation acts on, for access-denied messages; default `*`. */
  readonly resourceArn?: (operation: string, input: Parameters<Op>[0], scope: ResourceScope) => string;
  /** Operations AWS accepts without a signature (STS AssumeRoleWithWebIdentity); `'all'` for APIs that are never signed. */
  readonly unsignedOperations?: readonly string[] | 'all';
  /** Operations no policy can deny (STS GetCallerIdentity). */
  readonly alwaysAllowed?: readonly string[];
  /** How CloudTrail records the service's writes; default: event source `<signingName>.amazonaws.com`, the input as request parameters. */
  readonly cloudTrail?: CloudTrailRecording<Op>;
  /**
   * For a query service that also speaks JSON or CBOR (Smithy's `awsQueryCompatible`, CloudWatch): its
   * operations throw the query protocol's error codes; the JSON and CBOR codecs name the error's shape in
   * `__type` and the code in the `x-amzn-query-error: <Code>;Sender|Receiver` header.
   */
  readonly awsQueryCompatible?: QueryCompatibility;
}

export interface QueryCompatibility {
  /** The Smithy namespace of the error shapes, e.g. `com.amazonaws.cloudwatch`. */
  readonly shapeNamespace: string;
  /** The error shape of each query error code the model declares, e.g. `InvalidParameterValue` → `InvalidParameterValueException`. */
  readonly errorShapes: Readonly<Record<string, string>>;
}

/** How a query-compatible service's error travels in JSON or CBOR: the body's `__type` and the extra header. */
export function queryCompatibleError(compatibility: QueryCompatibility, error: ServiceError): { readonly type: string; readonly header: string } {
  const shape = error.shape ?? compatibility.errorShapes[error.code];
  return {
    type: shape === undefined ? error.code : `${compatibility.shapeNamespace}#${shape}`,
    header: `${error.code};${error.status >= 500 ? 'Receiver' : 'Sender'}`,
  };
}

/** A resource a recorded event names (LookupEvents' `Resources`, the event's `resources`). */
export interface AuditResource {
  /** `AWS::Logs::LogGroup` */
  readonly type: string;
  /** What LookupEvents' ResourceName matches: the name AWS users know the resource by. */
  readonly name: string;
  readonly arn?: string;
}

export interface CloudTrailRecording<Op extends Operation = Operation> {
  /** `logs.amazonaws.com` */
  readonly eventSource?: string;
  /** The event's `requestParameters`, as AWS logs them (secrets left out); default: the JSON input as it came. */
  readonly requestParameters?: (operation: string, input: Parameters<Op>[0]) => Readonly<Record<string, unknown>> | null;
  /** The event's `responseElements`; default: the output when it is a JSON object, else null. */
  readonly responseElements?: (operation: string, output: ReturnType<Op>) => Readonly<Record<string, unknown>> | null;
  /** The resources a write acts on. */
  readonly resources?: (operation: string, input: Parameters<Op>[0], scope: ResourceScope) => readonly AuditResource[];
}

/** Whether the service takes the operation without a signature. */
export function takesUnsigned(service: ServiceDefinition | undefined, operation: string): boolean {
  const unsigned = service?.unsignedOperations;
  return unsigned === 'all' || (unsigned?.includes(operation) ?? false);
}

/** The bindings of one protocol among a service's. */
export function bindingsOf<P extends ProtocolBinding['protocol']>(service: ServiceDefinition, protocol: P): Extract<ProtocolBinding, { protocol: P }>[] {
  return service.protocols.filter((binding): binding is Extract<ProtocolBinding, { protocol: P }> => binding.protocol === protocol);
}
