/**
 * AWS's default API rate quotas (transactions per second, per account and region), as published on the
 * "CloudWatch Logs quotas" page of the CloudWatch Logs User Guide
 * (https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/cloudwatch_limits_cwl.html, the
 * "… throttle limit in transactions per second" rows). The sandbox enforces them, the app names them when AWS
 * throttles, and benchmarks compare achieved rates against them.
 */
export interface TpsQuota {
  /** Requests per second in every region not listed in `byRegion`. */
  readonly default: number;
  readonly byRegion?: Readonly<Record<string, number>>;
}

export const CLOUDWATCH_LOGS_DEFAULT_TPS: Readonly<Record<string, TpsQuota>> = {
  AssociateKmsKey: { default: 5 },
  CancelExportTask: { default: 5 },
  CreateExportTask: { default: 5 },
  CreateLogGroup: { default: 10 },
  CreateLogStream: { default: 50 },
  DeleteDataProtectionPolicy: { default: 5 },
  DeleteDestination: { default: 5 },
  DeleteLogGroup: { default: 10 },
  DeleteLogStream: { default: 15 },
  DeleteMetricFilter: { default: 5 },
  DeleteQueryDefinition: { default: 5 },
  DeleteRetentionPolicy: { default: 5 },
  DeleteSubscriptionFilter: { default: 5 },
  DeleteTransformer: { default: 5 },
  DescribeDestinations: { default: 5 },
  DescribeExportTasks: { default: 5 },
  DescribeLogGroups: { default: 10 },
  DescribeLogStreams: { default: 25 },
  DescribeMetricFilters: { default: 5 },
  DescribeQueries: { default: 5 },
  DescribeQueryDefinitions: { default: 5 },
  DescribeSubscriptionFilters: { default: 5 },
  FilterLogEvents: {
    default: 10,
    byRegion: {
      'us-east-1': 25,
      'ap-northeast-3': 5,
      'ap-southeast-3': 5,
      'ca-west-1': 5,
      'eu-central-1': 5,
      'il-central-1': 5,
    },
  },
  GetDataProtectionPolicy: { default: 5 },
  GetLogEvents: {
    default: 25,
    byRegion: {
      'us-west-2': 10,
      'ap-northeast-3': 10,
      'ap-southeast-3': 10,
      'ca-west-1': 10,
      'eu-central-1': 10,
      'eu-west-1': 10,
      'eu-west-3': 30,
      'il-central-1': 10,
    },
  },
  GetLogGroupFields: { default: 5 },
  GetLogRecord: { default: 5 },
  GetQueryResults: { default: 10 },
  GetTransformer: { default: 5 },
  ListTagsForResource: { default: 5 },
  ListTagsLogGroup: { default: 5 },
  PutDataProtectionPolicy: { default: 5 },
  PutDestination: { default: 5 },
  PutDestinationPolicy: { default: 5 },
  PutLogEvents: { default: 5000 },
  PutMetricFilter: { default: 5 },
  PutQueryDefinition: { default: 5 },
  PutRetentionPolicy: { default: 5 },
  PutSubscriptionFilter: { default: 5 },
  PutTransformer: { default: 5 },
  StartLiveTail: { default: 5 },
  StartQuery: { default: 10 },
  StopQuery: { default: 5 },
  TagLogGroup: { default: 5 },
  TagResource: { default: 5 },
  TestMetricFilter: { default: 5 },
  TestTransformer: { default: 5 },
  UntagLogGroup: { default: 5 },
  UntagResource: { default: 5 },
};

/**
 * AWS CloudTrail's API rate quotas, per account and region, from "Quotas in AWS CloudTrail" in the
 * CloudTrail User Guide (https://docs.aws.amazon.com/awscloudtrail/latest/userguide/WhatIsCloudTrail-Limits.html):
 * LookupEvents 2 TPS (also in the LookupEvents API reference), get/describe/list APIs 10 TPS, all other
 * APIs 1 TPS; none can be increased.
 */
