/**
 * CloudWatch's state: each region's metrics (by exact dimension set), and the account's dashboards, which
 * CloudWatch keeps globally (their ARNs name no region).
 */
import type { SeedRegion } from '../../seed/types';
import type { AccountStore, RegionalStore } from '../../state';
import { metricKey, MetricSeries, type MetricIdentity, type SeriesGenerator } from './series';

export class MetricsStore {
  private readonly series = new Map<string, MetricSeries>();
  /** All series in ListMetrics' order, rebuilt when a metric is added. */
  private ordered: MetricSeries[] | undefined;

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  get(identity: MetricIdentity): MetricSeries | undefined {
    return this.series.get(metricKey(identity.namespace, identity.metricName, identity.dimensions));
  }

  /** The metric's series, created (receiving data at `now`) when it is new. */
  obtain(identity: MetricIdentity, now: number, generator?: SeriesGenerator): MetricSeries {
    const key = metricKey(identity.namespace, identity.metricName, identity.dimensions);
    let series = this.series.get(key);
    if (series === undefined) {
      series = new MetricSeries(identity, now, generator);
      this.series.set(key, series);
      this.ordered = undefined;
    }
    return series;
  }

  /** Every metric, by namespace, name, then dimensions. */
  all(): readonly MetricSeries[] {
    this.ordered ??= [...this.series.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, series]) => series);
    return this.ordered;
  }

  get size(): number {
    return this.series.size;
  }
}

export const METRICS_STORE: RegionalStore<MetricsStore> = {
  create: (accountId, region) => new MetricsStore(accountId, region),
  seed(store, data: SeedRegion, now) {
    for (const metric of data.metrics ?? []) store.obtain(metric, now, metric.generator);
  },
};

export interface Dashboard {
  readonly name: string;
  readonly body: string;
  readonly lastModified: number;
}

export class DashboardsStore {
  private readonly dashboards = new Map<string, Dashboard>();

  constructor(readonly accountId: string) {}

  get(name: string): Dashboard | undefined {
    return this.dashboards.get(name);
  }

  put(dashboard: Dashboard): void {
    this.dashboards.set(dashboard.name, dashboard);
  }

  delete(name: string): void {
    this.dashboards.delete(name);
  }

  /** By name. */
  list(): Dashboard[] {
    return [...this.dashboards.values()].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  arnOf(name: string): string {
    return `arn:aws:cloudwatch::${this.accountId}:dashboard/${name}`;
  }
}

export const DASHBOARDS_STORE: AccountStore<DashboardsStore> = {
  create: (accountId) => new DashboardsStore(accountId),
  seed(store, data) {
    for (const dashboard of data.dashboards ?? []) store.put(dashboard);
  },
};
