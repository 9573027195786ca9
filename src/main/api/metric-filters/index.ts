/** Metric filters: the `metricFilters.*` handlers (CloudWatch Logs' Describe/Put/Delete/TestMetricFilter). */
import {
  CloudWatchLogsClient,
  DeleteMetricFilterCommand,
  paginateDescribeMetricFilters,
  PutMetricFilterCommand,
  TestMetricFilterCommand,
  type MetricFilter as SdkMetricFilter,
} from '@aws-sdk/client-cloudwatch-logs';
import { TEST_METRIC_FILTER_MAX_MESSAGES, type CloudscopeHandlers, type MetricFilter, type MetricFilterMatch, type MetricTransformation } from '../../../shared/contract';
import type { Session } from '../session';

export function metricFiltersHandlers(session: Session): CloudscopeHandlers['metricFilters'] {
  return {
    async list(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      const filters: MetricFilter[] = [];
      const input = {
        logGroupName: request.logGroupName,
        filterNamePrefix: request.namePrefix,
        metricName: request.metricName,
        metricNamespace: request.metricNamespace,
      };
      for await (const page of paginateDescribeMetricFilters({ client }, input, { abortSignal })) {
        filters.push(...(page.metricFilters ?? []).map(toMetricFilter));
      }
      return { filters };
    },

    async put(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      const transformation = request.transformation;
      await client.send(
        new PutMetricFilterCommand({
          logGroupName: request.logGroupName,
          filterName: request.filterName,
          filterPattern: request.filterPattern,
          metricTransformations: [
            {
              metricName: transformation.metricName,
              metricNamespace: transformation.metricNamespace,
              metricValue: transformation.metricValue,
              defaultValue: transformation.defaultValue,
              dimensions: transformation.dimensions,
              unit: transformation.unit,
            },
          ],
        }),
        { abortSignal },
      );
    },

    async delete(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      await client.send(new DeleteMetricFilterCommand({ logGroupName: request.logGroupName, filterName: request.filterName }), { abortSignal });
    },

    async test(request, { signal }) {
      const { client, abortSignal } = await session.client(CloudWatchLogsClient, signal);
      const matches: MetricFilterMatch[] = [];
      // TestMetricFilter takes 50 lines; later batches number their matches on from where the batch starts.
      for (let start = 0; start < request.messages.length; start += TEST_METRIC_FILTER_MAX_MESSAGES) {
        const batch = request.messages.slice(start, start + TEST_METRIC_FILTER_MAX_MESSAGES);
        const output = await client.send(new TestMetricFilterCommand({ filterPattern: request.filterPattern, logEventMessages: batch }), { abortSignal });
        for (const match of output.matches ?? []) {
          matches.push({ eventNumber: start + (match.eventNumber ?? 0), eventMessage: match.eventMessage ?? '', extractedValues: match.extractedValues ?? {} });
        }
      }
      return { matches };
    },
  };
}

function toMetricFilter(filter: SdkMetricFilter): MetricFilter {
  const [transformation] = filter.metricTransformations ?? [];
  return {
    logGroupName: filter.logGroupName ?? '',
    filterName: filter.filterName ?? '',
    filterPattern: filter.filterPattern ?? '',
    transformation: {
      metricName: transformation?.metricName ?? '',
      metricNamespace: transformation?.metricNamespace ?? '',
      metricValue: transformation?.metricValue ?? '',
      defaultValue: transformation?.defaultValue,
      dimensions: transformation?.dimensions,
      unit: transformation?.unit as MetricTransformation['unit'],
    },
    creationTime: filter.creationTime ?? 0,
    applyOnTransformedLogs: filter.applyOnTransformedLogs,
  };
}
