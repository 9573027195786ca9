/**
 * The detectors band alarms create: "When anomaly detection alarms are evaluated, any missing anomaly detectors
 * are created on your behalf. If you delete the model without deleting the alarm, the alarm automatically
 * recreates the model" ("Deleting an anomaly detection model", CloudWatch User Guide). GetMetricData creates
 * none. The alarm evaluator calls `ensureAnomalyDetectors` with the alarm's Metrics each time it evaluates it.
 */
import type { MathExpression } from '../../../../shared/languages/metric-math';
import { CloudWatchInput } from '../common';
import { readQueries } from '../operations/get-metric-data';
import { modelledBy } from './band';
import { storeDetector } from './operations';
import { MAX_ANOMALY_DETECTORS, type AnomalyDetectorsStore } from './store';

/**
 * Creates the detectors the ANOMALY_DETECTION_BAND expressions of `metrics` (PutMetricAlarm's Metrics, as the
 * alarm holds them) model and that do not exist yet; returns the ids of those it created. Past the region's 500
 * detectors it creates no more (the band is still drawn, from the default configuration).
 */
export function ensureAnomalyDetectors(store: AnomalyDetectorsStore, metrics: readonly unknown[], now: number): string[] {
  const items = CloudWatchInput.of({ Metrics: metrics }).structures('Metrics') ?? [];
  const queries = readQueries(items);
  const byId = new Map(queries.map((query) => [query.id, query]));
  const created: string[] = [];
  for (const query of queries) {
    for (const argument of query.expression === undefined ? [] : bandArguments(query.expression)) {
      const target = argument.kind === 'id' ? byId.get(argument.id) : undefined;
      const modelled = target === undefined ? undefined : modelledBy(queries, target);
      if (target === undefined || modelled === undefined || typeof modelled === 'string' || store.byKey(modelled.key) !== undefined) continue;
      if (store.size >= MAX_ANOMALY_DETECTORS) return created;
      const stat = target.metricStat;
      const detector = storeDetector(
        store,
        stat !== undefined
          ? { key: modelled.key, type: 'SINGLE_METRIC', single: { ...stat.identity, stat: stat.stat } }
          : { key: modelled.key, type: 'METRIC_MATH', queries: detectorQueries(metrics, modelled.ids) },
        {},
        now,
      );
      created.push(detector.id);
    }
  }
  return created;
}

/** The first argument of every ANOMALY_DETECTION_BAND call in an expression. */
function bandArguments(expression: MathExpression): MathExpression[] {
  switch (expression.kind) {
    case 'call': {
      const inner = expression.args.flatMap(bandArguments);
      return expression.name === 'ANOMALY_DETECTION_BAND' && expression.args[0] !== undefined ? [expression.args[0], ...inner] : inner;
    }
    case 'array':
      return expression.items.flatMap(bandArguments);
    case 'negate':
      return bandArguments(expression.operand);
    case 'binary':
      return [...bandArguments(expression.left), ...bandArguments(expression.right)];
    default:
      return [];
  }
}

/** The alarm's queries a metric-math detector keeps: those it is computed from, the modelled one returning data. */
function detectorQueries(metrics: readonly unknown[], ids: readonly string[]): Record<string, unknown>[] {
  return metrics
    .map((metric) => metric as Record<string, unknown>)
    .filter((metric) => ids.includes(metric.Id as string))
    .map((metric) => ({ ...metric, ReturnData: metric.Id === ids[0] }));
}
