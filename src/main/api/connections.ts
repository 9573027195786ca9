/** Connections: listing, choosing, creating with keys in the keychain, checking, MFA and SSO sign-in. */
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import { randomUUID } from 'node:crypto';
import type { CloudscopeHandlers, SignInProgress } from '../../shared/contract';
import { apiError } from '../../shared/errors';
import { streamIterable } from '../../shared/stream-iterable';
import { decodeSecret, encodeSecret, type StoredSecret } from '../credentials/providers';
import type { StoredConnection } from '../credentials/settings-store';
import { signInWithDeviceFlow } from '../credentials/sso-login';
import { KEYS_PREFIX, PROFILE_PREFIX, type CatalogEntry } from './connection-catalog';
import type { Session } from './session';

export function connectionsHandlers(session: Session): CloudscopeHandlers['connections'] {
  return {
    async list() {
      return session.connections();
    },

    async current() {
      return session.current();
    },

    async select(request) {
      return session.select(request.connectionId, request.region);
    },

    async create(request) {
      await requireKeychain(session);
      const now = Date.now();
      const stored: StoredConnection = {
        id: `${KEYS_PREFIX}${randomUUID()}`,
        name: request.name,
        accessKeyId: request.accessKeyId,
        hasSessionToken: request.sessionToken !== undefined,
        defaultRegion: request.defaultRegion,
        ...(request.endpoint ? { endpoint: request.endpoint } : {}),
        createdAt: now,
        updatedAt: now,
      };
      const secret: StoredSecret = {
        secretAccessKey: request.secretAccessKey,
        ...(request.sessionToken ? { sessionToken: request.sessionToken } : {}),
      };
      // Secret first: a connection in the settings without its secret would be unusable.
      await session.secrets.set(stored.id, encodeSecret(secret));
      try {
        await session.settings.update((settings) => ({ ...settings, connections: [...settings.connections, stored] }));
      } catch (error) {
        await session.secrets.delete(stored.id).catch(() => undefined);
        throw error;
      }
      await session.reopen(stored.id);
      return (await session.entry(stored.id)).connection;
    },

    async update(request) {
      const existing = await storedConnection(session, request.connectionId);
      const changesSecret = request.secretAccessKey !== undefined || request.sessionToken !== undefined;
      if (changesSecret) {
        await requireKeychain(session);
        const raw = await session.secrets.get(existing.id);
        const current = raw === undefined ? undefined : decodeSecret(raw);
        const secretAccessKey = request.secretAccessKey ?? current?.secretAccessKey;
        if (!secretAccessKey) {
          throw apiError('InvalidInput', 'The keychain has no secret access key for this connection: enter it again.');
        }
        const sessionToken = request.sessionToken === null ? undefined : (request.sessionToken ?? current?.sessionToken);
        await session.secrets.set(existing.id, encodeSecret({ secretAccessKey, ...(sessionToken ? { sessionToken } : {}) }));
      }
      const hasSessionToken =
        request.sessionToken === null ? false : request.sessionToken !== undefined ? true : existing.hasSessionToken;
      const endpoint = request.endpoint === null ? undefined : (request.endpoint ?? existing.endpoint);
      const updated: StoredConnection = {
        id: existing.id,
        name: request.name ?? existing.name,
        accessKeyId: request.accessKeyId ?? existing.accessKeyId,
        hasSessionToken,
        defaultRegion: request.defaultRegion ?? existing.defaultRegion,
        ...(endpoint ? { endpoint } : {}),
        createdAt: existing.createdAt,
        updatedAt: Date.now(),
      };
      await session.settings.update((settings) => ({
        ...settings,
        connections: settings.connections.map((connection) => (connection.id === existing.id ? updated : connection)),
      }));
      await session.reopen(existing.id);
      return (await session.entry(existing.id)).connection;
    },

    async delete(request) {
      const existing = await storedConnection(session, request.connectionId);
      await session.settings.update((settings) => ({
        ...settings,
        connections: settings.connections.filter((connection) => connection.id !== existing.id),
        recentRegions: Object.fromEntries(Object.entries(settings.recentRegions).filter(([id]) => id !== existing.id)),
        lastScope: settings.lastScope?.connectionId === existing.id ? undefined : settings.lastScope,
      }));
      await session.secrets.delete(existing.id).catch(() => undefined);
      await session.reopen(existing.id);
    },

    async check(request, { signal }) {
      const entry = await session.entry(request.connectionId);
      const scope = await session.current();
      const region = request.region ?? (scope.connection.id === entry.connection.id ? scope.region : entry.connection.defaultRegion);
      const sts = await session.clientFor(STSClient, entry, region);
      try {
        const identity = await sts.send(new GetCallerIdentityCommand({}), { abortSignal: signal });
        return { account: identity.Account ?? '', arn: identity.Arn ?? '', userId: identity.UserId ?? '' };
      } finally {
        sts.destroy();
      }
    },

    async provideMfaCode(request, { signal }) {
      const entry = await session.entry(request.connectionId);
      // The device may belong to this profile or to a role further down its chain; fromIni asks for either.
      if (entry.connection.profile?.credentialKind !== 'assume-role') {
        throw apiError('InvalidInput', `"${entry.connection.name}" does not assume a role, so it needs no MFA code.`);
      }
      session.mfa.offer(entry.connection.id, request.code);
      // Resolve now, so a wrong code is reported here, next to the field the user typed it in.
      await session.credentials(entry)({ forceRefresh: true });
      signal.throwIfAborted();
    },

    async *signIn(request, { signal }) {
      const entry = await session.entry(request.connectionId);
      const target = await ssoTarget(session, entry);
      // Nothing to reset afterwards: the SDK's SSO provider reads the token cache on its next
      // resolution, and reopening the scope here would cancel the retries the window starts at once.
      yield* streamIterable<SignInProgress>((listener) => {
        signInWithDeviceFlow(target, {
          homeDir: session.homeDir,
          signal,
          onAuthorize: (authorization) => {
            session.openExternal(authorization.verificationUriComplete);
            listener.next({ stage: 'authorize', ...authorization });
          },
        }).then(
          (result) => {
            listener.next({ stage: 'signed-in', expiresAt: result.expiresAt });
            listener.complete?.();
          },
          (error: unknown) => listener.error?.(session.describeFailure(error)),
        );
        return () => undefined; // the flow itself stops on `signal`
      }, signal);
    },
  };
}

