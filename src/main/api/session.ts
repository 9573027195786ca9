/**
 * The current scope (connection + region) and the AWS clients that belong to it. Switching scope
 * aborts every call still running in the old one, so a slow answer can never land in the new view.
 */
import type { AwsCredentialIdentityProvider } from '@smithy/types';
import { homedir } from 'node:os';
import type { ConnectionList, Scope } from '../../shared/contract';
import type { SaveFormat } from '../../shared/contract/files';
import { apiError, type ApiError } from '../../shared/errors';
import { defaultTpsQuota } from '../../shared/quotas';
import { orderRegions, rememberRegion } from '../../shared/regions';
import { credentialProvider, MfaCodes } from '../credentials/providers';
import type { SecretStore } from '../credentials/secret-store';
import type { SettingsStore } from '../credentials/settings-store';
import { createAwsClient, type AwsClient, type AwsClientClass, type ClientTarget, type RetryBudget } from './aws-clients';
import { toApiError } from './aws-errors';
import { loadCatalog, type Catalog, type CatalogEntry } from './connection-catalog';
import { AdaptiveRateLimiter } from './rate-limiter';

export interface SessionOptions {
  /** Starts (once) the in-process sandbox behind the Demo connection and returns its endpoint. */
  readonly demoEndpoint: () => Promise<string>;
  /** Non-secret settings: connections created in the app, recent regions, the last scope. */
  readonly settings: SettingsStore;
  /** The OS keychain, for the secrets of connections created in the app. */
  readonly secrets: SecretStore;
  /** Opens a page in the user's browser (the SSO sign-in page). */
  readonly openExternal: (url: string) => void;
  /**
   * Asks the user where to save a file (the app's save dialog); the chosen path, or undefined when the
   * dialog was closed. Main owns the path: the window only ever sees the file's name.
   */
  readonly saveDialog: SaveDialog;
  /** Defaults to `process.env`; the SDK's own providers read `process.env` too. */
  readonly env?: Readonly<Record<string, string | undefined>>;
  /** Defaults to the user's home folder (where ~/.aws lives). */
  readonly homeDir?: string;
  /** Sent in the user agent of every AWS call; default `dev`. */
  readonly appVersion?: string;
}

/** `gzip`: an object saved as it is stored (an exported `.gz` part). */
export type SaveDialog = (options: { readonly suggestedName: string; readonly format: SaveFormat | 'gzip' }) => Promise<string | undefined>;

/** When AWS documents no quota for an operation, its pace starts here. */
const UNDOCUMENTED_QUOTA_TPS = 5;

interface ActiveScope {
  readonly entry: CatalogEntry;
  readonly region: string;
  readonly controller: AbortController;
  /** The scope's clients, one per client class and retry budget, destroyed when the scope closes. */
  readonly clients: Map<AwsClientClass<AwsClient>, Map<RetryBudget, Promise<AwsClient>>>;
  /** The scope's pace per `service:operation`, shared by every call of that operation. */
  readonly limiters: Map<string, AdaptiveRateLimiter>;
}

/** A client of the current scope, and the signal to pass with its calls. */
export interface ScopedClient<C> {
  readonly client: C;
  /** Aborts when the caller cancels or the scope the client belongs to closes. */
  readonly abortSignal: AbortSignal;
  /** The scope's rate limiter of one of the client's operations (see `paced`). */
  limiter(operation: string): AdaptiveRateLimiter;
}

export class Session {
  readonly mfa = new MfaCodes();
  private catalog: Promise<Catalog>;
  private active: Promise<ActiveScope>;
  /** The entry of the scope opened last, for describing failures synchronously. */
  private lastOpened: CatalogEntry | undefined;
  private readonly providers = new Map<string, { readonly signature: string; readonly provider: AwsCredentialIdentityProvider }>();

  constructor(private readonly options: SessionOptions) {
    this.catalog = this.loadCatalog();
    this.active = this.openInitialScope();
    // A failure here surfaces on the first call that awaits the scope.
    this.active.catch(() => undefined);
  }

  get env(): Readonly<Record<string, string | undefined>> {
    return this.options.env ?? process.env;
  }

  get homeDir(): string {
    return this.options.homeDir ?? homedir();
  }

