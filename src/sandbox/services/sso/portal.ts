/**
 * The IAM Identity Center portal API (`portal.sso.<region>.amazonaws.com`, REST-JSON): GetRoleCredentials,
 * ListAccounts, ListAccountRoles and Logout, authorized by the OIDC access token in
 * `x-amz-sso_bearer_token`. Role credentials are issued through the identity store, so requests signed
 * with them act as the permission set's `AWSReservedSSO_…` role.
 */
import type { RequestContext } from '../../core/context';
import { ServiceError } from '../../core/errors';
import { partitionOf } from '../../core/partition';
import { uniqueIdFor } from '../../identity/keys';
import type { RestJsonOperation, RestRequest } from '../../protocols/rest-json';
import { reads, writes, type ServiceDefinition } from '../service';
import { reservedRoleName, type SsoSession } from './store';

const BEARER_HEADER = 'x-amz-sso_bearer_token';

function unauthorized(): ServiceError {
  return new ServiceError('UnauthorizedException', 'Session token not found or invalid', 401);
}

function invalidRequest(message: string): ServiceError {
  return new ServiceError('InvalidRequestException', message, 400);
}

function session(request: RestRequest, context: RequestContext): SsoSession {
  const token = request.headers[BEARER_HEADER];
  const found = token === undefined ? undefined : context.account.sso.sessionOf(token, context.now);
  if (found === undefined) throw unauthorized();
  return found;
}

function requiredQuery(request: RestRequest, name: string): string {
  const value = request.query.get(name);
  if (value === null || value === '') throw invalidRequest(`${name} is required`);
  return value;
}

/** One page of `items` by `next_token` (an offset) and `max_result`. */
function page<T>(request: RestRequest, items: readonly T[]): { readonly items: readonly T[]; readonly nextToken?: string } {
  const maxText = request.query.get('max_result');
  const max = maxText === null ? 100 : Number(maxText);
  if (!Number.isInteger(max) || max < 1 || max > 100) throw invalidRequest(`Invalid max_result: ${maxText}`);
  const tokenText = request.query.get('next_token');
  let start = 0;
  if (tokenText !== null) {
    const decoded = Number(Buffer.from(tokenText, 'base64url').toString('utf8'));
    if (!Number.isInteger(decoded) || decoded < 0 || decoded > items.length) throw invalidRequest('Invalid next_token');
    start = decoded;
  }
  const end = start + max;
  return {
    items: items.slice(start, end),
    ...(end < items.length ? { nextToken: Buffer.from(String(end)).toString('base64url') } : {}),
  };
}

function getRoleCredentials(request: RestRequest, context: RequestContext): object {
  const user = session(request, context);
  const roleName = requiredQuery(request, 'role_name');
  const accountId = requiredQuery(request, 'account_id');
  const sso = context.account.sso;
  const assignment = sso.assignments.find((candidate) => candidate.accountId === accountId);
  if (assignment === undefined || !assignment.roles.includes(roleName)) throw new ServiceError('ForbiddenException', 'No access', 403);
  const reserved = reservedRoleName(accountId, roleName);
  const credentials = context.account.identity.issue(
    {
      arn: `arn:${partitionOf(sso.settings.region)}:sts::${accountId}:assumed-role/${reserved}/${user.userName}`,
      userId: `${uniqueIdFor('AROA', sso.roleArnFor(accountId, roleName))}:${user.userName}`,
      accountId,
      roleArn: sso.roleArnFor(accountId, roleName),
      sessionName: user.userName,
    },
    sso.settings.roleSessionDurationSeconds,
    context.now,
    'sso:GetRoleCredentials',
  );
  return {
    roleCredentials: {
      accessKeyId: credentials.accessKeyId,
      secretAccessKey: credentials.secretAccessKey,
      sessionToken: credentials.sessionToken,
      expiration: credentials.expiration,
    },
  };
}

function listAccounts(request: RestRequest, context: RequestContext): object {
  session(request, context);
  const accounts = context.account.sso.assignments.map(({ accountId, accountName, emailAddress }) => ({ accountId, accountName, emailAddress }));
  const { items, nextToken } = page(request, accounts);
  return { accountList: items, ...(nextToken === undefined ? {} : { nextToken }) };
}

function listAccountRoles(request: RestRequest, context: RequestContext): object {
  session(request, context);
  const accountId = requiredQuery(request, 'account_id');
  const assignment = context.account.sso.assignments.find((candidate) => candidate.accountId === accountId);
  const roles = (assignment?.roles ?? []).map((roleName) => ({ roleName, accountId }));
  const { items, nextToken } = page(request, roles);
  return { roleList: items, ...(nextToken === undefined ? {} : { nextToken }) };
}

function logout(request: RestRequest, context: RequestContext): undefined {
  session(request, context).loggedOut = true;
  return undefined;
}

export const ssoPortal: ServiceDefinition<RestJsonOperation> = {
  name: 'sso-portal',
  signingName: 'awsssoportal',
  protocols: [
    {
      protocol: 'restJson',
      coralNamespace: 'com.amazonaws.switchboard.portal',
      typeNamespace: 'com.amazonaws.switchboard.portal',
      routes: {
        'GET /federation/credentials': 'GetRoleCredentials',
        'GET /assignment/accounts': 'ListAccounts',
        'GET /assignment/roles': 'ListAccountRoles',
        'POST /logout': 'Logout',
      },
    },
  ],
  // CloudTrail names the portal's calls after IAM Identity Center's own event source.
  cloudTrail: { eventSource: 'sso.amazonaws.com' },
  operations: { GetRoleCredentials: reads(getRoleCredentials), ListAccounts: reads(listAccounts), ListAccountRoles: reads(listAccountRoles), Logout: writes(logout) },
  throttlingError: () => new ServiceError('TooManyRequestsException', 'Rate exceeded', 429),
  unsignedOperations: 'all',
};
