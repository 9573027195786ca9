/** The local AWS-compatible sandbox: the app's demo backend and every test's AWS. */
export { DEFAULT_ACCOUNT_ID, MAX_REQUEST_BYTES, startSandbox, type CloudWatchControls, type Sandbox, type SandboxOptions } from './server';
export type { FaultOptions, QuotaSetting } from './faults';
export { CLOUDWATCH_DEFAULT_TPS, CLOUDWATCH_LOGS_DEFAULT_TPS, DEFAULT_TPS_QUOTAS, defaultTpsQuota, type TpsQuota } from '../shared/quotas';
export type { BulkSeed, BulkSeedResult } from './seed/bulk';
export type { MetricBulkSeed, MetricBulkSeedResult } from './seed/metrics-bulk';
export type { MetricIdentity } from './services/cloudwatch/series';
export type { MetricsStore } from './services/cloudwatch/store';
export type { SeedCloudTrail, SeedData, SeedLogEvent, SeedLogGroup, SeedLogStream, SeedRegion, SeedTrail, SeedTrailEvent } from './seed/types';
export type { TrailStore } from './services/cloudtrail/store';
export type { TrailEvent as RecordedTrailEvent } from './services/cloudtrail/events';
export type { IncomingEvent, LogGroup, LogGroupClass, LogsStore, LogStream, NewLogGroup } from './services/logs/store';
export type { IdentityControls, InsightsControls, LiveTailControls, SsoControls } from './controls';
export type { InsightsSettings } from './services/logs/insights/settings';
export type { LiveTailSettings } from './services/logs/live-tail-sessions';
export type { Caller, IssuedCredentials, RoleSettings } from './identity/store';
export type { PendingAuthorization, SsoAccountAssignment, SsoSettings } from './services/sso/store';
