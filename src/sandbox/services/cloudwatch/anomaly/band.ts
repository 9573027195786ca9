/**
 * ANOMALY_DETECTION_BAND(m, width) for GetMetricData (and so for alarms, which evaluate their metrics the same
 * way): which detector models `m`, training its model, and the band as two series.
 *
 * What AWS documents and this follows ("Metric math syntax and functions", "Using CloudWatch anomaly detection"):
 * - "The band consists of two time series, one representing the upper limit … and the other representing the
 *   lower limit"; `LAST(ANOMALY_DETECTION_BAND(m1))` "returns the lower bound", so the upper series comes first.
 *   Both results carry the query's Id (and its Label when it has one). AWS's labels without a Label are not
 *   documented; here they are `<modelled label> Upper` and `<modelled label> Lower`, the modelled label being
 *   the metric's name (or the math query's Label, else its Id). Callers pick the bounds by order, not label.
 * - The width defaults to 2 and "does not have to be a whole number".
 * - Anomaly detection on metric math does not take METRICS(), SEARCH, more than 10 metrics or expressions,
 *   metrics with different periods, or high-resolution metrics.
 * - A band is drawn whether or not a detector exists (the console's "preview … an approximation of the anomaly
 *   detection band"); GetMetricData creates no detector. Alarms do: "When anomaly detection alarms are
 *   evaluated, any missing anomaly detectors are created on your behalf" — `ensureAnomalyDetectors`.
 * The model itself, and how it differs from AWS's, is in ./model.ts.
 */
import { callsFunction, referencedIds, type MathExpression } from '../../../../shared/languages/metric-math';
import type { MetricIdentity } from '../series';
import type { TimeSeries } from '../time-series';
import { TRAINING_WINDOW_MS, trainSeasonalModel } from './model';
import { metricMathKey, singleMetricKey, type AnomalyDetectorsStore } from './store';

const HOUR = 3_600_000;
/** "Expressions that contain more than 10 metrics or math expressions" are not supported. */
export const MAX_MODELLED_QUERIES = 10;

/** What the band needs of a GetMetricData query. */
export interface ModelledQuery {
  readonly id: string;
  readonly period: number | undefined;
  readonly metricStat?: { readonly identity: MetricIdentity; readonly period: number; readonly stat: string; readonly unit: string | undefined };
  readonly expression?: MathExpression;
  readonly expressionText?: string;
}

export interface Modelled {
  /** The detector key of what is modelled (see store.ts). */
  readonly key: string;
  /** The metrics its data comes from. */
  readonly metrics: readonly MetricIdentity[];
  /** The Ids of the queries it is computed from, the modelled one first. */
  readonly ids: readonly string[];
}

/** What `target` models: one metric and statistic, or the queries of a math expression; a string says why not. */
export function modelledBy(queries: readonly ModelledQuery[], target: ModelledQuery): Modelled | string {
  if (target.metricStat !== undefined) {
    const { identity, stat } = target.metricStat;
    return { key: singleMetricKey(identity.namespace, identity.metricName, identity.dimensions, stat), metrics: [identity], ids: [target.id] };
  }
  const byId = new Map(queries.map((q) => [q.id, q]));
  const reached = new Map<string, ModelledQuery>();
  const visit = (query: ModelledQuery): string | undefined => {
    if (reached.has(query.id)) return undefined;
    reached.set(query.id, query);
    if (query.expression === undefined) return undefined;
    if (callsFunction(query.expression, 'METRICS') || callsFunction(query.expression, 'SEARCH')) {
      return 'Anomaly detection on metric math does not support METRICS() or SEARCH.';
    }
    for (const id of referencedIds(query.expression)) {
      const next = byId.get(id);
      if (next === undefined) return `${id} is not the Id of a query in this request.`;
      const problem = visit(next);
      if (problem !== undefined) return problem;
    }
    return undefined;
  };
  const problem = visit(target);
  if (problem !== undefined) return problem;
  if (reached.size > MAX_MODELLED_QUERIES) return `Anomaly detection on metric math supports at most ${MAX_MODELLED_QUERIES} metrics and expressions; this one uses ${reached.size}.`;
  const stats = [...reached.values()].flatMap((q) => (q.metricStat === undefined ? [] : [q.metricStat]));
  if (new Set(stats.map((s) => s.period)).size > 1) return 'Anomaly detection on metric math needs all its metrics to have the same period.';
  if (stats.some((s) => s.period < 60)) return 'Anomaly detection on metric math does not support high-resolution metrics (a period under 60 seconds).';
  const canonical = [...reached.values()].map((q) =>
    JSON.stringify(
      q.metricStat === undefined
        ? [q.id, q.expressionText, q.period ?? null]
        : [q.id, singleMetricKey(q.metricStat.identity.namespace, q.metricStat.identity.metricName, q.metricStat.identity.dimensions, q.metricStat.stat), q.metricStat.period, q.metricStat.unit ?? null],
    ),
  );
  return { key: metricMathKey([`designated:${target.id}`, ...canonical]), metrics: stats.map((s) => s.identity), ids: [...reached.keys()] };
}

export interface BandRequest {
  readonly detectors: AnomalyDetectorsStore;
  readonly modelled: Modelled;
  /** The series the band is for, over the request's range. */
  readonly series: TimeSeries;
  /** What the band's labels start with: the modelled query's label (its metric name, or its Id for math). */
  readonly label: string;
  /** The band's timestamps. */
  readonly timestamps: readonly number[];
  readonly width: number;
  /** The end of the request's range, or now when that is later. */
  readonly until: number;
  /** When any of the modelled metrics last received data, so a model retrains after new data. */
  readonly dataVersion: number;
  /** The modelled series over another range (the training window). */
  readonly seriesOver: (start: number, end: number) => TimeSeries;
}

/** The band as [upper, lower]; both empty when there is no training data. */
export function anomalyBand(request: BandRequest): [TimeSeries, TimeSeries] {
  const { detectors, modelled, series, label } = request;
  // The model is trained on the two weeks before the last whole hour, so calls within an hour share it.
  const trainingEnd = Math.floor(request.until / HOUR) * HOUR;
  const detector = detectors.byKey(modelled.key);
  const model = detectors.model(JSON.stringify([modelled.key, series.period, trainingEnd, request.dataVersion]), () => {
    const training = request.seriesOver(trainingEnd - TRAINING_WINDOW_MS, trainingEnd);
    return trainSeasonalModel(training.timestamps, training.values, {
      excludedTimeRanges: detector?.excludedTimeRanges ?? [],
      metricTimezone: detector?.metricTimezone,
    });
  });
  const base = { period: series.period, metric: undefined };
  if (model === undefined) {
    return [
      { ...base, timestamps: [], values: [], label: `${label} Upper` },
      { ...base, timestamps: [], values: [], label: `${label} Lower` },
    ];
  }
  const band = model.band(request.timestamps, request.width);
  return [
    { ...base, timestamps: band.timestamps, values: band.upper, label: `${label} Upper` },
    { ...base, timestamps: band.timestamps, values: band.lower, label: `${label} Lower` },
  ];
}
