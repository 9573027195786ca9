/** Metric filters: the `metricFilters.*` handlers (CloudWatch Logs' Describe/Put/Delete/TestMetricFilter). */
import {
  CloudWatchLogsClient,
  DeleteMetricFilterCommand,
  paginateDescribeMetricFilters,
  PutMetricFilterCommand,
  TestMetricFilterCommand,
  type MetricFilter as SdkMetricFilter,
} from '@aws-sdk/client-cloudwatch-logs';
import type { CloudscopeHandlers, MetricFilter, MetricTransformation } from '../../../shared/contract';
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
      const output = await client.send(new TestMetricFilterCommand({ filterPattern: request.filterPattern, logEventMessages: [...request.messages] }), { abortSignal });
      return {
        matches: (output.matches ?? []).map((match) => ({
          eventNumber: match.eventNumber ?? 0,
          eventMessage: match.eventMessage ?? '',
          extractedValues: match.extractedValues ?? {},
        })),
      };
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
