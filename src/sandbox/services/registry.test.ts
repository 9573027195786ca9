import { describe, expect, it } from 'vitest';
import { DEFAULT_TPS_QUOTAS } from '../../shared/quotas';
import { defaultQuotasOf, SERVICES } from './registry';
import { bindingsOf } from './service';

describe('the service registry', () => {
  it('names each service once, and each JSON target prefix and REST route once', () => {
    const names = SERVICES.map((service) => service.name);
    expect(new Set(names).size).toBe(names.length);
    const prefixes = SERVICES.flatMap((service) => bindingsOf(service, 'awsJson').map((binding) => binding.targetPrefix));
    expect(new Set(prefixes).size).toBe(prefixes.length);
    const routes = SERVICES.flatMap((service) => bindingsOf(service, 'restJson').flatMap((binding) => Object.keys(binding.routes)));
    expect(new Set(routes).size).toBe(routes.length);
  });

  it('names only operations the services have', () => {
    for (const service of SERVICES) {
      const named = [
        ...bindingsOf(service, 'restJson').flatMap((binding) => Object.values(binding.routes)),
        ...(Array.isArray(service.unsignedOperations) ? service.unsignedOperations : []),
        ...(service.alwaysAllowed ?? []),
      ];
      for (const operation of named) expect(Object.hasOwn(service.operations, operation), `${service.name} ${operation}`).toBe(true);
    }
  });

  it('enforces the quotas the app knows: the shared table, by signing name', () => {
    expect(defaultQuotasOf(SERVICES)).toEqual(DEFAULT_TPS_QUOTAS);
  });
});
