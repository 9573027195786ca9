/** Drives a Router directly (no HTTP) with signed and unsigned requests, for unit tests; and helpers for the SDK tests. */
import { decode, encode } from 'cbor2';
import type { SandboxResponse } from './core/context';
import { FaultInjector, type FaultOptions } from './faults';
import { amzDate } from './identity/auth';
import { Router } from './router';
import { defaultQuotasOf, SERVICES } from './services/registry';
import { AccountState } from './state';

export const TEST_NOW = Date.UTC(2025, 0, 15, 12, 0, 0);

export interface Signer {
  readonly accessKeyId?: string;
  readonly sessionToken?: string;
  /** `X-Amz-Date`; default: the router's clock. `null` leaves the header out. */
  readonly amzDate?: string | null;
  readonly region?: string;
}

export class RouterHarness {
  readonly state = new AccountState('123456789012', () => this.now);
  readonly router: Router;
  /** The sandbox clock; tests move it. */
  now = TEST_NOW;

  constructor(faults: FaultOptions = {}) {
    const clock = (): number => this.now;
    this.router = new Router({ state: this.state, faults: new FaultInjector(faults, clock, defaultQuotasOf(SERVICES)), clock, services: SERVICES });
  }

  private signedHeaders(service: string, signer: Signer | 'unsigned'): Record<string, string> {
    if (signer === 'unsigned') return {};
    const date = signer.amzDate === undefined ? amzDate(this.now) : signer.amzDate;
    return {
      authorization: `AWS4-HMAC-SHA256 Credential=${signer.accessKeyId ?? 'AKIDEXAMPLE'}/20250115/${signer.region ?? 'us-east-1'}/${service}/aws4_request, SignedHeaders=host;x-amz-date, Signature=0123abcd`,
      ...(date === null ? {} : { 'x-amz-date': date }),
      ...(signer.sessionToken === undefined ? {} : { 'x-amz-security-token': signer.sessionToken }),
    };
  }

  /** A query-protocol request (`Action=…&Version=…`) to the service a signing name names. */
  private query(signingName: string, version: string, parameters: Record<string, string>, signer: Signer | 'unsigned'): SandboxResponse {
    return this.router.handle({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/x-www-form-urlencoded; charset=utf-8', ...this.signedHeaders(signingName, signer) },
      body: new URLSearchParams({ Version: version, ...parameters }).toString(),
    });
  }

  sts(parameters: Record<string, string>, signer: Signer | 'unsigned' = {}): SandboxResponse {
    return this.query('sts', '2011-06-15', parameters, signer);
  }

  /** SNS in the query protocol, as the SDKs and the AWS CLI call it. */
  sns(parameters: Record<string, string>, signer: Signer | 'unsigned' = {}): SandboxResponse {
    return this.query('sns', '2010-03-31', parameters, signer);
  }

  logs(operation: string, body: object, signer: Signer | 'unsigned' = {}): SandboxResponse {
    return this.router.handle({
      method: 'POST',
      url: '/',
      headers: { 'content-type': 'application/x-amz-json-1.1', 'x-amz-target': `Logs_20140328.${operation}`, ...this.signedHeaders('logs', signer) },
      body: JSON.stringify(body),
    });
  }

  cloudTrail(operation: string, body: object, signer: Signer | 'unsigned' = {}): SandboxResponse {
    return this.router.handle({
      method: 'POST',
      url: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.1',
        'x-amz-target': `com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101.${operation}`,
        ...this.signedHeaders('cloudtrail', signer),
      },
      body: JSON.stringify(body),
    });
  }

  /** CloudWatch in AWS JSON 1.0, as the SDK for JavaScript v3 calls it. */
  cloudwatch(operation: string, body: object, signer: Signer | 'unsigned' = {}): SandboxResponse {
    return this.router.handle({
      method: 'POST',
      url: '/',
      headers: {
        'content-type': 'application/x-amz-json-1.0',
        'x-amz-target': `GraniteServiceVersion20100801.${operation}`,
        'x-amzn-query-mode': 'true',
        ...this.signedHeaders('monitoring', signer),
      },
      body: JSON.stringify(body),
    });
  }

  s3(path: string, signer: Signer | 'unsigned' = {}): SandboxResponse {
    return this.router.handle({ method: 'GET', url: path, headers: this.signedHeaders('s3', signer), body: '' });
  }

  /** An unsigned IAM Identity Center request. */
  rest(method: 'GET' | 'POST', path: string, body?: object, headers: Record<string, string> = {}): SandboxResponse {
    return this.router.handle({
      method,
      url: path,
      headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...headers },
      body: body === undefined ? '' : JSON.stringify(body),
    });
  }
}

/** The text of the first `<tag>` in an XML body. */
export function xmlText(body: string, tag: string): string | undefined {
  return new RegExp(`<${tag}>([^<]*)</${tag}>`).exec(body)?.[1];
}

/** Credentials from an AssumeRole* response, ready to sign with. */
export function credentialsOf(body: string): Required<Pick<Signer, 'accessKeyId' | 'sessionToken'>> & { readonly expiration: string } {
  return {
    accessKeyId: xmlText(body, 'AccessKeyId') ?? '',
    sessionToken: xmlText(body, 'SessionToken') ?? '',
    expiration: xmlText(body, 'Expiration') ?? '',
  };
}

/** An unsigned JWT with these claims (the sandbox reads claims, not signatures). */
export function jwt(claims: object): string {
  const part = (value: object): string => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${part({ alg: 'RS256', typ: 'JWT' })}.${part(claims)}.c2lnbmF0dXJl`;
}

/** Awaits a call that must fail and returns its error (an SDK error, typically). */
export async function rejectionOf<E extends Error = Error>(call: Promise<unknown>): Promise<E> {
  try {
    await call;
  } catch (error) {
    return error as E;
  }
  throw new Error('expected the call to fail');
}

/**
 * A CloudWatch call in Smithy RPC v2 CBOR (current botocore's protocol for it) to a running sandbox, signed in form
 * only (the sandbox checks the credential scope and date, not the signature), dated `at` (the sandbox's clock).
 */
export async function cloudWatchCbor(
  endpoint: string,
  operation: string,
  input: object,
  { region = 'us-east-1', at = Date.now() }: { readonly region?: string; readonly at?: number } = {},
): Promise<{ status: number; headers: Headers; body: Record<string, unknown> }> {
  const date = new Date(at).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const response = await fetch(`${endpoint}/service/GraniteServiceVersion20100801/operation/${operation}`, {
    method: 'POST',
    headers: {
      'smithy-protocol': 'rpc-v2-cbor',
      'content-type': 'application/cbor',
      accept: 'application/cbor',
      'x-amz-date': date,
      authorization: `AWS4-HMAC-SHA256 Credential=x/${date.slice(0, 8)}/${region}/monitoring/aws4_request, SignedHeaders=host;x-amz-date, Signature=00`,
    },
    body: encode(input),
  });
  return { status: response.status, headers: response.headers, body: decode(new Uint8Array(await response.arrayBuffer())) as Record<string, unknown> };
}
