/** Everything the sandbox holds for its one account, kept independently per region as AWS does. */
import { LogsStore } from './services/logs/store';

export class RegionState {
  readonly logs: LogsStore;

  constructor(accountId: string, region: string) {
    this.logs = new LogsStore(accountId, region);
  }
}

export class AccountState {
  private readonly regions = new Map<string, RegionState>();

  constructor(readonly accountId: string) {}

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
