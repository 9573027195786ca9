/**
 * Every service the sandbox serves. A new service is a folder under services/ whose index.ts exports its
 * definition, and a line here.
 */
import type { DefaultQuotas } from '../faults';
import { cloudTrail } from './cloudtrail';
import { cloudWatch } from './cloudwatch';
import { cloudWatchLogs } from './logs';
import { s3 } from './s3';
import type { ServiceDefinition } from './service';
import { sns } from './sns';
import { ssoOidc, ssoPortal } from './sso';
import { sts } from './sts';

export const SERVICES: readonly ServiceDefinition[] = [cloudWatchLogs, sts, ssoOidc, ssoPortal, s3, cloudTrail, cloudWatch, sns];

/** The services' default TPS quotas, for `FaultInjector`. */
export function defaultQuotasOf(services: readonly ServiceDefinition[]): DefaultQuotas {
  return Object.fromEntries(services.flatMap((service) => (service.defaultQuotas === undefined ? [] : [[service.signingName, service.defaultQuotas]])));
}
