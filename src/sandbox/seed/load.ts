/** Loads seed data into the sandbox's state, bypassing the API: each service loads its part of each region. */
import { SERVICES } from '../services/registry';
import type { AccountState } from '../state';
import type { SeedData } from './types';

export function loadSeed(state: AccountState, data: SeedData, now: number): void {
  for (const region of data.regions) {
    const regionState = state.region(region.region);
    for (const { regionalStore } of SERVICES) regionalStore?.seed?.(regionState.store(regionalStore), region, now);
    for (const { moreRegionalStores = [] } of SERVICES) for (const store of moreRegionalStores) store.seed?.(regionState.store(store), region, now);
    for (const { accountStore } of SERVICES) accountStore?.seed?.(state.store(accountStore), region, now);
  }
}
