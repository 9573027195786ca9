/**
 * Everything a graph on screen needs at one moment: the range resolved against `now`, the checked
 * request (or why it cannot be sent), its data, and the chart series made from that data.
 */
import { useMemo } from 'react';
import { MetricDataRequest } from '../../../../../shared/contract';
import { resolveRange } from '../../../../../shared/time-range';
import { useScope } from '../../../app/scope';
import { useTimeZone } from '../../../components/TimeZone';
import type { Graph } from './graph';
import { chartSeriesOf, dataRequestOf } from './graphData';
import { useGraphData } from './useGraphData';

export function useGraphView(graph: Graph, now: number) {
  const { scope } = useScope();
  const { zone } = useTimeZone();
  const range = useMemo(() => resolveRange(graph.range, now), [graph.range, now]);
  const { request, problem } = useMemo(() => {
    if (graph.series.length === 0) return { request: undefined, problem: undefined };
    const built = dataRequestOf(graph, range, now, zone);
    const checked = MetricDataRequest.safeParse(built);
    if (checked.success) return { request: built, problem: undefined };
    const issue = checked.error.issues[0];
    const at = issue?.path[0] === 'queries' && typeof issue.path[1] === 'number' ? graph.series[issue.path[1]]?.id : undefined;
    return { request: undefined, problem: `${at ? `${at}: ` : ''}${issue?.message ?? 'the graph is not valid'}` };
  }, [graph, range, now, zone]);
  const query = useGraphData(request);
  const chart = useMemo(
    () => (query.data ? chartSeriesOf(graph, query.data, { range, now, zone, region: scope.region }) : undefined),
    [graph, query.data, range, now, zone, scope.region],
  );
  return { range, request, problem, query, chart, zone, region: scope.region };
}