  get settings(): SettingsStore {
    return this.options.settings;
  }

  get secrets(): SecretStore {
    return this.options.secrets;
  }

  openExternal(url: string): void {
    this.options.openExternal(url);
  }

  chooseSaveFile(options: Parameters<SaveDialog>[0]): Promise<string | undefined> {
    return this.options.saveDialog(options);
  }

  /**
   * Reads every source of connections again (the config files may have changed). The keychain is
   * probed only here, not when the first scope opens: a locked keyring can take seconds to answer.
   */
  async connections(): Promise<ConnectionList> {
    this.catalog = this.loadCatalog();
    const [{ list }, keychain] = await Promise.all([this.catalog, this.options.secrets.availability()]);
    if (keychain.available) return { ...list, keychain: { available: true } };
    return {
      ...list,
      connections: list.connections.map((connection) =>
        connection.kind === 'keys' ? { ...connection, problem: keychain.reason } : connection,
      ),
      keychain: { available: false, reason: keychain.reason },
    };
  }

  async entry(connectionId: string): Promise<CatalogEntry> {
    const found = (await this.catalog).entries.get(connectionId);
    if (!found) {
      throw apiError('NotFound', `There is no connection "${connectionId}" any more. Pick one from the connection list.`);
    }
    return found;
  }

  async current(): Promise<Scope> {
    return this.describe(await this.active);
  }

  async select(connectionId: string, region?: string): Promise<Scope> {
    const entry = await this.entry(connectionId);
    const nextRegion = region ?? entry.connection.defaultRegion;
    const active = await this.active;
    const changed = JSON.stringify(entry.connection) !== JSON.stringify(active.entry.connection);
    if (changed || nextRegion !== active.region) {
      this.close(active);
      this.active = Promise.resolve(this.open(entry, nextRegion));
      await this.remember(entry.connection.id, nextRegion);
    }
    return this.current();
  }

  /** Re-reads the connections after one was created, edited or deleted; reopens the scope if it was the current one. */
  async reopen(connectionId: string): Promise<void> {
    this.providers.delete(connectionId);
    this.catalog = this.loadCatalog();
    const active = await this.active;
    if (active.entry.connection.id !== connectionId) return;
    this.close(active);
    const catalog = await this.catalog;
    const entry = catalog.entries.get(connectionId) ?? catalog.entries.get(catalog.preferredId);
    if (!entry) throw apiError('Internal', 'No connection is left to open.');
    this.active = Promise.resolve(this.open(entry, entry === active.entry ? active.region : entry.connection.defaultRegion));
  }

  /**
   * A client of the current scope (cached per client class and retry budget), and a signal that aborts
   * when the caller cancels or that same scope closes — taken together, so a switch in between cannot
   * pair one scope's client with another's signal.
   */
  async client<C extends AwsClient>(
    Client: AwsClientClass<C>,
    callSignal: AbortSignal,
    budget: RetryBudget = 'interactive',
  ): Promise<ScopedClient<C>> {
    const scope = await this.active;
    const byBudget = scope.clients.get(Client) ?? new Map<RetryBudget, Promise<AwsClient>>();
    scope.clients.set(Client, byBudget);
    let client = byBudget.get(budget);
    if (client === undefined) {
      client = this.clientTarget(scope.entry, scope.region).then((target) => createAwsClient(Client, target, budget, this.appVersion));
      byBudget.set(budget, client);
    }
    const created = (await client) as C;
    const service = created.config.defaultSigningName ?? 'unknown';
    return {
      client: created,
      abortSignal: AbortSignal.any([callSignal, scope.controller.signal]),
      limiter: (operation) => limiterOf(scope, service, operation),
    };
  }

  /**
   * A client for any connection and region, e.g. to check one that is not the current scope. It belongs
   * to the caller, who destroys it.
   */
  async clientFor<C extends AwsClient>(Client: AwsClientClass<C>, entry: CatalogEntry, region: string): Promise<C> {
    return createAwsClient(Client, await this.clientTarget(entry, region), 'interactive', this.appVersion);
  }

