/**
 * IAM Identity Center OIDC (`oidc.<region>.amazonaws.com`, REST-JSON, unsigned): RegisterClient,
 * StartDeviceAuthorization and CreateToken for the device authorization grant (RFC 8628) and the
 * refresh-token grant. Errors carry OAuth's `error` and `error_description`, as AWS's do.
 */
import type { RequestContext } from '../../core/context';
import { ServiceError } from '../../core/errors';
import type { RestJsonOperation, RestRequest } from '../../protocols/rest-json';
import { writes, type ServiceDefinition } from '../service';
import type { OidcClient } from './store';

export const DEVICE_CODE_GRANT = 'urn:ietf:params:oauth:grant-type:device_code';
export const REFRESH_TOKEN_GRANT = 'refresh_token';

/** Each slow_down asks the client for this many more seconds between polls (RFC 8628 §3.5). */
export const SLOW_DOWN_SECONDS = 5;

function oidcError(code: string, error: string, description: string, status = 400): ServiceError {
  return new ServiceError(code, undefined, status, { error, error_description: description });
}

function invalidRequest(description: string): ServiceError {
  return oidcError('InvalidRequestException', 'invalid_request', description);
}

function invalidClient(description: string): ServiceError {
  return oidcError('InvalidClientException', 'invalid_client', description, 401);
}

function invalidGrant(description: string): ServiceError {
  return oidcError('InvalidGrantException', 'invalid_grant', description);
}

function fields(request: RestRequest): Readonly<Record<string, unknown>> {
  const body = request.body;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) throw invalidRequest('The request body must be a JSON object');
  return body as Record<string, unknown>;
}

function requiredString(input: Readonly<Record<string, unknown>>, name: string): string {
  const value = input[name];
  if (typeof value !== 'string' || value === '') throw invalidRequest(`${name} is required`);
  return value;
}

function optionalStrings(input: Readonly<Record<string, unknown>>, name: string): string[] {
  const value = input[name];
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || value.some((item) => typeof item !== 'string')) throw invalidRequest(`${name} must be a list of strings`);
  return value as string[];
}

/** The client named by `clientId` and `clientSecret`, while its registration lasts. */
function authenticateClient(input: Readonly<Record<string, unknown>>, context: RequestContext): OidcClient {
  const clientId = requiredString(input, 'clientId');
  const clientSecret = requiredString(input, 'clientSecret');
  const client = context.account.sso.client(clientId);
  if (client === undefined || client.clientSecret !== clientSecret) throw invalidClient('Invalid client credentials');
  if (context.now >= client.expiresAt) throw invalidClient('The client registration has expired');
  return client;
}

const seconds = (epochMs: number): number => Math.floor(epochMs / 1000);

function registerClient(request: RestRequest, context: RequestContext): object {
  const input = fields(request);
  const clientName = requiredString(input, 'clientName');
  const clientType = requiredString(input, 'clientType');
  if (clientType !== 'public') throw oidcError('InvalidClientMetadataException', 'invalid_client_metadata', `Invalid client type: ${clientType}`);
  const scopes = optionalStrings(input, 'scopes');
  const grantTypes = optionalStrings(input, 'grantTypes');
  const client = context.account.sso.registerClient({ clientName, scopes, grantTypes }, context.now);
  return {
    clientId: client.clientId,
    clientSecret: client.clientSecret,
    clientIdIssuedAt: seconds(client.issuedAt),
    clientSecretExpiresAt: seconds(client.expiresAt),
  };
}

function startDeviceAuthorization(request: RestRequest, context: RequestContext): object {
  const input = fields(request);
  const client = authenticateClient(input, context);
  const startUrl = requiredString(input, 'startUrl');
  const sso = context.account.sso;
  const authorization = sso.startAuthorization(client.clientId, startUrl, context.now);
  const verificationUri = `https://device.sso.${sso.settings.region}.amazonaws.com/`;
  return {
    deviceCode: authorization.deviceCode,
    userCode: authorization.userCode,
    verificationUri,
    verificationUriComplete: `${verificationUri}?user_code=${authorization.userCode}`,
    expiresIn: sso.settings.deviceCodeExpiresIn,
    interval: authorization.interval,
  };
}

function createToken(request: RestRequest, context: RequestContext): object {
  const input = fields(request);
  const client = authenticateClient(input, context);
  const grantType = requiredString(input, 'grantType');
  if (grantType === DEVICE_CODE_GRANT) return redeemDeviceCode(client, requiredString(input, 'deviceCode'), context);
  if (grantType === REFRESH_TOKEN_GRANT) return refresh(client, requiredString(input, 'refreshToken'), context);
  throw oidcError('UnsupportedGrantTypeException', 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
}

function redeemDeviceCode(client: OidcClient, deviceCode: string, context: RequestContext): object {
  const sso = context.account.sso;
  const authorization = sso.authorization(deviceCode);
  if (authorization === undefined || authorization.clientId !== client.clientId || authorization.status === 'redeemed') {
    throw invalidGrant('Invalid device code provided');
  }
  if (context.now >= authorization.expiresAt) throw oidcError('ExpiredTokenException', 'expired_token', 'Device code has expired');
  const previous = authorization.lastPolledAt;
  authorization.lastPolledAt = context.now;
  if (previous !== undefined && context.now - previous < authorization.interval * 1000) {
    authorization.interval += SLOW_DOWN_SECONDS;
    throw oidcError('SlowDownException', 'slow_down', 'Client is polling too quickly');
  }
  if (authorization.status === 'denied') throw oidcError('AccessDeniedException', 'access_denied', 'Access denied');
  if (authorization.status === 'pending') {
    throw oidcError('AuthorizationPendingException', 'authorization_pending', 'Authorization is still pending');
  }
  authorization.status = 'redeemed';
  const session = sso.openSession(
    { clientId: client.clientId, startUrl: authorization.startUrl, userName: authorization.userName ?? sso.settings.defaultUserName },
    context.now,
  );
  return tokenResponse(session.accessToken, session.refreshToken, sso.settings.accessTokenExpiresIn);
}

function refresh(client: OidcClient, refreshToken: string, context: RequestContext): object {
  const sso = context.account.sso;
  const previous = sso.sessionOfRefreshToken(refreshToken);
  if (previous === undefined || previous.clientId !== client.clientId) throw invalidGrant('Invalid refresh token provided');
  previous.refreshUsed = true;
  const session = sso.openSession({ clientId: client.clientId, startUrl: previous.startUrl, userName: previous.userName }, context.now);
  return tokenResponse(session.accessToken, session.refreshToken, sso.settings.accessTokenExpiresIn);
}

function tokenResponse(accessToken: string, refreshToken: string, expiresIn: number): object {
  return { accessToken, tokenType: 'Bearer', expiresIn, refreshToken };
}

export const ssoOidc: ServiceDefinition<RestJsonOperation> = {
  name: 'sso-oidc',
  signingName: 'sso-oauth',
  protocols: [
    {
      protocol: 'restJson',
      coralNamespace: 'com.amazonaws.ssooidc',
      routes: { 'POST /client/register': 'RegisterClient', 'POST /device_authorization': 'StartDeviceAuthorization', 'POST /token': 'CreateToken' },
    },
  ],
  operations: { RegisterClient: writes(registerClient), StartDeviceAuthorization: writes(startDeviceAuthorization), CreateToken: writes(createToken) },
  unsignedOperations: 'all',
};
