/**
 * CloudWatch metrics and dashboards (signing name `monitoring`, API version 2010-08-01), in all three
 * protocols AWS serves it in: AWS JSON 1.0 (`X-Amz-Target: GraniteServiceVersion20100801.<Op>`, the SDK for
 * JavaScript v3), the query protocol (AWS CLI v2 as Debian ships it, older SDKs) and Smithy RPC v2 CBOR
 * (current botocore). One implementation per operation serves all three: the query codec reads and writes
 * through the model's shapes.
 */
import { CLOUDWATCH_DEFAULT_TPS } from '../../../shared/quotas';
import { ServiceError } from '../../core/errors';
import { QUERY_AUTH_ERRORS } from '../../protocols/query';
import { type AuditResource, type Operation, type ServiceDefinition, reads, writes, writesData } from '../service';
import { deleteAlarms, describeAlarms, describeAlarmsForMetric, disableAlarmActions, enableAlarmActions, putMetricAlarm, setAlarmState } from './alarms/operations/alarms';
import { describeAlarmHistory } from './alarms/operations/history';
import { listTagsForResource, tagResource, untagResource } from './alarms/operations/tags';
import { ALARMS_STORE } from './alarms/store';
import { deleteDashboards, getDashboard, listDashboards, putDashboard } from './operations/dashboards';
import { getMetricData } from './operations/get-metric-data';
import { getMetricStatistics } from './operations/get-metric-statistics';
import { listMetrics } from './operations/list-metrics';
import { putMetricData } from './operations/put-metric-data';
import { CLOUDWATCH_SHAPES } from './shapes';
import { DASHBOARDS_STORE, METRICS_STORE } from './store';

/** Takes the input object (the same in every protocol); returns the output object, timestamps as `Date`s. */
export type CloudWatchOperation = Operation<unknown, object | undefined>;

export const cloudWatch: ServiceDefinition<CloudWatchOperation> = {
  name: 'cloudwatch',
  signingName: 'monitoring',
  protocols: [
    { protocol: 'awsJson', version: '1.0', targetPrefix: 'GraniteServiceVersion20100801' },
    { protocol: 'query', version: '2010-08-01', xmlNamespace: 'http://monitoring.amazonaws.com/doc/2010-08-01/', shapes: CLOUDWATCH_SHAPES },
    { protocol: 'rpcV2Cbor', serviceName: 'GraniteServiceVersion20100801' },
  ],
  operations: {
    DeleteAlarms: writes(deleteAlarms),
    DescribeAlarmHistory: reads(describeAlarmHistory),
    DescribeAlarms: reads(describeAlarms),
    DescribeAlarmsForMetric: reads(describeAlarmsForMetric),
    DisableAlarmActions: writes(disableAlarmActions),
    EnableAlarmActions: writes(enableAlarmActions),
    ListTagsForResource: reads(listTagsForResource),
    PutMetricAlarm: writes(putMetricAlarm),
    SetAlarmState: writes(setAlarmState),
    TagResource: writes(tagResource),
    UntagResource: writes(untagResource),
    DeleteDashboards: writes(deleteDashboards),
    GetDashboard: reads(getDashboard),
    GetMetricData: reads(getMetricData),
    GetMetricStatistics: reads(getMetricStatistics),
    ListDashboards: reads(listDashboards),
    ListMetrics: reads(listMetrics),
    PutDashboard: writes(putDashboard),
    PutMetricData: writesData(putMetricData),
  },
  regionalStore: METRICS_STORE,
  moreRegionalStores: [ALARMS_STORE],
  accountStore: DASHBOARDS_STORE,
  defaultQuotas: CLOUDWATCH_DEFAULT_TPS,
  authErrors: QUERY_AUTH_ERRORS,
  throttlingError: () => new ServiceError('Throttling', 'Rate exceeded'),
  resourceArn: (operation, input, scope) => {
    const { DashboardName: name, AlarmName: alarm } = (input ?? {}) as { DashboardName?: unknown; AlarmName?: unknown };
    if (operation.endsWith('Dashboard') && typeof name === 'string') return `arn:aws:cloudwatch::${scope.accountId}:dashboard/${name}`;
    return typeof alarm === 'string' ? `arn:aws:cloudwatch:${scope.region}:${scope.accountId}:alarm:${alarm}` : '*';
  },
  // PutMetricData (like the metric reads) is a CloudWatch data event, never in event history.
  cloudTrail: { resources: (_operation, input, scope) => [...dashboardResources(input, scope.accountId), ...alarmResources(input, scope)] },
  awsQueryCompatible: {
    shapeNamespace: 'com.amazonaws.cloudwatch',
    // The model's awsQueryError codes of the errors these operations declare.
    errorShapes: {
      InvalidParameterValue: 'InvalidParameterValueException',
      MissingParameter: 'MissingRequiredParameterException',
      InvalidParameterCombination: 'InvalidParameterCombinationException',
      InternalServiceError: 'InternalServiceFault',
      InvalidNextToken: 'InvalidNextToken',
      InvalidParameterInput: 'DashboardInvalidInputError',
      ResourceNotFound: 'DashboardNotFoundError',
      ResourceNotFoundException: 'ResourceNotFoundException',
      LimitExceeded: 'LimitExceededFault',
      InvalidFormat: 'InvalidFormatFault',
    },
  },
};

/** The dashboards a PutDashboard or DeleteDashboards call names, for CloudTrail's `resources`. */
function dashboardResources(input: unknown, accountId: string): readonly AuditResource[] {
  const { DashboardName, DashboardNames } = (input ?? {}) as { DashboardName?: unknown; DashboardNames?: unknown };
  const names = [DashboardName, ...(Array.isArray(DashboardNames) ? DashboardNames : [])].filter((name): name is string => typeof name === 'string');
  return names.map((name) => ({ type: 'AWS::CloudWatch::Dashboard', name, arn: `arn:aws:cloudwatch::${accountId}:dashboard/${name}` }));
}

/** The alarms an alarm write names (AlarmName, AlarmNames, or a tagged alarm's ARN), for CloudTrail's `resources`. */
function alarmResources(input: unknown, scope: { readonly region: string; readonly accountId: string }): readonly AuditResource[] {
  const { AlarmName, AlarmNames, ResourceARN } = (input ?? {}) as { AlarmName?: unknown; AlarmNames?: unknown; ResourceARN?: unknown };
  const fromArn = typeof ResourceARN === 'string' && ResourceARN.includes(':alarm:') ? ResourceARN.slice(ResourceARN.indexOf(':alarm:') + ':alarm:'.length) : undefined;
  const names = [AlarmName, ...(Array.isArray(AlarmNames) ? AlarmNames : []), fromArn].filter((name): name is string => typeof name === 'string');
  return names.map((name) => ({ type: 'AWS::CloudWatch::Alarm', name, arn: `arn:aws:cloudwatch:${scope.region}:${scope.accountId}:alarm:${name}` }));
}
