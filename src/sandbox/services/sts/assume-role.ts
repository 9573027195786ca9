/**
 * AssumeRole: any role can be assumed unless a test gave it trust-policy conditions (`Sandbox.identity.
 * configureRole`): an external ID, or MFA with a device and the code it shows. Failures read as AWS's.
 */
import type { RequestContext } from '../../core/context';
import { escapeXml } from '../../core/xml';
import { notAuthorizedMessage } from '../../identity/auth';
import { accessDenied, ASSUME_ROLE_RULES, assumedRoleUserXml, credentialsXml, readParameters, requireRoleArn, roleSession, sessionSeconds } from './common';

export function assumeRole(parameters: URLSearchParams, context: RequestContext): string {
  const input = readParameters(parameters);
  const roleArn = input.string('roleArn', ASSUME_ROLE_RULES.roleArn) ?? '';
  const sessionName = input.string('roleSessionName', ASSUME_ROLE_RULES.roleSessionName) ?? '';
  const durationSeconds = input.integer('durationSeconds', ASSUME_ROLE_RULES.durationSeconds);
  const externalId = input.string('externalId', { min: 2, max: 1224, pattern: /^[\w+=,.@:/-]*$/, patternText: '[\\w+=,.@:\\/-]*' });
  const serialNumber = input.string('serialNumber', { min: 9, max: 256, pattern: /^[\w+=/:,.@-]*$/, patternText: '[\\w+=/:,.@-]*' });
  const tokenCode = input.string('tokenCode', { min: 6, max: 6, pattern: /^\d*$/, patternText: '[\\d]*' });
  const sourceIdentity = input.string('sourceIdentity', { min: 2, max: 64, pattern: /^[\w+=,.@-]*$/, patternText: '[\\w+=,.@-]*' });
  input.finish();
  const role = requireRoleArn(roleArn);

  const caller = context.caller;
  if (caller.kind === 'anonymous') throw new Error('AssumeRole needs a signed request');
  const settings = context.account.identity.roleSettings(roleArn);
  const trustDenied = accessDenied(notAuthorizedMessage(caller.arn, 'sts:AssumeRole', roleArn, false));
  if (settings.externalId !== undefined && externalId !== settings.externalId) throw trustDenied;
  if (settings.mfa !== undefined) {
    if (serialNumber === undefined && tokenCode === undefined) throw trustDenied;
    if (serialNumber === undefined || tokenCode === undefined) {
      throw accessDenied('MultiFactorAuthentication failed, must provide both MFA serial number and one time pass code.');
    }
    if (serialNumber !== settings.mfa.serialNumber) {
      throw accessDenied(
        'MultiFactorAuthentication failed, unable to validate MFA code.  Please verify your MFA serial number is valid and associated with this user.',
      );
    }
    if (tokenCode !== settings.mfa.tokenCode) throw accessDenied('MultiFactorAuthentication failed with invalid MFA one time pass code.');
  }

  const seconds = sessionSeconds(durationSeconds, roleArn, context);
  const credentials = context.account.identity.issue(roleSession(roleArn, role, sessionName), seconds, context.now, 'sts:AssumeRole');
  return (
    (sourceIdentity === undefined ? '' : `<SourceIdentity>${escapeXml(sourceIdentity)}</SourceIdentity>`) +
    assumedRoleUserXml(credentials) +
    credentialsXml(credentials)
  );
}
