/**
 * AssumeRoleWithWebIdentity, which AWS accepts unsigned: the caller proves itself with an OIDC token
 * (a JWT) instead of a signature. The sandbox reads the token's claims but does not check its signature;
 * an expired token is refused as AWS refuses it.
 */
import type { RequestContext } from '../../core/context';
import { ServiceError } from '../../core/errors';
import { escapeXml } from '../../core/xml';
import { ASSUME_ROLE_RULES, assumedRoleUserXml, credentialsXml, readParameters, requireRoleArn, roleSession, sessionSeconds } from './common';

interface Claims {
  readonly iss?: unknown;
  readonly sub?: unknown;
  readonly aud?: unknown;
  readonly exp?: unknown;
}

function invalidIdentityToken(): ServiceError {
  return new ServiceError(
    'InvalidIdentityToken',
    'The web identity token that was passed could not be validated by AWS. Get a new identity token from the identity provider and then retry the request.',
  );
}

function claimsOf(token: string): Claims {
  const parts = token.split('.');
  if (parts.length !== 3) throw invalidIdentityToken();
  try {
    const payload = JSON.parse(Buffer.from(parts[1] ?? '', 'base64url').toString('utf8')) as unknown;
    if (typeof payload !== 'object' || payload === null || Array.isArray(payload)) throw invalidIdentityToken();
    return payload as Claims;
  } catch {
    throw invalidIdentityToken();
  }
}

export function assumeRoleWithWebIdentity(parameters: URLSearchParams, context: RequestContext): string {
  const input = readParameters(parameters);
  const roleArn = input.string('roleArn', ASSUME_ROLE_RULES.roleArn) ?? '';
  const sessionName = input.string('roleSessionName', ASSUME_ROLE_RULES.roleSessionName) ?? '';
  const token = input.string('webIdentityToken', { required: true, min: 4, max: 20_000 }) ?? '';
  const providerId = input.string('providerId', { min: 4, max: 2048 });
  const durationSeconds = input.integer('durationSeconds', ASSUME_ROLE_RULES.durationSeconds);
  input.finish();
  const role = requireRoleArn(roleArn);

  const claims = claimsOf(token);
  const nowSeconds = Math.floor(context.now / 1000);
  if (typeof claims.exp === 'number' && claims.exp <= nowSeconds) {
    throw new ServiceError('ExpiredTokenException', `Token expired: current date/time ${nowSeconds} must be before the expiration date/time ${claims.exp}`);
  }
  const seconds = sessionSeconds(durationSeconds, roleArn, context);
  const credentials = context.account.identity.issue(roleSession(roleArn, role, sessionName), seconds, context.now, 'sts:AssumeRoleWithWebIdentity');
  const audience = Array.isArray(claims.aud) ? claims.aud[0] : claims.aud;
  const provider = providerId ?? (typeof claims.iss === 'string' ? claims.iss : undefined);
  const element = (name: string, value: unknown): string => (typeof value === 'string' ? `<${name}>${escapeXml(value)}</${name}>` : '');
  return (
    element('SubjectFromWebIdentityToken', claims.sub) +
    element('Audience', audience) +
    assumedRoleUserXml(credentials) +
    credentialsXml(credentials) +
    element('Provider', provider)
  );
}
