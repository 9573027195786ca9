/** CloudWatch Logs (AWS JSON 1.1, `X-Amz-Target: Logs_20140328.<Operation>`): one module per operation. */
import { CLOUDWATCH_LOGS_DEFAULT_TPS } from '../../../shared/quotas';
import { ServiceError } from '../../core/errors';
import type { JsonOperation } from '../../protocols/json';
import { reads, writes, writesData, type ServiceDefinition } from '../service';
import { createLogGroup } from './operations/create-log-group';
import { createLogStream } from './operations/create-log-stream';
import { deleteLogGroup } from './operations/delete-log-group';
import { describeLogGroups } from './operations/describe-log-groups';
import { describeLogStreams } from './operations/describe-log-streams';
import { cancelExportTask, createExportTask, describeExportTasks } from './operations/export-tasks';
import { filterLogEvents } from './operations/filter-log-events';
import { getLogEvents } from './operations/get-log-events';
import { deleteMetricFilter, describeMetricFilters, putMetricFilter, testMetricFilter } from './operations/metric-filters';
import { putLogEvents } from './operations/put-log-events';
import { deleteRetentionPolicy, putRetentionPolicy } from './operations/retention-policy';
import { startLiveTail } from './operations/start-live-tail';
import { deleteQueryDefinition } from './operations/delete-query-definition';
import { describeQueries } from './operations/describe-queries';
import { describeQueryDefinitions } from './operations/describe-query-definitions';
import { getLogGroupFields } from './operations/get-log-group-fields';
import { getLogRecord } from './operations/get-log-record';
import { getQueryResults } from './operations/get-query-results';
import { putQueryDefinition } from './operations/put-query-definition';
import { startQuery } from './operations/start-query';
import { stopQuery } from './operations/stop-query';
import { logsAuditResources, logsResourceArn } from './resources';
import { LOGS_STORE } from './store';

export const cloudWatchLogs: ServiceDefinition<JsonOperation> = {
  name: 'logs',
  signingName: 'logs',
  protocols: [{ protocol: 'awsJson', version: '1.1', targetPrefix: 'Logs_20140328' }],
  operations: {
    CreateLogGroup: writes(createLogGroup),
    CreateLogStream: writes(createLogStream),
    DeleteLogGroup: writes(deleteLogGroup),
    DeleteRetentionPolicy: writes(deleteRetentionPolicy),
    DescribeLogGroups: reads(describeLogGroups),
    DescribeLogStreams: reads(describeLogStreams),
    FilterLogEvents: reads(filterLogEvents),
    GetLogEvents: reads(getLogEvents),
    PutLogEvents: writesData(putLogEvents),
    PutRetentionPolicy: writes(putRetentionPolicy),
    StartLiveTail: reads(startLiveTail),
    CreateExportTask: writes(createExportTask),
    DescribeExportTasks: reads(describeExportTasks),
    CancelExportTask: writes(cancelExportTask),
    StartQuery: reads(startQuery),
    GetQueryResults: reads(getQueryResults),
    StopQuery: reads(stopQuery),
    DescribeQueries: reads(describeQueries),
    GetLogRecord: reads(getLogRecord),
    GetLogGroupFields: reads(getLogGroupFields),
    PutQueryDefinition: writes(putQueryDefinition),
    DescribeQueryDefinitions: reads(describeQueryDefinitions),
    DeleteQueryDefinition: writes(deleteQueryDefinition),
    PutMetricFilter: writes(putMetricFilter),
    DescribeMetricFilters: reads(describeMetricFilters),
    DeleteMetricFilter: writes(deleteMetricFilter),
    TestMetricFilter: reads(testMetricFilter),
  },
  regionalStore: LOGS_STORE,
  defaultQuotas: CLOUDWATCH_LOGS_DEFAULT_TPS,
  throttlingError: () => new ServiceError('ThrottlingException', 'Rate exceeded'),
  resourceArn: logsResourceArn,
  cloudTrail: { resources: logsAuditResources },
};
