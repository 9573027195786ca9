import { describe, expect, it } from 'vitest';
import { RouterHarness } from '../../test-support';
import { loadSeed } from '../load';
import { demoDashboards } from './dashboards';
import { DB_MAX_CONNECTIONS, demoMetrics } from './metrics';
import { createScenario } from './scenario';

const MINUTE = 60_000;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;

/** The demo account's metrics and dashboards (without its logs) in a router. */
function demo(): { harness: RouterHarness; incident: ReturnType<typeof createScenario>['incident'] } {
  const harness = new RouterHarness();
  harness.now = Date.UTC(2026, 10, 21, 10, 17, 0);
  const s = createScenario(harness.now);
  loadSeed(harness.state, { regions: [{ region: 'us-east-1', logGroups: [], metrics: demoMetrics(s, 'us-east-1'), dashboards: demoDashboards(s) }] }, harness.now);
  return { harness, incident: s.incident };
}

function getMetricData(harness: RouterHarness, body: object): { MetricDataResults: { Id: string; Label: string; Timestamps: number[]; Values: number[] }[] } {
  const response = harness.cloudwatch('GetMetricData', body);
  expect(response.status, response.body).toBe(200);
  return JSON.parse(response.body) as never;
}

const writer = { Namespace: 'AWS/RDS', MetricName: 'DatabaseConnections', Dimensions: [{ Name: 'DBInstanceIdentifier', Value: 'tallybird-prod-instance-1' }] };
const ordersApi = (MetricName: string) => ({ Namespace: 'AWS/Lambda', MetricName, Dimensions: [{ Name: 'FunctionName', Value: 'tallybird-prod-orders-api' }] });

describe('demo metrics', () => {
  it('show the incident: the writer at its connection limit, the orders API timing out and failing', () => {
    const { harness, incident } = demo();
    const around = { StartTime: (incident.start - HOUR) / 1000, EndTime: (incident.end + HOUR) / 1000, ScanBy: 'TimestampAscending' };
    const { MetricDataResults: [connections, errors, p99, invocations] } = getMetricData(harness, {
      ...around,
      MetricDataQueries: [
        { Id: 'connections', MetricStat: { Metric: writer, Period: 60, Stat: 'Maximum' } },
        { Id: 'errors', MetricStat: { Metric: ordersApi('Errors'), Period: 60, Stat: 'Sum' } },
        { Id: 'p99', MetricStat: { Metric: ordersApi('Duration'), Period: 60, Stat: 'p99' } },
        { Id: 'invocations', MetricStat: { Metric: ordersApi('Invocations'), Period: 60, Stat: 'Sum' } },
      ],
    });
    const during = (series: { Timestamps: number[]; Values: number[] }) => series.Values.filter((_, i) => series.Timestamps[i]! * 1000 >= incident.start + MINUTE && series.Timestamps[i]! * 1000 < incident.end - MINUTE);
    const before = (series: { Timestamps: number[]; Values: number[] }) => series.Values.filter((_, i) => series.Timestamps[i]! * 1000 < incident.start - 30 * MINUTE);
    expect(Math.min(...during(connections!))).toBeGreaterThanOrEqual(DB_MAX_CONNECTIONS - 3);
    expect(Math.max(...before(connections!))).toBeLessThan(DB_MAX_CONNECTIONS * 0.75);
    expect(Math.min(...during(p99!))).toBe(28_000);
    expect(Math.max(...before(p99!))).toBeLessThan(1_000);
    const errorRate = (values: number[], totals: number[]) => values.reduce((a, b) => a + b, 0) / totals.reduce((a, b) => a + b, 0);
    expect(errorRate(during(errors!), during(invocations!))).toBeGreaterThan(0.5);
    expect(errorRate(before(errors!), before(invocations!))).toBeLessThan(0.02);
  });

  it('keep 15 months, at the resolution of each tier, and are the same every time', () => {
    const { harness } = demo();
    const now = Math.floor(harness.now / HOUR) * HOUR;
    const query = (start: number, end: number, period: number) =>
      getMetricData(harness, { StartTime: start / 1000, EndTime: end / 1000, MetricDataQueries: [{ Id: 'm', MetricStat: { Metric: ordersApi('Invocations'), Period: period, Stat: 'Sum' } }] })
        .MetricDataResults[0]!;
    const year = query(now - 455 * DAY, now, 86400);
    expect(year.Values.length).toBeGreaterThanOrEqual(450);
    // A minute period cannot be served 20 days back (5-minute tier), but 5 minutes can.
    expect(query(now - 20 * DAY, now - 20 * DAY + HOUR, 60).Values).toEqual([]);
    expect(query(now - 20 * DAY, now - 20 * DAY + HOUR, 300).Values).toHaveLength(12);
    expect(query(now - 100 * DAY, now - 100 * DAY + 6 * HOUR, 300).Values).toEqual([]);
    expect(query(now - 100 * DAY, now - 100 * DAY + 6 * HOUR, 3600).Values.length).toBeGreaterThanOrEqual(6);
    expect(query(now - 500 * DAY, now - 490 * DAY, 3600).Values).toEqual([]);
    expect(demo().harness.cloudwatch('GetMetricData', { StartTime: (now - DAY) / 1000, EndTime: now / 1000, MetricDataQueries: [{ Id: 'm', MetricStat: { Metric: writer, Period: 300, Stat: 'Average' } }] }).body).toBe(
      harness.cloudwatch('GetMetricData', { StartTime: (now - DAY) / 1000, EndTime: now / 1000, MetricDataQueries: [{ Id: 'm', MetricStat: { Metric: writer, Period: 300, Stat: 'Average' } }] }).body,
    );
  });

  it('keep arriving as the clock moves on', () => {
    const { harness } = demo();
    const lastMinute = () =>
      getMetricData(harness, {
        StartTime: (harness.now - 10 * MINUTE) / 1000,
        EndTime: harness.now / 1000,
        MetricDataQueries: [{ Id: 'm', MetricStat: { Metric: ordersApi('Duration'), Period: 60, Stat: 'SampleCount' } }],
      }).MetricDataResults[0]!.Timestamps[0]!;
    const before = lastMinute();
    harness.now += 5 * MINUTE;
    expect(lastMinute()).toBe(before + 5 * 60);
  });

  it('list every namespace of the story, and two dashboards whose bodies PutDashboard accepts', () => {
    const { harness } = demo();
    const metrics = JSON.parse(harness.cloudwatch('ListMetrics', {}).body) as { Metrics: { Namespace: string }[] };
    expect(new Set(metrics.Metrics.map((m) => m.Namespace))).toEqual(
      new Set(['AWS/ApiGateway', 'AWS/ApplicationELB', 'AWS/ECS', 'AWS/Lambda', 'AWS/RDS', 'Tallybird/Business']),
    );
    const dashboards = JSON.parse(harness.cloudwatch('ListDashboards', {}).body) as { DashboardEntries: { DashboardName: string }[] };
    expect(dashboards.DashboardEntries.map((d) => d.DashboardName)).toEqual(['Tallybird-Orders-API-Latency', 'Tallybird-Production-Overview']);
    for (const { DashboardName } of dashboards.DashboardEntries) {
      const { DashboardBody } = JSON.parse(harness.cloudwatch('GetDashboard', { DashboardName }).body) as { DashboardBody: string };
      expect(harness.cloudwatch('PutDashboard', { DashboardName, DashboardBody }).status).toBe(200);
    }
  });
});