  /** The connection's cached credential provider (one per connection, rebuilt when the connection changes). */
  credentials(entry: CatalogEntry): AwsCredentialIdentityProvider {
    const signature = JSON.stringify(entry.connection);
    const cached = this.providers.get(entry.connection.id);
    if (cached && cached.signature === signature) return cached.provider;
    const provider = credentialProvider(entry.connection.id, entry.source, { secrets: this.options.secrets, mfa: this.mfa });
    this.providers.set(entry.connection.id, { signature, provider });
    return provider;
  }

  /** Turns a failure into what the user sees, knowing which connection it happened on. */
  describeFailure(error: unknown): ApiError {
    const described = toApiError(error);
    const isSso = this.lastOpened?.connection.profile?.credentialKind === 'sso';
    if (isSso && described.code === 'Unauthenticated' && described.awsCode && /Expired|Unrecognized/.test(described.awsCode)) {
      return apiError('SignInRequired', 'Your IAM Identity Center (SSO) sign-in has expired. Sign in, then try again.', {
        awsCode: described.awsCode,
      });
    }
    return described;
  }

  dispose(): void {
    void this.active.then((active) => this.close(active)).catch(() => undefined);
  }

  private get appVersion(): string {
    return this.options.appVersion ?? 'dev';
  }

  private async clientTarget(entry: CatalogEntry, region: string): Promise<ClientTarget> {
    const connection = entry.connection;
    const credentials = this.credentials(entry);
    const customEndpoint = connection.endpoint !== undefined;
    if (connection.kind === 'demo') return { region, credentials, endpoint: await this.options.demoEndpoint(), customEndpoint: true };
    // Profiles go through the SDK's own config loading (endpoint_url, services sections); the environment's
    // AWS_ENDPOINT_URL is read by the SDK itself.
    if (entry.source.kind === 'profile') return { region, credentials, profile: entry.source.profile, customEndpoint };
    if (connection.kind === 'keys' && connection.endpoint) return { region, credentials, endpoint: connection.endpoint, customEndpoint };
    return { region, credentials, customEndpoint };
  }

  private loadCatalog(): Promise<Catalog> {
    return this.options.settings
      .read()
      .then((settings) => loadCatalog({ env: this.env, homeDir: this.homeDir, stored: settings.connections }));
  }

  private async openInitialScope(): Promise<ActiveScope> {
    const [catalog, settings] = await Promise.all([this.catalog, this.options.settings.read()]);
    const last = settings.lastScope;
    const remembered = last ? catalog.entries.get(last.connectionId) : undefined;
    if (remembered && last) return this.open(remembered, last.region);
    const preferred = catalog.entries.get(catalog.preferredId);
    if (!preferred) throw apiError('Internal', 'The connection list is empty.');
    return this.open(preferred, preferred.connection.defaultRegion);
  }

  private async describe(active: ActiveScope): Promise<Scope> {
    const settings = await this.options.settings.read();
    const recent = settings.recentRegions[active.entry.connection.id] ?? [];
    return {
      connection: active.entry.connection,
      region: active.region,
      regions: orderRegions(active.entry.connection.defaultRegion, [active.region, ...recent]),
    };
  }

  private async remember(connectionId: string, region: string): Promise<void> {
    await this.options.settings.update((settings) => ({
      ...settings,
      lastScope: { connectionId, region },
      recentRegions: {
        ...settings.recentRegions,
        [connectionId]: rememberRegion(settings.recentRegions[connectionId] ?? [], region),
      },
    }));
  }

  private open(entry: CatalogEntry, region: string): ActiveScope {
    this.lastOpened = entry;
    return { entry, region, controller: new AbortController(), clients: new Map(), limiters: new Map() };
  }

  private close(scope: ActiveScope): void {
    scope.controller.abort();
    for (const byBudget of scope.clients.values()) {
      for (const client of byBudget.values()) void client.then((created) => created.destroy()).catch(() => undefined);
    }
  }
}

function limiterOf(scope: ActiveScope, service: string, operation: string): AdaptiveRateLimiter {
  const key = `${service}:${operation}`;
  let limiter = scope.limiters.get(key);
  if (limiter === undefined) {
    limiter = new AdaptiveRateLimiter({ initialRate: defaultTpsQuota(service, operation, scope.region) ?? UNDOCUMENTED_QUOTA_TPS });
    scope.limiters.set(key, limiter);
  }
  return limiter;
}
