/** Everything the sandbox holds for its one account, kept independently per region as AWS does. */
import { IdentityStore } from './identity/store';
import type { SeedRegion } from './seed/types';
import { SsoStore } from './services/sso/store';

/** How a service keeps state in each region: a region's store starts empty and may be filled from seed data. */
export interface RegionalStore<Store> {
  create(accountId: string, region: string): Store;
  /** Loads the part of a region's seed data that this service owns. */
  seed?(store: Store, data: SeedRegion, now: number): void;
}

/** How a service keeps state that is not regional (settings, cross-region bookkeeping, CloudWatch dashboards). */
export interface AccountStore<Store> {
  create(accountId: string): Store;
  /** Loads the part of a region's seed data that this service keeps account-wide. */
  seed?(store: Store, data: SeedRegion, now: number): void;
}

/** One region's stores, one per service that keeps state, each created on first use. */
export class RegionState {
  private readonly stores = new Map<RegionalStore<unknown>, unknown>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  store<Store>(kind: RegionalStore<Store>): Store {
    if (!this.stores.has(kind)) this.stores.set(kind, kind.create(this.accountId, this.region));
    return this.stores.get(kind) as Store;
  }
}

export class AccountState {
  private readonly regions = new Map<string, RegionState>();
  private readonly stores = new Map<AccountStore<unknown>, unknown>();
  /** Access keys the sandbox issued, and the tests' controls over who may do what. */
  readonly identity: IdentityStore;
  /** IAM Identity Center: OIDC clients, device authorizations, tokens and account assignments. */
  readonly sso: SsoStore;

  constructor(
    readonly accountId: string,
    /** The sandbox clock (epoch ms), for work that goes on between requests (export tasks). */
    readonly clock: () => number = Date.now,
  ) {
    this.identity = new IdentityStore(accountId);
    this.sso = new SsoStore(accountId);
  }

  /** A service's account-wide store, created on first use. */
  store<Store>(kind: AccountStore<Store>): Store {
    if (!this.stores.has(kind)) this.stores.set(kind, kind.create(this.accountId));
    return this.stores.get(kind) as Store;
  }

  /** The regions used so far (work that runs between requests, such as alarm evaluation, visits each). */
  regionStates(): readonly RegionState[] {
    return [...this.regions.values()];
  }

  /** The state of a region, created empty on first use. */
  region(name: string): RegionState {
    let state = this.regions.get(name);
    if (state === undefined) {
      state = new RegionState(this.accountId, name);
      this.regions.set(name, state);
    }
    return state;
  }
}
