/**
 * Reads who signed a request and for which region and service, from the SigV4 `Authorization` header or a
 * presigned URL's `X-Amz-Credential`. Signatures are not verified: the sandbox accepts any signed request.
 */
export interface CredentialScope {
  readonly accessKeyId: string;
  /** yyyymmdd */
  readonly date: string;
  readonly region: string;
  readonly service: string;
}

export type SignatureCheck =
  | { readonly kind: 'signed'; readonly scope: CredentialScope }
  | { readonly kind: 'unsigned' }
  /** An `Authorization` header that is not a well-formed SigV4 one. */
  | { readonly kind: 'malformed'; readonly reason: string };

const SIGV4_ALGORITHM = 'AWS4-HMAC-SHA256';

export function checkSignature(authorization: string | undefined, query: URLSearchParams): SignatureCheck {
  if (authorization !== undefined) return parseAuthorizationHeader(authorization);
  const presignedCredential = query.get('X-Amz-Credential');
  if (presignedCredential === null) return { kind: 'unsigned' };
  if (query.get('X-Amz-Signature') === null) {
    return { kind: 'malformed', reason: 'Query-string authentication requires the X-Amz-Signature parameter.' };
  }
  return scopeOrMalformed(presignedCredential);
}

function parseAuthorizationHeader(header: string): SignatureCheck {
  const trimmed = header.trim();
  if (!trimmed.startsWith(`${SIGV4_ALGORITHM} `)) {
    return { kind: 'malformed', reason: `Authorization header must use the ${SIGV4_ALGORITHM} algorithm.` };
  }
  const parameters = new Map<string, string>();
  for (const part of trimmed.slice(SIGV4_ALGORITHM.length).split(',')) {
    const separator = part.indexOf('=');
    if (separator > 0) parameters.set(part.slice(0, separator).trim(), part.slice(separator + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((name) => !parameters.get(name));
  if (missing.length > 0) {
    return {
      kind: 'malformed',
      reason: missing.map((name) => `Authorization header requires '${name}' parameter.`).join(' '),
    };
  }
  return scopeOrMalformed(parameters.get('Credential') ?? '');
}

function scopeOrMalformed(credential: string): SignatureCheck {
  const parts = credential.split('/');
  const [accessKeyId, date, region, service, terminator] = parts;
  if (parts.length !== 5 || !accessKeyId || !date || !region || !service || terminator !== 'aws4_request') {
    return {
      kind: 'malformed',
      reason: `Credential should be scoped to a valid region, service and terminator ('aws4_request'): ${credential}`,
    };
  }
  return { kind: 'signed', scope: { accessKeyId, date, region, service } };
}
