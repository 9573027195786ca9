/**
 * The trails a region shows — its own, and multi-region trails of other regions ("shadow trails") —
 * with DescribeTrails, ListTrails, GetTrailStatus and GetEventSelectors.
 */
import type { RequestContext } from '../../core/context';
import { ServiceError } from '../../core/errors';
import { partitionOf } from '../../core/partition';
import { InputReader } from '../../core/validation';
import { TRAIL_STORE, type StoredTrail } from './store';

const MINUTE = 60_000;
/** CloudTrail delivers a trail's log files about every five minutes, and a digest file every hour. */
const DELIVERY_INTERVAL_MS = 5 * MINUTE;
const DIGEST_INTERVAL_MS = 60 * MINUTE;
const TRAIL_NAME = /^[A-Za-z0-9](?!.*[._-]{2})[A-Za-z0-9._-]{1,126}[A-Za-z0-9]$/;

function readInput(body: unknown): InputReader {
  return InputReader.of(body, 'InvalidParameterException');
}

function trailArn(trail: StoredTrail, accountId: string): string {
  return `arn:${partitionOf(trail.homeRegion)}:cloudtrail:${trail.homeRegion}:${accountId}:trail/${trail.name}`;
}

function describe(trail: StoredTrail, accountId: string): Record<string, unknown> {
  return {
    Name: trail.name,
    S3BucketName: trail.s3BucketName,
    ...(trail.s3KeyPrefix === undefined ? {} : { S3KeyPrefix: trail.s3KeyPrefix }),
    IncludeGlobalServiceEvents: trail.includeGlobalServiceEvents,
    IsMultiRegionTrail: trail.isMultiRegionTrail,
    HomeRegion: trail.homeRegion,
    TrailARN: trailArn(trail, accountId),
    LogFileValidationEnabled: trail.logFileValidationEnabled,
    ...(trail.cloudWatchLogsLogGroupArn === undefined ? {} : { CloudWatchLogsLogGroupArn: trail.cloudWatchLogsLogGroupArn }),
    ...(trail.cloudWatchLogsRoleArn === undefined ? {} : { CloudWatchLogsRoleArn: trail.cloudWatchLogsRoleArn }),
    ...(trail.kmsKeyId === undefined ? {} : { KmsKeyId: trail.kmsKeyId }),
    HasCustomEventSelectors: false,
    HasInsightSelectors: false,
    IsOrganizationTrail: false,
  };
}

/** The trail a name or ARN refers to: by name only among the region's own trails, as AWS does; others need their ARN. */
function findTrail(context: RequestContext, nameOrArn: string): StoredTrail {
  const isArn = nameOrArn.startsWith('arn:');
  if (isArn ? !/^arn:[^:]+:cloudtrail:[^:]+:\d{12}:trail\/.+$/.test(nameOrArn) : !TRAIL_NAME.test(nameOrArn)) {
    throw isArn
      ? new ServiceError('CloudTrailARNInvalidException', `Invalid trail ARN: ${nameOrArn}`)
      : new ServiceError(
          'InvalidTrailNameException',
          'Trail name must start with a letter or number, end with a letter or number, be 3 to 128 characters long, contain only ASCII letters, numbers, periods (.), underscores (_) and hyphens (-), and have no adjacent periods, underscores or hyphens.',
        );
  }
  const trails = context.state.store(TRAIL_STORE).trails;
  const found = trails.find((trail) => (isArn ? trailArn(trail, context.accountId) === nameOrArn : trail.name === nameOrArn && trail.homeRegion === context.region));
  if (found === undefined) throw new ServiceError('TrailNotFoundException', `Unknown trail: ${nameOrArn} for the user: ${context.accountId}`);
  return found;
}

export function describeTrails(body: unknown, context: RequestContext): object {
  const input = readInput(body);
  const names = input.stringList('trailNameList');
  const includeShadowTrails = input.boolean('includeShadowTrails') ?? true;
  input.finish();
  const trails = context.state.store(TRAIL_STORE).trails.filter((trail) => includeShadowTrails || trail.homeRegion === context.region);
  const chosen = names === undefined || names.length === 0 ? trails : names.map((name) => findTrail(context, name));
  return { trailList: chosen.map((trail) => describe(trail, context.accountId)) };
}

export function listTrails(body: unknown, context: RequestContext): object {
  const input = readInput(body);
  input.string('NextToken');
  input.finish();
  return {
    Trails: context.state.store(TRAIL_STORE).trails.map((trail) => ({ TrailARN: trailArn(trail, context.accountId), Name: trail.name, HomeRegion: trail.homeRegion })),
  };
}

export function getTrailStatus(body: unknown, context: RequestContext): object {
  const input = readInput(body);
  const name = input.string('Name', { required: true });
  input.finish();
  const trail = findTrail(context, name as string);
  // The latest delivery: the last five-minute boundary, give or take CloudTrail's own delay.
  const delivered = Math.floor(context.now / DELIVERY_INTERVAL_MS) * DELIVERY_INTERVAL_MS - 97_000;
  const digest = Math.floor(context.now / DIGEST_INTERVAL_MS) * DIGEST_INTERVAL_MS + 41_000;
  const seconds = (ms: number): number => Math.floor(ms / 1000);
  return {
    IsLogging: true,
    LatestDeliveryTime: seconds(delivered),
    StartLoggingTime: seconds(trail.startLoggingTime),
    ...(trail.cloudWatchLogsLogGroupArn === undefined ? {} : { LatestCloudWatchLogsDeliveryTime: seconds(context.now - 4_000) }),
    ...(trail.logFileValidationEnabled ? { LatestDigestDeliveryTime: seconds(digest <= context.now ? digest : digest - DIGEST_INTERVAL_MS) } : {}),
    LatestDeliveryAttemptTime: new Date(seconds(delivered) * 1000).toISOString().replace('.000Z', 'Z'),
    LatestDeliveryAttemptSucceeded: new Date(seconds(delivered) * 1000).toISOString().replace('.000Z', 'Z'),
    LatestNotificationAttemptTime: '',
    LatestNotificationAttemptSucceeded: '',
    TimeLoggingStarted: new Date(seconds(trail.startLoggingTime) * 1000).toISOString().replace('.000Z', 'Z'),
    TimeLoggingStopped: '',
  };
}

export function getEventSelectors(body: unknown, context: RequestContext): object {
  const input = readInput(body);
  const name = input.string('TrailName', { required: true });
  input.finish();
  const trail = findTrail(context, name as string);
  return {
    TrailARN: trailArn(trail, context.accountId),
    EventSelectors: [{ ReadWriteType: 'All', IncludeManagementEvents: true, DataResources: [], ExcludeManagementEventSources: [] }],
  };
}
