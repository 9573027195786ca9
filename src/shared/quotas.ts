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
  DeleteRetentionPolicy: { default: 5 },
  DeleteSubscriptionFilter: { default: 5 },
  DeleteTransformer: { default: 5 },
  DescribeDestinations: { default: 5 },
  DescribeExportTasks: { default: 5 },
  DescribeLogGroups: { default: 10 },
  DescribeLogStreams: { default: 25 },
  DescribeMetricFilters: { default: 5 },
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
  GetQueryResults: { default: 10 },
  GetTransformer: { default: 5 },
  ListTagsForResource: { default: 5 },
  ListTagsLogGroup: { default: 5 },
  PutDataProtectionPolicy: { default: 5 },
  PutDestination: { default: 5 },
  PutDestinationPolicy: { default: 5 },
  PutLogEvents: { default: 5000 },
  PutMetricFilter: { default: 5 },
  PutRetentionPolicy: { default: 5 },
  PutSubscriptionFilter: { default: 5 },
  PutTransformer: { default: 5 },
  StartLiveTail: { default: 5 },
  StartQuery: { default: 10 },
  TagLogGroup: { default: 5 },
  TagResource: { default: 5 },
  TestMetricFilter: { default: 5 },
  TestTransformer: { default: 5 },
  UntagLogGroup: { default: 5 },
  UntagResource: { default: 5 },
};

/**
 * CloudWatch's (metrics and dashboards) default API rate quotas, from the "CloudWatch service quotas" page of
 * the CloudWatch User Guide (https://docs.aws.amazon.com/AmazonCloudWatch/latest/monitoring/cloudwatch_limits.html,
 * the "… requests" rows: transactions per second per account and region). GetMetricData is also limited to
 * 180,000 datapoints per second in us-east-1, us-west-2 and eu-west-1 (90,000 elsewhere); only its TPS is
 * enforced here.
 */
export const CLOUDWATCH_DEFAULT_TPS: Readonly<Record<string, TpsQuota>> = {
  DeleteDashboards: { default: 10 },
  GetDashboard: { default: 10 },
  GetMetricData: { default: 50 },
  GetMetricStatistics: { default: 400 },
  ListDashboards: { default: 10 },
  ListMetrics: { default: 25 },
  PutDashboard: { default: 10 },
  PutMetricData: { default: 500 },
};

/** Default quotas by SigV4 service name (`logs`, `monitoring`, later `cloudtrail`, …). */
export const DEFAULT_TPS_QUOTAS: Readonly<Record<string, Readonly<Record<string, TpsQuota>>>> = {
  logs: CLOUDWATCH_LOGS_DEFAULT_TPS,
  monitoring: CLOUDWATCH_DEFAULT_TPS,
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
