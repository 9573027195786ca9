/** What AssumeRole and AssumeRoleWithWebIdentity share: input rules, session length, the XML of the result. */
import type { RequestContext } from '../../core/context';
import { ServiceError } from '../../core/errors';
import { InputReader } from '../../core/validation';
import { escapeXml } from '../../core/xml';
import { isoSeconds, uniqueIdFor } from '../../identity/keys';
import { DEFAULT_MAX_SESSION_SECONDS, parseRoleArn, type AssumedRole, type IssuedCredentials, type ParsedRoleArn } from '../../identity/store';

/** STS reports constraint violations as `ValidationError` (HTTP 400). */
export function validationError(message: string): ServiceError {
  return new ServiceError('ValidationError', message);
}

export function accessDenied(message: string): ServiceError {
  return new ServiceError('AccessDenied', message, 403);
}

/** The rules of the members that AssumeRole and AssumeRoleWithWebIdentity share. */
export const ASSUME_ROLE_RULES = {
  roleArn: { required: true, min: 20, max: 2048 },
  roleSessionName: { required: true, min: 2, max: 64, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' },
  durationSeconds: { min: 900, max: 43_200 },
} as const;

/** The parameters that are integers: any other text in them is refused before any other check. */
const INTEGER_PARAMETERS: ReadonlySet<string> = new Set(['DurationSeconds']);

/**
 * Reads query parameters into an `InputReader` keyed by the camelCase member names AWS prints in
 * validation messages (`Value '600' at 'durationSeconds' failed to satisfy constraint: …`).
 */
export function readParameters(parameters: URLSearchParams): InputReader {
  const record: Record<string, unknown> = {};
  for (const [parameter, value] of parameters) {
    const member = parameter.charAt(0).toLowerCase() + parameter.slice(1);
    if (Object.hasOwn(record, member)) continue; // the first of repeated parameters counts
    if (!INTEGER_PARAMETERS.has(parameter)) record[member] = value;
    else if (/^-?\d{1,10}$/.test(value)) record[member] = Number(value);
    else throw validationError(`Value '${value}' for parameter ${parameter} is invalid. It must be an integer.`);
  }
  return InputReader.of(record, 'ValidationError');
}

export function requireRoleArn(roleArn: string): ParsedRoleArn {
  const parsed = parseRoleArn(roleArn);
  if (parsed === undefined) throw validationError('Request ARN is invalid');
  return parsed;
}

/** The session length: DurationSeconds (default 3600) within the role's MaxSessionDuration. */
export function sessionSeconds(requested: number | undefined, roleArn: string, context: RequestContext): number {
  if (requested === undefined) return DEFAULT_MAX_SESSION_SECONDS;
  if (context.caller.kind === 'assumed-role' && requested > DEFAULT_MAX_SESSION_SECONDS) {
    throw validationError('The requested DurationSeconds exceeds the 1 hour session limit for roles assumed by role chaining.');
  }
  const max = context.account.identity.roleSettings(roleArn).maxSessionDurationSeconds ?? DEFAULT_MAX_SESSION_SECONDS;
  if (requested > max) throw validationError('The requested DurationSeconds exceeds the MaxSessionDuration set for this role.');
  return requested;
}

/** The role session a successful call creates. */
export function roleSession(roleArn: string, role: ParsedRoleArn, sessionName: string): AssumedRole {
  return {
    arn: `arn:${role.partition}:sts::${role.accountId}:assumed-role/${role.roleName}/${sessionName}`,
    userId: `${uniqueIdFor('AROA', roleArn)}:${sessionName}`,
    accountId: role.accountId,
    roleArn,
    sessionName,
  };
}

export function assumedRoleUserXml(credentials: IssuedCredentials): string {
  return (
    `<AssumedRoleUser><AssumedRoleId>${escapeXml(credentials.caller.userId)}</AssumedRoleId>` +
    `<Arn>${escapeXml(credentials.caller.arn)}</Arn></AssumedRoleUser>`
  );
}

export function credentialsXml(credentials: IssuedCredentials): string {
  return (
    `<Credentials><AccessKeyId>${credentials.accessKeyId}</AccessKeyId>` +
    `<SecretAccessKey>${escapeXml(credentials.secretAccessKey)}</SecretAccessKey>` +
    `<SessionToken>${escapeXml(credentials.sessionToken)}</SessionToken>` +
    `<Expiration>${isoSeconds(credentials.expiration)}</Expiration></Credentials>`
  );
}