export const CLOUDTRAIL_DEFAULT_TPS: Readonly<Record<string, TpsQuota>> = {
  DescribeTrails: { default: 10 },
  GetEventSelectors: { default: 10 },
  GetTrailStatus: { default: 10 },
  ListTrails: { default: 10 },
  LookupEvents: { default: 2 },
};

/**
 * CloudWatch's (metrics and dashboards) default API rate quotas, from the "CloudWatch service quotas" page of
 * the CloudWatch User Guide (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html,
 * the "… requests" rows: transactions per second per account and region). GetMetricData is also limited to
 * 180,000 datapoints per second in us-east-1, us-west-2 and eu-west-1 (90,000 elsewhere); only its TPS is
 * enforced here. The alarm operations' rows: DescribeAlarms and DescribeAlarmsForMetric 9 TPS; PutMetricAlarm,
 * DeleteAlarms, DescribeAlarmHistory, Enable/DisableAlarmActions and SetAlarmState 3 TPS. PutCompositeAlarm
 * has no row of its own, so it is not throttled.
 */
export const CLOUDWATCH_DEFAULT_TPS: Readonly<Record<string, TpsQuota>> = {
  DeleteAlarms: { default: 3 },
  DeleteAnomalyDetector: { default: 5 },
  DeleteDashboards: { default: 10 },
  DescribeAlarmHistory: { default: 3 },
  DescribeAlarms: { default: 9 },
  DescribeAlarmsForMetric: { default: 9 },
  DescribeAnomalyDetectors: { default: 10 },
  DisableAlarmActions: { default: 3 },
  EnableAlarmActions: { default: 3 },
  GetDashboard: { default: 10 },
  GetMetricData: { default: 50 },
  GetMetricStatistics: { default: 400 },
  ListDashboards: { default: 10 },
  ListMetrics: { default: 25 },
  PutAnomalyDetector: { default: 10 },
  PutDashboard: { default: 10 },
  PutMetricAlarm: { default: 3 },
  PutMetricData: { default: 500 },
  SetAlarmState: { default: 3 },
};

/**
 * Amazon SNS's default API rate quotas. ListTopics and ListSubscriptionsByTopic (30 TPS) and Subscribe (100 TPS)
 * as their API references state ("This action is throttled at … transactions per second"; also in botocore's
 * sns/2010-03-31 model). Publish from the "Amazon SNS endpoints and quotas" page of the AWS General Reference
 * (https://docs.aws.amazon.com/general/latest/gr/sns.html): 30,000 messages per second in us-east-1, 9,000 in
 * us-west-2 and eu-west-1, 300 to 1,500 elsewhere by region (300 here). CreateTopic and DeleteTopic have no
 * published rate, so they are not throttled.
 */
export const SNS_DEFAULT_TPS: Readonly<Record<string, TpsQuota>> = {
  ListSubscriptionsByTopic: { default: 30 },
  ListTopics: { default: 30 },
  Publish: { default: 300, byRegion: { 'us-east-1': 30_000, 'us-west-2': 9_000, 'eu-west-1': 9_000 } },
  Subscribe: { default: 100 },
};

/** Default quotas by SigV4 service name (`logs`, `monitoring`, `cloudtrail`, …). */
export const DEFAULT_TPS_QUOTAS: Readonly<Record<string, Readonly<Record<string, TpsQuota>>>> = {
  logs: CLOUDWATCH_LOGS_DEFAULT_TPS,
  monitoring: CLOUDWATCH_DEFAULT_TPS,
  cloudtrail: CLOUDTRAIL_DEFAULT_TPS,
  sns: SNS_DEFAULT_TPS,
};

/** AWS's default TPS quota for an operation in a region, or undefined when AWS documents none. */
export function defaultTpsQuota(service: string, operation: string, region: string): number | undefined {
  const quota = DEFAULT_TPS_QUOTAS[service]?.[operation];
  return quota === undefined ? undefined : tpsIn(quota, region);
}

/** A quota's TPS in a region. */
export function tpsIn(quota: TpsQuota, region: string): number {
  return quota.byRegion?.[region] ?? quota.default;
}
