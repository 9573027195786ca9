/**
 * AWS CloudTrail (AWS JSON 1.1): event history (LookupEvents) and the trails. The sandbox's own writes
 * are recorded by record.ts. Botocore (the AWS CLI) targets `com.amazonaws.cloudtrail.v20131101.
 * CloudTrail_20131101.<Operation>`, as the service model says; the JavaScript SDK v3 targets
 * `CloudTrail_20131101.<Operation>` (its service shape's name). AWS answers both.
 */
import { CLOUDTRAIL_DEFAULT_TPS } from '../../../shared/quotas';
import { ServiceError } from '../../core/errors';
import type { JsonOperation } from '../../protocols/json';
import { reads, type ServiceDefinition } from '../service';
import { lookupEvents } from './lookup-events';
import { TRAIL_STORE } from './store';
import { describeTrails, getEventSelectors, getTrailStatus, listTrails } from './trails';

export const cloudTrail: ServiceDefinition<JsonOperation> = {
  name: 'cloudtrail',
  signingName: 'cloudtrail',
  protocols: [
    { protocol: 'awsJson', version: '1.1', targetPrefix: 'com.amazonaws.cloudtrail.v20131101.CloudTrail_20131101' },
    { protocol: 'awsJson', version: '1.1', targetPrefix: 'CloudTrail_20131101' },
  ],
  operations: {
    DescribeTrails: reads(describeTrails),
    GetEventSelectors: reads(getEventSelectors),
    GetTrailStatus: reads(getTrailStatus),
    ListTrails: reads(listTrails),
    LookupEvents: reads(lookupEvents),
  },
  regionalStore: TRAIL_STORE,
  defaultQuotas: CLOUDTRAIL_DEFAULT_TPS,
  throttlingError: () => new ServiceError('ThrottlingException', 'Rate exceeded'),
};
