/** CloudWatch Logs (AWS JSON 1.1, `X-Amz-Target: Logs_20140328.<Operation>`): one module per operation. */
import type { JsonService } from '../../protocols/json';
import { createLogGroup } from './operations/create-log-group';
import { createLogStream } from './operations/create-log-stream';
import { deleteLogGroup } from './operations/delete-log-group';
import { describeLogGroups } from './operations/describe-log-groups';
import { describeLogStreams } from './operations/describe-log-streams';
import { filterLogEvents } from './operations/filter-log-events';
import { getLogEvents } from './operations/get-log-events';
import { putLogEvents } from './operations/put-log-events';
import { deleteRetentionPolicy, putRetentionPolicy } from './operations/retention-policy';
import { logsResourceArn } from './resources';

export const cloudWatchLogs: JsonService = {
  signingName: 'logs',
  targetPrefix: 'Logs_20140328',
  contentType: 'application/x-amz-json-1.1',
  throttlingCode: 'ThrottlingException',
  operations: {
    CreateLogGroup: createLogGroup,
    CreateLogStream: createLogStream,
    DeleteLogGroup: deleteLogGroup,
    DeleteRetentionPolicy: deleteRetentionPolicy,
    DescribeLogGroups: describeLogGroups,
    DescribeLogStreams: describeLogStreams,
    FilterLogEvents: filterLogEvents,
    GetLogEvents: getLogEvents,
    PutLogEvents: putLogEvents,
    PutRetentionPolicy: putRetentionPolicy,
  },
  resourceArn: logsResourceArn,
};
