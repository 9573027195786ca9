/**
 * DescribeAlarmHistory: the region's alarm history of the last 30 days (kept after an alarm is deleted), by
 * alarm name, alarm types (metric alarms only unless told), item type and date range, newest first unless
 * ScanBy says TimestampAscending; MaxRecords 1–100 (default 100), the rest behind NextToken.
 */
import type { RequestContext } from '../../../../core/context';
import { CloudWatchInput, decodeToken, encodeToken } from '../../common';
import { enumError, validationError } from '../metric-alarm-input';
import { ALARM_TYPES, HISTORY_ITEM_TYPES, type AlarmType, type HistoryItem, type HistoryItemType } from '../model';
import { alarmRegionOf } from '../region';

const MAX_RECORDS = 100;

interface Cursor {
  /** How many matching items earlier pages returned. */
  readonly o: number;
}

function isCursor(value: unknown): value is Cursor {
  return typeof value === 'object' && value !== null && Number.isInteger((value as Cursor).o);
}

export function describeAlarmHistory(body: unknown, context: RequestContext): { AlarmHistoryItems: unknown[]; NextToken?: string } {
  const input = CloudWatchInput.of(body);
  const name = input.string('AlarmName', { maxLength: 255 });
  const types = (input.strings('AlarmTypes') ?? ['MetricAlarm']) as AlarmType[];
  for (const type of types) if (!ALARM_TYPES.includes(type)) throw enumError(type, 'alarmTypes', ALARM_TYPES);
  const itemType = input.string('HistoryItemType') as HistoryItemType | undefined;
  if (itemType !== undefined && !HISTORY_ITEM_TYPES.includes(itemType)) throw enumError(itemType, 'historyItemType', HISTORY_ITEM_TYPES);
  const start = input.timestampMs('StartDate');
  const end = input.timestampMs('EndDate');
  const scanBy = input.string('ScanBy') ?? 'TimestampDescending';
  if (scanBy !== 'TimestampDescending' && scanBy !== 'TimestampAscending') throw enumError(scanBy, 'scanBy', ['TimestampDescending', 'TimestampAscending']);
  const max = input.integer('MaxRecords') ?? MAX_RECORDS;
  if (max < 1 || max > MAX_RECORDS) throw validationError(`1 validation error detected: Value '${max}' at 'maxRecords' failed to satisfy constraint: Member must have value between 1 and ${MAX_RECORDS}`);
  const token = input.string('NextToken');
  const offset = token === undefined ? 0 : decodeToken(token, isCursor).o;

  const { alarms } = alarmRegionOf(context);
  const matching = alarms
    .historyAt(context.now)
    .filter(
      (item) =>
        (name === undefined || item.AlarmName === name) &&
        types.includes(item.AlarmType) &&
        (itemType === undefined || item.HistoryItemType === itemType) &&
        (start === undefined || item.timestamp >= start) &&
        (end === undefined || item.timestamp <= end),
    );
  const ordered = scanBy === 'TimestampAscending' ? matching : [...matching].reverse();
  const page = ordered.slice(offset, offset + max);
  const result: { AlarmHistoryItems: unknown[]; NextToken?: string } = { AlarmHistoryItems: page.map(historyOutput) };
  if (offset + max < ordered.length) result.NextToken = encodeToken({ o: offset + max } satisfies Cursor);
  return result;
}

function historyOutput(item: HistoryItem): Record<string, unknown> {
  return {
    AlarmName: item.AlarmName,
    AlarmType: item.AlarmType,
    Timestamp: new Date(item.timestamp),
    HistoryItemType: item.HistoryItemType,
    HistorySummary: item.HistorySummary,
    HistoryData: item.HistoryData,
  };
}
