/**
 * Which period each series is fetched at, and why, in words: the automatic period follows the range,
 * the retention tiers and the datapoint limits; a chosen period is kept as chosen, and when the tier
 * holding the range cannot serve it (or it asks for too many datapoints) the graph says so and offers
 * the period that would work instead of changing it behind the person's back.
 */
import { METRICS_MAX_DATAPOINTS_PER_GRAPH } from '../../../../../shared/contract';
import { formatCount } from '../../../../../shared/format';
import {
  autoPeriod,
  datapointsFor,
  explainPeriod,
  formatPeriod,
  GET_METRIC_DATA_MAX_DATAPOINTS,
  GET_METRIC_STATISTICS_MAX_DATAPOINTS,
  RETENTION_TIERS,
  resolutionAt,
} from '../../../../../shared/metric-periods';
import type { ResolvedRange } from '../../../../../shared/time-range';
import type { Graph, GraphSeries } from './graph';

export interface PeriodDecision {
  readonly seconds: number;
  readonly auto: boolean;
  /** Why the automatic period is what it is. */
  readonly reason?: string;
  /** Why a chosen period cannot be served as asked, and… */
  readonly problem?: string;
  /** …the period that would be. */
  readonly suggestion?: number;
}

/** Datapoints per series the automatic period aims for: a graph's width, and one call's worth over all series. */
export function datapointBudget(graph: Graph): number {
  const drawn = Math.max(1, graph.series.filter((series) => series.visible).length);
  return Math.max(1, Math.min(GET_METRIC_STATISTICS_MAX_DATAPOINTS, Math.floor(GET_METRIC_DATA_MAX_DATAPOINTS / drawn)));
}

/** The graph's own period (what series without their own use). */
export function graphPeriod(graph: Graph, range: ResolvedRange, now: number): PeriodDecision {
  return decide(graph, graph.period, range, now);
}

export function seriesPeriod(graph: Graph, series: GraphSeries, range: ResolvedRange, now: number): PeriodDecision {
  return decide(graph, series.period ?? graph.period, range, now);
}

function decide(graph: Graph, chosen: number | 'auto', range: ResolvedRange, now: number): PeriodDecision {
  const budget = datapointBudget(graph);
  const automatic = autoPeriod({ startMs: range.start, endMs: range.end, nowMs: now, maxDatapoints: budget });
  if (chosen === 'auto') return { seconds: automatic, auto: true, reason: autoReason(automatic, range, now, budget) };
  const problem = explainPeriod(chosen, range.start, range.end, now) ?? tooManyDatapoints(graph, chosen, range);
  return problem ? { seconds: chosen, auto: false, problem, suggestion: automatic === chosen ? undefined : automatic } : { seconds: chosen, auto: false };
}

function autoReason(period: number, range: ResolvedRange, now: number, budget: number): string {
  const resolution = resolutionAt(range.start, now) ?? RETENTION_TIERS[RETENTION_TIERS.length - 1]!.resolutionSeconds;
  const reasons: string[] = [];
  if (resolution > 60) {
    const index = RETENTION_TIERS.findIndex((tier) => tier.resolutionSeconds === resolution);
    const finer = RETENTION_TIERS[index - 1];
    reasons.push(`CloudWatch keeps data older than ${finer?.label ?? '15 days'} only at ${formatPeriod(resolution)} resolution`);
  }
  const finest = Math.max(resolution, 60);
  if (period > finest) {
    const atFinest = datapointsFor(range.start, range.end, finest);
    reasons.push(`${formatPeriod(finest)} would be ${formatCount(atFinest)} datapoints per series, and a graph draws at most ${formatCount(budget)}`);
  }
  if (reasons.length === 0) reasons.push('the finest period standard-resolution metrics have');
  return `${formatPeriod(period)} (automatic): ${reasons.join('; ')}.`;
}

function tooManyDatapoints(graph: Graph, period: number, range: ResolvedRange): string | undefined {
  const perSeries = datapointsFor(range.start, range.end, period);
  const drawn = Math.max(1, graph.series.filter((series) => series.visible).length);
  if (perSeries * drawn <= METRICS_MAX_DATAPOINTS_PER_GRAPH) return undefined;
  return (
    `At ${formatPeriod(period)} this range is ${formatCount(perSeries)} datapoints per series, ${formatCount(perSeries * drawn)} in all; ` +
    `Cloudscope fetches at most ${formatCount(METRICS_MAX_DATAPOINTS_PER_GRAPH)} for one graph.`
  );
}
