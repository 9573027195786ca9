/** Connections: listing, choosing, creating with keys in the keychain, checking, MFA and SSO sign-in. */
import { GetCallerIdentityCommand } from '@aws-sdk/client-sts';
import { randomUUID } from 'node:crypto';
import type { CloudscopeHandlers, Connection, SignInProgress } from '../../shared/contract';
import { apiError } from '../../shared/errors';
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
      return connectionById(session, stored.id);
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
      return connectionById(session, existing.id);
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
      const sts = await session.sts(entry, region);
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
      const progress = new ProgressQueue<SignInProgress>();
      const done = signInWithDeviceFlow(target, {
        homeDir: session.homeDir,
        signal,
        onAuthorize: (authorization) => {
          session.openExternal(authorization.verificationUriComplete);
          progress.push({ stage: 'authorize', ...authorization });
        },
      }).then(
        (result) => progress.finish({ stage: 'signed-in', expiresAt: result.expiresAt }),
        (error: unknown) => progress.fail(error),
      );
      // Nothing to reset afterwards: the SDK's SSO provider reads the token cache on its next
      // resolution, and reopening the scope here would cancel the retries the window starts at once.
      yield* progress;
      await done;
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

async function connectionById(session: Session, connectionId: string): Promise<Connection> {
  const list = await session.connections();
  const found = list.connections.find((connection) => connection.id === connectionId);
  if (!found) throw apiError('Internal', 'The connection was saved but cannot be read back.');
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

/** Turns callbacks into an async iterable: items in order, then the final item or the failure. */
class ProgressQueue<T> implements AsyncIterable<T> {
  private readonly items: T[] = [];
  private ended = false;
  private failure: { readonly error: unknown } | undefined;
  private wake: (() => void) | undefined;

  push(item: T): void {
    this.items.push(item);
    this.notify();
  }

  finish(last: T): void {
    this.items.push(last);
    this.ended = true;
    this.notify();
  }

  fail(error: unknown): void {
    this.failure = { error };
    this.ended = true;
    this.notify();
  }

  async *[Symbol.asyncIterator](): AsyncIterator<T> {
    for (;;) {
      const item = this.items.shift();
      if (item !== undefined) {
        yield item;
        continue;
      }
      if (this.failure) throw this.failure.error;
      if (this.ended) return;
      await new Promise<void>((resolve) => (this.wake = resolve));
    }
  }

  private notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
