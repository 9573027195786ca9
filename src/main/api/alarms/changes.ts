/**
 * `alarms.changes`: which alarms changed since a time, without listing them all again. DescribeAlarmHistory
 * without an AlarmName returns the items of every alarm of the AlarmTypes asked for, so a call or two say
 * which alarms changed state or configuration (or were deleted); DescribeAlarms then reads only those, 100
 * names a call. Both calls go through the scope's pace for their quotas (3 and 9 TPS).
 */
import { CloudWatchClient, DescribeAlarmHistoryCommand, DescribeAlarmsCommand } from '@aws-sdk/client-cloudwatch';
import { ALARM_CHANGES_MAX_ITEMS, DESCRIBE_ALARMS_PAGE_SIZE, type Alarm, type CloudscopeHandlers } from '../../../shared/contract';
import { paced } from '../paced';
import type { Session } from '../session';
import { alarmsOf, BOTH_TYPES } from './read';

/**
 * Every check reads the history again from this long before AWS's now: an item can become visible a little
 * after its timestamp, and a change is then read twice (harmless) rather than never.
 */
const CHANGES_OVERLAP_MS = 5 * 60_000;
/** DescribeAlarmHistory's largest page. */
const HISTORY_PAGE_SIZE = 100;

export function changesHandler(session: Session): CloudscopeHandlers['alarms']['changes'] {
  return async (request, { signal }) => {
    const scoped = await session.client(CloudWatchClient, signal, 'paced');
    const { client, abortSignal } = scoped;
    // AWS's clock, as the SDK has corrected for this machine's skew.
    const awsNow = Date.now() + (client.config.systemClockOffset ?? 0);
    const until = Math.max(request.since, awsNow - CHANGES_OVERLAP_MS);

    const names = new Set<string>();
    let items = 0;
    let nextToken: string | undefined;
    do {
      const output = await client.send(
        paced(
          new DescribeAlarmHistoryCommand({
            AlarmTypes: [...BOTH_TYPES],
            StartDate: new Date(request.since),
            ScanBy: 'TimestampAscending',
            MaxRecords: HISTORY_PAGE_SIZE,
            NextToken: nextToken,
          }),
          scoped.limiter('DescribeAlarmHistory'),
          abortSignal,
        ),
        { abortSignal },
      );
      for (const item of output.AlarmHistoryItems ?? []) if (item.AlarmName) names.add(item.AlarmName);
      items += output.AlarmHistoryItems?.length ?? 0;
      if (items > ALARM_CHANGES_MAX_ITEMS) return { alarms: [], removed: [], tooMany: true, until };
      nextToken = output.NextToken;
    } while (nextToken);

    const alarms: Alarm[] = [];
    const asked = [...names];
    for (let start = 0; start < asked.length; start += DESCRIBE_ALARMS_PAGE_SIZE) {
      const output = await client.send(
        paced(
          new DescribeAlarmsCommand({ AlarmNames: asked.slice(start, start + DESCRIBE_ALARMS_PAGE_SIZE), AlarmTypes: [...BOTH_TYPES], MaxRecords: DESCRIBE_ALARMS_PAGE_SIZE }),
          scoped.limiter('DescribeAlarms'),
          abortSignal,
        ),
        { abortSignal },
      );
      alarms.push(...alarmsOf(output));
    }
    const found = new Set(alarms.map((alarm) => alarm.name));
    return { alarms, removed: asked.filter((name) => !found.has(name)), tooMany: false, until };
  };
}
