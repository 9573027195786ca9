/**
 * `metrics.getData`: a graph's GetMetricData, oldest point first. Each group of queries (see
 * data-plan.ts) is read to its last NextToken page, and the pages' series are joined by id, label and
 * place: a SEARCH expression answers with one series per metric it found, all under its own id, and an
 * ANOMALY_DETECTION_BAND with two (upper, then lower) that may share one label too.
 */
import {
  CloudWatchClient,
  GetMetricDataCommand,
  type MetricDataQuery,
  type MetricDataResult,
} from '@aws-sdk/client-cloudwatch';
import type { CloudscopeHandlers, MetricData, MetricDataRequest, MetricDataSeries, MetricDataStatus } from '../../../shared/contract';
import type { ScopedClient, Session } from '../session';
import { planCalls } from './data-plan';

type Query = MetricDataRequest['queries'][number];

export function dataHandler(session: Session): CloudscopeHandlers['metrics']['getData'] {
  return async (request, { signal }) => {
    const groups = planCalls(request);
    const scoped = await session.client(CloudWatchClient, signal);
    const answers = await Promise.all(groups.map((queries) => readAllPages(scoped, request, queries)));
    return {
      series: answers.flatMap((answer) => answer.series),
      messages: answers.flatMap((answer) => answer.messages),
      calls: answers.reduce((sum, answer) => sum + answer.calls, 0),
    };
  };
}

async function readAllPages({ client, abortSignal }: ScopedClient<CloudWatchClient>, request: MetricDataRequest, queries: readonly Query[]): Promise<MetricData> {
  const byKey = new Map<string, SeriesParts>();
  const messages: string[] = [];
  let nextToken: string | undefined;
  let calls = 0;
  do {
    const output = await client.send(
      new GetMetricDataCommand({
        MetricDataQueries: queries.map(toAwsQuery),
        StartTime: new Date(request.startTime),
        EndTime: new Date(request.endTime),
        ScanBy: 'TimestampAscending',
        LabelOptions: request.labelTimezone ? { Timezone: request.labelTimezone } : undefined,
        NextToken: nextToken,
      }),
      { abortSignal },
    );
    calls += 1;
    for (const message of output.Messages ?? []) messages.push(messageText(message));
    const seen = new Map<string, number>();
    for (const result of output.MetricDataResults ?? []) {
      const key = `${result.Id ?? ''}\u0000${result.Label ?? result.Id ?? ''}`;
      const occurrence = seen.get(key) ?? 0;
      seen.set(key, occurrence + 1);
      addPage(byKey, `${key}\u0000${occurrence}`, result);
    }
    nextToken = output.NextToken;
  } while (nextToken);
  // In the order asked for; a query AWS said nothing about (no data at all) still gets its empty series.
  const found = [...byKey.values()];
  const series: MetricDataSeries[] = queries
    .filter((query) => query.returnData !== false)
    .flatMap((query) => {
      const parts = found.filter((part) => part.id === query.id);
      if (parts.length === 0) return [{ id: query.id, label: query.label ?? query.id, timestamps: [], values: [], status: 'Complete' as const, messages: [] }];
      return parts.map((part) => ({ ...part, ...inTimeOrder(part.timestamps, part.values) }));
    });
  return { series, messages, calls };
}

interface SeriesParts {
  readonly id: string;
  readonly label: string;
  readonly timestamps: number[];
  readonly values: number[];
  status: MetricDataStatus;
  readonly messages: string[];
}

/** Adds a result to its series; `key` tells series apart across pages (id, label, and which of those it is in its page). */
function addPage(byKey: Map<string, SeriesParts>, key: string, result: MetricDataResult) {
  const id = result.Id ?? '';
  const label = result.Label ?? id;
  const entry = byKey.get(key) ?? { id, label, timestamps: [], values: [], status: 'Complete', messages: [] };
  const timestamps = result.Timestamps ?? [];
  const values = result.Values ?? [];
  for (let index = 0; index < timestamps.length; index++) {
    entry.timestamps.push((timestamps[index] as Date).getTime());
    entry.values.push(values[index] ?? Number.NaN);
  }
  // The last page's status is the answer's: PartialData on an earlier page only means "more follows".
  entry.status = (result.StatusCode as MetricDataStatus | undefined) ?? 'Complete';
  for (const message of result.Messages ?? []) entry.messages.push(messageText(message));
  byKey.set(key, entry);
}

/** Ascending, as the chart needs; an endpoint that ignores ScanBy still gets sorted. */
function inTimeOrder(timestamps: number[], values: number[]): { timestamps: number[]; values: number[] } {
  const sorted = timestamps.every((time, index) => index === 0 || (timestamps[index - 1] as number) <= time);
  if (sorted) return { timestamps, values };
  const order = timestamps.map((_, index) => index).sort((a, b) => (timestamps[a] as number) - (timestamps[b] as number));
  return { timestamps: order.map((index) => timestamps[index] as number), values: order.map((index) => values[index] as number) };
}

function toAwsQuery(query: Query): MetricDataQuery {
  return {
    Id: query.id,
    Label: query.label,
    ReturnData: query.returnData ?? true,
    Period: query.period,
    Expression: query.expression,
    MetricStat: query.metricStat && {
      Metric: {
        Namespace: query.metricStat.metric.namespace,
        MetricName: query.metricStat.metric.metricName,
        Dimensions: (query.metricStat.metric.dimensions ?? []).map((dimension) => ({ Name: dimension.name, Value: dimension.value })),
      },
      Period: query.metricStat.period,
      Stat: query.metricStat.stat,
      Unit: query.metricStat.unit,
    },
  };
}

function messageText(message: { Code?: string; Value?: string }): string {
  return [message.Code, message.Value].filter(Boolean).join(': ');
}
