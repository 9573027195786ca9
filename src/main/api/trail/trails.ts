/** `trail.trails`: the region's trails (DescribeTrails, shadow trails included) and each one's status (GetTrailStatus). */
import { CloudTrailClient, DescribeTrailsCommand, GetTrailStatusCommand, type GetTrailStatusCommandOutput, type Trail as AwsTrail } from '@aws-sdk/client-cloudtrail';
import type { CloudscopeHandlers, Trail, TrailStatus } from '../../../shared/contract';
import { toApiError } from '../aws-errors';
import type { Session } from '../session';

export function trailsHandler(session: Session): CloudscopeHandlers['trail']['trails'] {
  return async (_request, { signal }) => {
    const scoped = await session.client(CloudTrailClient, signal);
    const { trailList = [] } = await scoped.client.send(new DescribeTrailsCommand({ includeShadowTrails: true }), { abortSignal: scoped.abortSignal });
    return Promise.all(
      trailList.map(async (trail): Promise<Trail> => {
        const described = describe(trail);
        try {
          const status = await scoped.client.send(new GetTrailStatusCommand({ Name: trail.TrailARN ?? trail.Name }), { abortSignal: scoped.abortSignal });
          return { ...described, status: toStatus(status) };
        } catch (error) {
          if (scoped.abortSignal.aborted) throw error;
          return { ...described, statusProblem: toApiError(error).message };
        }
      }),
    );
  };
}

function describe(trail: AwsTrail): Trail {
  return {
    name: trail.Name ?? '',
    arn: trail.TrailARN ?? '',
    homeRegion: trail.HomeRegion ?? '',
    isMultiRegion: trail.IsMultiRegionTrail ?? false,
    ...(trail.S3BucketName ? { s3BucketName: trail.S3BucketName } : {}),
    ...(trail.S3KeyPrefix ? { s3KeyPrefix: trail.S3KeyPrefix } : {}),
    logFileValidation: trail.LogFileValidationEnabled ?? false,
    ...(trail.CloudWatchLogsLogGroupArn ? { cloudWatchLogsLogGroupArn: trail.CloudWatchLogsLogGroupArn } : {}),
    ...(trail.KmsKeyId ? { kmsKeyId: trail.KmsKeyId } : {}),
    isOrganizationTrail: trail.IsOrganizationTrail ?? false,
  };
}

function toStatus(status: GetTrailStatusCommandOutput): TrailStatus {
  const time = (date: Date | undefined) => date?.getTime();
  const entries: [keyof TrailStatus, unknown][] = [
    ['isLogging', status.IsLogging ?? false],
    ['latestDeliveryTime', time(status.LatestDeliveryTime)],
    ['latestDeliveryError', status.LatestDeliveryError || undefined],
    ['latestCloudWatchLogsDeliveryTime', time(status.LatestCloudWatchLogsDeliveryTime)],
    ['latestCloudWatchLogsDeliveryError', status.LatestCloudWatchLogsDeliveryError || undefined],
    ['latestDigestDeliveryTime', time(status.LatestDigestDeliveryTime)],
    ['startLoggingTime', time(status.StartLoggingTime)],
    ['stopLoggingTime', time(status.StopLoggingTime)],
  ];
  return Object.fromEntries(entries.filter(([, value]) => value !== undefined)) as unknown as TrailStatus;
}
