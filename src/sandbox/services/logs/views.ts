/** How log groups and streams appear in CloudWatch Logs responses. */
import type { LogGroup, LogStream } from './store';

export function describeLogGroup(group: LogGroup): Record<string, unknown> {
  const view: Record<string, unknown> = {
    logGroupName: group.name,
    creationTime: group.creationTime,
  };
  if (group.retentionInDays !== undefined) view.retentionInDays = group.retentionInDays;
  view.metricFilterCount = group.metricFilters.size;
  view.arn = `${group.arn}:*`;
  view.storedBytes = group.storedBytes;
  if (group.kmsKeyId !== undefined) view.kmsKeyId = group.kmsKeyId;
  view.logGroupClass = group.logGroupClass;
  view.logGroupArn = group.arn;
  if (group.deletionProtectionEnabled) view.deletionProtectionEnabled = true;
  return view;
}

/** With `logGroupNamePattern`, AWS returns only these three fields. */
export function describeLogGroupBriefly(group: LogGroup): Record<string, unknown> {
  return { logGroupName: group.name, creationTime: group.creationTime, arn: `${group.arn}:*` };
}

export function describeLogStream(stream: LogStream): Record<string, unknown> {
  const view: Record<string, unknown> = {
    logStreamName: stream.name,
    creationTime: stream.creationTime,
  };
  if (stream.firstEventTimestamp !== undefined) view.firstEventTimestamp = stream.firstEventTimestamp;
  if (stream.lastEventTimestamp !== undefined) view.lastEventTimestamp = stream.lastEventTimestamp;
  if (stream.lastIngestionTime !== undefined) view.lastIngestionTime = stream.lastIngestionTime;
  view.uploadSequenceToken = sequenceToken(stream);
  view.arn = stream.arn;
  // Reported as zero for streams since 2019; only log groups report stored bytes.
  view.storedBytes = 0;
  return view;
}

/** The deprecated (and ignored) sequence token, a 56-digit number like AWS's. */
export function sequenceToken(stream: LogStream): string {
  return `${String(stream.serial).padStart(16, '0')}${String(stream.uploads + 1).padStart(40, '0')}`;
}
