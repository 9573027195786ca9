/** Loads seed data into the sandbox's state, bypassing the API (no validation, no throttling). */
import { LOGS_STORE } from '../services/logs/store';
import type { AccountState } from '../state';
import type { SeedData } from './types';

const SEEDED_STORES = [LOGS_STORE];

export function loadSeed(state: AccountState, data: SeedData, now: number): void {
  for (const region of data.regions) {
    const regionState = state.region(region.region);
    for (const store of SEEDED_STORES) store.seed?.(regionState.store(store), region, now);
  }
}
