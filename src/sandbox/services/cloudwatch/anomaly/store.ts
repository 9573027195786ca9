/**
 * Each region's anomaly detectors (PutAnomalyDetector's models) and the trained models GetMetricData's
 * ANOMALY_DETECTION_BAND uses. A detector is identified by what it models: a metric and statistic
 * (SINGLE_METRIC) or a set of metric data queries (METRIC_MATH); putting the same again updates it.
 */
import { createHash } from 'node:crypto';
import type { RegionalStore } from '../../../state';
import type { Dimension } from '../series';
import type { SeasonalModel, TimeRange } from './model';

/** "Anomaly detection models: 500 per Region, per account" (CloudWatch service quotas). */
export const MAX_ANOMALY_DETECTORS = 500;
/** Trained models kept per region; the oldest is dropped first. */
const MODEL_CACHE_SIZE = 256;

export type AnomalyDetectorType = 'SINGLE_METRIC' | 'METRIC_MATH';

export interface SingleMetricDetector {
  readonly namespace: string;
  readonly metricName: string;
  readonly dimensions: readonly Dimension[];
  readonly stat: string;
  readonly accountId?: string | undefined;
}

export interface AnomalyDetectorRecord {
  readonly id: string;
  /** What it models, canonically (see `singleMetricKey` and `metricMathKey`). */
  readonly key: string;
  readonly type: AnomalyDetectorType;
  readonly single?: SingleMetricDetector;
  /** The MetricDataQueries as they were put (known members only). */
  readonly queries?: readonly Readonly<Record<string, unknown>>[];
  readonly excludedTimeRanges: readonly TimeRange[];
  readonly metricTimezone?: string | undefined;
  readonly periodicSpikes?: boolean | undefined;
  /** Sandbox time it was first put. */
  readonly createdAt: number;
}

export class AnomalyDetectorsStore {
  private readonly detectors = new Map<string, AnomalyDetectorRecord>();
  private readonly models = new Map<string, SeasonalModel | undefined>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  byKey(key: string): AnomalyDetectorRecord | undefined {
    return this.detectors.get(key);
  }

  byId(id: string): AnomalyDetectorRecord | undefined {
    for (const detector of this.detectors.values()) if (detector.id === id) return detector;
    return undefined;
  }

  /** Adds or replaces the detector with this key; a replaced detector keeps its creation time. */
  put(detector: AnomalyDetectorRecord): AnomalyDetectorRecord {
    const existing = this.detectors.get(detector.key);
    const stored = existing === undefined ? detector : { ...detector, createdAt: existing.createdAt };
    this.detectors.set(detector.key, stored);
    this.models.clear();
    return stored;
  }

  delete(key: string): boolean {
    this.models.clear();
    return this.detectors.delete(key);
  }

  /** All detectors, by key, so pages are stable. */
  all(): AnomalyDetectorRecord[] {
    return [...this.detectors.values()].sort((a, b) => (a.key < b.key ? -1 : a.key > b.key ? 1 : 0));
  }

  get size(): number {
    return this.detectors.size;
  }

  /** The trained model under `key`, training it with `train` the first time. */
  model(key: string, train: () => SeasonalModel | undefined): SeasonalModel | undefined {
    if (this.models.has(key)) return this.models.get(key);
    const model = train();
    if (this.models.size >= MODEL_CACHE_SIZE) this.models.delete(this.models.keys().next().value!);
    this.models.set(key, model);
    return model;
  }
}

export const ANOMALY_DETECTORS_STORE: RegionalStore<AnomalyDetectorsStore> = {
  create: (accountId, region) => new AnomalyDetectorsStore(accountId, region),
};

/** The key of a single-metric detector: the metric (dimensions as a set) and the statistic. */
export function singleMetricKey(namespace: string, metricName: string, dimensions: readonly Dimension[], stat: string): string {
  const sorted = [...dimensions].sort((a, b) => (a.Name < b.Name ? -1 : a.Name > b.Name ? 1 : 0));
  return JSON.stringify(['SINGLE_METRIC', namespace, metricName, sorted.map((d) => [d.Name, d.Value]), stat]);
}

/** The key of a metric-math detector: its queries' canonical forms, by id. */
export function metricMathKey(canonicalQueries: readonly string[]): string {
  return JSON.stringify(['METRIC_MATH', [...canonicalQueries].sort()]);
}

/** A stable identifier for a detector, derived from its key (the model's pattern `[A-Za-z0-9_./:%()+-]+`). */
export function detectorIdOf(key: string): string {
  return createHash('sha256').update(key).digest('hex').slice(0, 32);
}
