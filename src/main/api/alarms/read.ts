/** Reading alarms: the list (every page, paced), one alarm with its tags, the alarms of a metric, history. */
import {
  CloudWatchClient,
  DescribeAlarmHistoryCommand,
  DescribeAlarmsCommand,
  DescribeAlarmsForMetricCommand,
  ListTagsForResourceCommand,
  type DescribeAlarmsCommandOutput,
} from '@aws-sdk/client-cloudwatch';
import type { Alarm, AlarmPage, CloudscopeHandlers } from '../../../shared/contract';
import { DESCRIBE_ALARMS_PAGE_SIZE } from '../../../shared/contract';
import { apiError } from '../../../shared/errors';
import { paced } from '../paced';
import type { ScopedClient, Session } from '../session';
import { toCompositeAlarm, toHistoryItem, toMetricAlarm } from './convert';

type ReadHandlers = Pick<CloudscopeHandlers['alarms'], 'list' | 'get' | 'forMetric' | 'history'>;

export const BOTH_TYPES = ['MetricAlarm', 'CompositeAlarm'] as const;

export function readHandlers(session: Session): ReadHandlers {
  return {
    async *list(request, { signal }): AsyncGenerator<AlarmPage> {
      const scoped = await session.client(CloudWatchClient, signal, 'paced');
      const { client, abortSignal } = scoped;
      const limiter = scoped.limiter('DescribeAlarms');
      let throttled = 0;
      const fetchPage = (nextToken: string | undefined): Promise<DescribeAlarmsCommandOutput> =>
        client.send(
          paced(
            new DescribeAlarmsCommand({
              AlarmNamePrefix: request.namePrefix,
              StateValue: request.state,
              ActionPrefix: request.actionPrefix,
              AlarmTypes: [...BOTH_TYPES],
              MaxRecords: DESCRIBE_ALARMS_PAGE_SIZE,
              NextToken: nextToken,
            }),
            limiter,
            abortSignal,
            { throttled: () => (throttled += 1) },
          ),
          { abortSignal },
        );
      let pending: Promise<DescribeAlarmsCommandOutput> | undefined = fetchPage(undefined);
      let pages = 0;
      try {
        while (pending) {
          const output: DescribeAlarmsCommandOutput = await pending;
          pending = output.NextToken ? fetchPage(output.NextToken) : undefined;
          pages += 1;
          yield { alarms: alarmsOf(output), pages, throttled };
        }
      } finally {
        // Stopped early: the call already on its way must not fail unobserved.
        pending?.catch(() => undefined);
      }
    },

    async get(request, { signal }) {
      const scoped = await session.client(CloudWatchClient, signal);
      const alarm = await describeAlarm(scoped, request.name);
      if (!alarm) throw apiError('NotFound', `There is no alarm named ${request.name} in this region. It may have been deleted; refresh the list.`);
      const tags = await scoped.client.send(new ListTagsForResourceCommand({ ResourceARN: alarm.arn }), { abortSignal: scoped.abortSignal });
      return { alarm, tags: (tags.Tags ?? []).map((tag) => ({ key: tag.Key ?? '', value: tag.Value ?? '' })) };
    },

    async forMetric(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchClient, signal);
      const output = await client.send(
        new DescribeAlarmsForMetricCommand({
          Namespace: request.namespace,
          MetricName: request.metricName,
          Dimensions: request.dimensions.map((dimension) => ({ Name: dimension.name, Value: dimension.value })),
        }),
        { abortSignal },
      );
      return { alarms: (output.MetricAlarms ?? []).map(toMetricAlarm) };
    },

    async history(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchClient, signal);
      const items = [];
      let nextToken: string | undefined;
      do {
        const output = await client.send(
          new DescribeAlarmHistoryCommand({
            AlarmName: request.name,
            AlarmTypes: [...BOTH_TYPES],
            HistoryItemType: request.type,
            StartDate: request.startTime === undefined ? undefined : new Date(request.startTime),
            EndDate: request.endTime === undefined ? undefined : new Date(request.endTime),
            ScanBy: 'TimestampDescending',
            MaxRecords: 100,
            NextToken: nextToken,
          }),
          { abortSignal },
        );
        items.push(...(output.AlarmHistoryItems ?? []).map(toHistoryItem));
        nextToken = output.NextToken;
      } while (nextToken);
      return { items };
    },
  };
}

/** The alarm of that exact name (metric or composite), or undefined when there is none. */
export async function describeAlarm({ client, abortSignal }: ScopedClient<CloudWatchClient>, name: string): Promise<Alarm | undefined> {
  const output = await client.send(new DescribeAlarmsCommand({ AlarmNames: [name], AlarmTypes: [...BOTH_TYPES] }), { abortSignal });
  return alarmsOf(output)[0];
}

export function alarmsOf(output: DescribeAlarmsCommandOutput): Alarm[] {
  return [...(output.MetricAlarms ?? []).map(toMetricAlarm), ...(output.CompositeAlarms ?? []).map(toCompositeAlarm)];
}