async function requireKeychain(session: Session): Promise<void> {
  const availability = await session.secrets.availability();
  if (!availability.available) {
    throw apiError(
      'KeychainUnavailable',
      `${availability.reason} Connections with keys need the keychain; use an AWS profile (~/.aws/config) instead.`,
    );
  }
}

async function storedConnection(session: Session, connectionId: string): Promise<StoredConnection> {
  const settings = await session.settings.read();
  const found = settings.connections.find((connection) => connection.id === connectionId);
  if (!found) {
    throw apiError('NotFound', 'Only connections created in Cloudscope can be edited or deleted; profiles live in the AWS config files.');
  }
  return found;
}

/** The IAM Identity Center settings behind a profile: its own, or those of the SSO profile its role chain starts from. */
async function ssoTarget(session: Session, entry: CatalogEntry) {
  const chain = entry.profile?.chain ?? (entry.profile ? [entry.profile.name] : []);
  for (const name of chain) {
    const profile = name === entry.profile?.name ? entry.profile : (await session.entry(`${PROFILE_PREFIX}${name}`)).profile;
    if (profile?.kind === 'sso' && profile.ssoStartUrl && profile.ssoRegion) {
      return {
        startUrl: profile.ssoStartUrl,
        region: profile.ssoRegion,
        ...(profile.ssoSession ? { sessionName: profile.ssoSession } : {}),
        ...(profile.ssoRegistrationScopes ? { scopes: profile.ssoRegistrationScopes } : {}),
      };
    }
  }
  throw apiError(
    'InvalidInput',
    `"${entry.connection.name}" does not sign in through IAM Identity Center (SSO), or its sso_start_url / sso_region is missing.`,
  );
}
