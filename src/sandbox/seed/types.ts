/**
 * The shape of seed data: what the sandbox holds at start. Later issues add alarms, CloudTrail events and
 * buckets here.
 */
import type { MetricIdentity, SeriesGenerator } from '../services/cloudwatch/series';
export interface SeedLogEvent {
  /** Epoch milliseconds. */
  readonly timestamp: number;
  readonly message: string;
}

export interface SeedLogStream {
  readonly name: string;
  /** In chronological order. */
  readonly events: readonly SeedLogEvent[];
}

export interface SeedLogGroup {
  readonly name: string;
  readonly creationTime: number;
  /** Absent: never expire. */
  readonly retentionInDays?: number;
  readonly logGroupClass?: 'STANDARD' | 'INFREQUENT_ACCESS';
  readonly kmsKeyId?: string;
  readonly streams: readonly SeedLogStream[];
}

/** A CloudWatch metric whose data is computed on demand for any time (never stored). */
export interface SeedMetric extends MetricIdentity {
  readonly generator: SeriesGenerator;
}

/** A CloudWatch dashboard (dashboards are global: seed them in one region). */
export interface SeedDashboard {
  readonly name: string;
  /** The dashboard body, JSON. */
  readonly body: string;
  readonly lastModified: number;
}

export interface SeedRegion {
  readonly region: string;
  readonly logGroups: readonly SeedLogGroup[];
  readonly metrics?: readonly SeedMetric[];
  readonly dashboards?: readonly SeedDashboard[];
}

export interface SeedData {
  readonly regions: readonly SeedRegion[];
}
