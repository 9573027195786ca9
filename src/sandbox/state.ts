/** Everything the sandbox holds for its one account, kept independently per region as AWS does. */
import { IdentityStore } from './identity/store';
import { LogsStore } from './services/logs/store';
import { SsoStore } from './services/sso/store';

export class RegionState {
  readonly logs: LogsStore;

  constructor(accountId: string, region: string) {
    this.logs = new LogsStore(accountId, region);
  }
}

export class AccountState {
  private readonly regions = new Map<string, RegionState>();
  /** Access keys the sandbox issued, and the tests' controls over who may do what. */
  readonly identity: IdentityStore;
  /** IAM Identity Center: OIDC clients, device authorizations, tokens and account assignments. */
  readonly sso: SsoStore;

  constructor(readonly accountId: string) {
    this.identity = new IdentityStore(accountId);
    this.sso = new SsoStore(accountId);
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
