/**
 * metrics.* through the dispatcher and the real CloudWatch SDK client against a sandbox: listing with
 * pages and filters, GetMetricData with statistics, math, NextToken pages and splits, and dashboards
 * extended without losing anything (and left alone when they cannot be read). Data is written here,
 * with PutMetricData or as seed, so every expected value is worked out from what was put.
 */
import { CloudWatchClient, PutMetricDataCommand, type MetricDatum } from '@aws-sdk/client-cloudwatch';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Dashboard, DashboardSaved, MetricData, MetricPage } from '../../shared/contract';
import type { StreamMessage } from '../../shared/rpc';
import { call, ok, subscribe, valuesOf } from './dispatcher-testing';
import { sandboxApi } from './sandbox-testing';

const MINUTE = 60_000;
/** Whole minutes, ten of them, ending a few minutes ago (PutMetricData takes two weeks back). */
const END = Math.floor(Date.now() / MINUTE) * MINUTE - 5 * MINUTE;
const START = END - 10 * MINUTE;
const BULK = 1_203;
const UNREADABLE_BODY = '{"widgets":[{"type":"metric","x":"left","properties":{}}]}';

const api = sandboxApi({}, (sandbox) => {
  // A dashboard whose body the app cannot read (seeded: the API would validate it).
  sandbox.seed({ regions: [{ region: 'us-east-1', logGroups: [], dashboards: [{ name: 'hand-written', body: UNREADABLE_BODY, lastModified: END }] }] });
});

beforeAll(async () => {
  const client = new CloudWatchClient({ region: 'us-east-1', endpoint: api.sandbox.endpoint, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } });
  const put = (namespace: string, data: MetricDatum[]) => client.send(new PutMetricDataCommand({ Namespace: namespace, MetricData: data }));
  // Latency: each minute the values 1..100, once each.
  // Requests: 60 a minute; Failures: the minute's index (0..9), so the error rate is known.
  const minutes = Array.from({ length: 10 }, (_, index) => START + index * MINUTE);
  await put(
    'Test/Shop',
    minutes.flatMap((time, index) => [
      { MetricName: 'Latency', Dimensions: [{ Name: 'Service', Value: 'orders' }], Timestamp: new Date(time), Values: Array.from({ length: 100 }, (_, v) => v + 1), Unit: 'Milliseconds' },
      { MetricName: 'Requests', Dimensions: [{ Name: 'Service', Value: 'orders' }], Timestamp: new Date(time), Value: 60, Unit: 'Count' },
      ...(index === 4 ? [] : [{ MetricName: 'Failures', Dimensions: [{ Name: 'Service', Value: 'orders' }], Timestamp: new Date(time), Value: index, Unit: 'Count' as const }]),
    ]),
  );
  const bulk = Array.from({ length: BULK }, (_, index) => ({ MetricName: `Gauge${index % 3}`, Dimensions: [{ Name: 'Id', Value: `item-${index}` }], Timestamp: new Date(END), Value: index }));
  for (let at = 0; at < bulk.length; at += 1000) await put('Test/Bulk', bulk.slice(at, at + 1000));
  client.destroy();
});

const latency = { namespace: 'Test/Shop', metricName: 'Latency', dimensions: [{ name: 'Service', value: 'orders' }] };
const requests = { ...latency, metricName: 'Requests' };
const failures = { ...latency, metricName: 'Failures' };

describe('metrics.list', () => {
  it('streams every metric, 500 a page, with the pages so far', async () => {
    const dispatcher = api.start();
    const pages = valuesOf<MetricPage>(await subscribe(dispatcher, 'metrics.list', { namespace: 'Test/Bulk' }));
    expect(pages.map((page) => [page.metrics.length, page.pages])).toEqual([
      [500, 1],
      [500, 2],
      [203, 3],
    ]);
    const ids = new Set(pages.flatMap((page) => page.metrics.map((metric) => metric.dimensions[0]?.value)));
    expect(ids.size).toBe(BULK);
  });

  it('filters by name, by a dimension with or without its value, and by recent activity', async () => {
    const dispatcher = api.start();
    const all = async (request: object) => valuesOf<MetricPage>(await subscribe(dispatcher, 'metrics.list', request)).flatMap((page) => page.metrics);
    expect(await all({ namespace: 'Test/Bulk', metricName: 'Gauge1' })).toHaveLength(401);
    expect(await all({ namespace: 'Test/Bulk', dimensions: [{ name: 'Id', value: 'item-7' }] })).toEqual([
      { namespace: 'Test/Bulk', metricName: 'Gauge1', dimensions: [{ name: 'Id', value: 'item-7' }] },
    ]);
    expect(await all({ namespace: 'Test/Shop', dimensions: [{ name: 'Service' }] })).toHaveLength(3);
    expect(await all({ namespace: 'Test/Shop', recentlyActive: true })).toHaveLength(3);
  });

  it('stops when the caller stops, between pages', async () => {
    const dispatcher = api.start();
    const controller = new AbortController();
    const messages: StreamMessage[] = [];
    await dispatcher.subscribe('metrics.list', { namespace: 'Test/Bulk' }, controller.signal, (message) => {
      messages.push(message);
      controller.abort();
    });
    expect(valuesOf(messages)).toHaveLength(1);
  });
});

describe('metrics.getData', () => {
  it('answers statistics and math from the datapoints put, oldest first', async () => {
    const dispatcher = api.start();
    const data = await ok<MetricData>(
      call(dispatcher, 'metrics.getData', {
        queries: [
          { id: 'p50', metricStat: { metric: latency, period: 60, stat: 'p50' } },
          { id: 'p90', metricStat: { metric: latency, period: 600, stat: 'p90' } },
          { id: 'm1', metricStat: { metric: requests, period: 60, stat: 'Sum' }, returnData: false },
          { id: 'm2', metricStat: { metric: failures, period: 60, stat: 'Sum' }, returnData: false },
          { id: 'rate', expression: '100*m2/m1', label: 'Error rate' },
        ],
        startTime: START,
        endTime: END,
      }),
    );
    expect(data.series.map((series) => series.id)).toEqual(['p50', 'p90', 'rate']);
    const [p50, p90, rate] = data.series;
    expect(p50?.timestamps).toEqual(Array.from({ length: 10 }, (_, index) => START + index * MINUTE));
    expect(p50?.values).toEqual(Array(10).fill(50));
    expect(p90).toMatchObject({ timestamps: [START], values: [90] });
    // Minute 4 has no failures: that minute has no rate (a gap, not zero).
    expect(rate?.label).toBe('Error rate');
    expect(rate?.timestamps).toEqual(Array.from({ length: 10 }, (_, index) => START + index * MINUTE).filter((_, index) => index !== 4));
    expect(rate?.values).toEqual([0, 1, 2, 3, 5, 6, 7, 8, 9].map((failed) => (100 * failed) / 60));
    expect(data.calls).toBe(1);
  });

  it('keeps an anomaly band’s two series apart, upper then lower, though they share the id and label', async () => {
    // Three hours of a queue's depth: the band's model trains on whole hours before the range's end.
    const depth = { ...latency, metricName: 'QueueDepth' };
    const client = new CloudWatchClient({ region: 'us-east-1', endpoint: api.sandbox.endpoint, credentials: { accessKeyId: 'AKIDTEST', secretAccessKey: 'secret' } });
    const minutes = Array.from({ length: 180 }, (_, index) => END - (index + 1) * MINUTE);
    for (let at = 0; at < minutes.length; at += 150) {
      const data = minutes.slice(at, at + 150).map((time, index) => ({ MetricName: 'QueueDepth', Dimensions: [{ Name: 'Service', Value: 'orders' }], Timestamp: new Date(time), Value: 20 + ((at + index) % 7) }));
      await client.send(new PutMetricDataCommand({ Namespace: 'Test/Shop', MetricData: data }));
    }
    client.destroy();
    const dispatcher = api.start();
    const data = await ok<MetricData>(
      call(dispatcher, 'metrics.getData', {
        queries: [
          { id: 'm1', metricStat: { metric: depth, period: 60, stat: 'Sum' } },
          { id: 'band', expression: 'ANOMALY_DETECTION_BAND(m1, 2)', label: 'Expected' },
        ],
        startTime: START,
        endTime: END,
      }),
    );
    const bands = data.series.filter((series) => series.id === 'band');
    expect(bands.map((series) => series.label)).toEqual(['Expected', 'Expected']);
    const [upper, lower] = bands;
    expect(upper?.timestamps.length).toBeGreaterThan(0);
    expect(upper?.timestamps).toEqual(lower?.timestamps);
    upper?.values.forEach((value, index) => expect(value).toBeGreaterThanOrEqual(lower?.values[index] ?? Number.POSITIVE_INFINITY));
  });

  it('refuses a bad expression with its place, before calling AWS', async () => {
    const dispatcher = api.start();
    const result = await call(dispatcher, 'metrics.getData', { queries: [{ id: 'e1', expression: '100*m2/' }], startTime: START, endTime: END });
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.error).toMatchObject({ code: 'InvalidInput', message: expect.stringMatching(/at character \d+/) });
  });

  it('splits more than 500 queries over calls, and reads NextToken pages past 100,800 datapoints', async () => {
    const dispatcher = api.start();
    const many = Array.from({ length: 501 }, (_, index) => ({
      id: `g${index}`,
      metricStat: { metric: { namespace: 'Test/Bulk', metricName: `Gauge${index % 3}`, dimensions: [{ name: 'Id', value: `item-${index}` }] }, period: 60, stat: 'Maximum' },
    }));
    const split = await ok<MetricData>(call(dispatcher, 'metrics.getData', { queries: many, startTime: END - MINUTE, endTime: END + MINUTE }));
    expect(split.calls).toBe(2);
    expect(split.series).toHaveLength(501);
    expect(split.series[500]).toMatchObject({ id: 'g500', values: [500] });

    // 71 series of 1,440 one-second points (high resolution is not needed: the sandbox answers every period asked).
    api.sandbox.seed({
      regions: [
        {
          region: 'us-east-1',
          logGroups: [],
          metrics: Array.from({ length: 71 }, (_, index) => ({
            namespace: 'Test/Paged',
            metricName: 'Value',
            dimensions: [{ Name: 'Index', Value: String(index) }],
            generator: { unit: 'Count', resolutionSeconds: 1, fill: (_start: number, _seconds: number, into: { addValue(value: number): void }) => into.addValue(index) },
          })),
        },
      ],
    });
    const paged = await ok<MetricData>(
      call(dispatcher, 'metrics.getData', {
        queries: Array.from({ length: 71 }, (_, index) => ({
          id: `v${index}`,
          metricStat: { metric: { namespace: 'Test/Paged', metricName: 'Value', dimensions: [{ name: 'Index', value: String(index) }] }, period: 1, stat: 'Sum' },
        })),
        startTime: Math.floor(Date.now() / 1000) * 1000 - 1_440_000,
        endTime: Math.floor(Date.now() / 1000) * 1000,
      }),
    );
    expect(paged.calls).toBeGreaterThan(1);
    expect(paged.series.every((series, index) => series.timestamps.length === 1440 && series.values.every((value) => value === index))).toBe(true);
  });

  it('refuses more than a graph may fetch, with a sentence', async () => {
    const dispatcher = api.start();
    const result = await call(dispatcher, 'metrics.getData', {
      queries: Array.from({ length: 60 }, (_, index) => ({ id: `m${index}`, metricStat: { metric: latency, period: 60, stat: 'Average' } })),
      startTime: END - 14 * 24 * 60 * MINUTE,
      endTime: END,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidInput', message: expect.stringMatching(/^This graph asks for 1,209,600 datapoints/) } });
  });
});

describe('dashboards', () => {
  const widget = (title: string) => ({ type: 'metric', properties: { metrics: [['Test/Shop', 'Latency', 'Service', 'orders']], region: 'us-east-1', title } });

  it('creates a dashboard, then adds below its widgets without losing them', async () => {
    const dispatcher = api.start();
    const created = await ok<DashboardSaved>(call(dispatcher, 'metrics.addWidget', { name: 'it-orders', widget: widget('first'), create: true }));
    expect(created).toEqual({ name: 'it-orders', widgets: 1, warnings: [] });
    const again = await call(dispatcher, 'metrics.addWidget', { name: 'it-orders', widget: widget('again'), create: true });
    expect(again).toMatchObject({ ok: false, error: { code: 'AlreadyExists' } });

    const added = await ok<DashboardSaved>(call(dispatcher, 'metrics.addWidget', { name: 'it-orders', widget: widget('second') }));
    expect(added.widgets).toBe(2);
    const stored = await ok<Dashboard>(call(dispatcher, 'metrics.getDashboard', { name: 'it-orders' }));
    const body = JSON.parse(stored.body) as { widgets: { y: number; properties: { title: string } }[] };
    expect(body.widgets.map((entry) => [entry.properties.title, entry.y])).toEqual([
      ['first', 0],
      ['second', 6],
    ]);
    const listed = await ok<{ dashboards: { name: string }[] }>(call(dispatcher, 'metrics.listDashboards', { prefix: 'it-' }));
    expect(listed.dashboards.map((entry) => entry.name)).toEqual(['it-orders']);
  });

  it('never rewrites a body it cannot read', async () => {
    const dispatcher = api.start();
    const result = await call(dispatcher, 'metrics.addWidget', { name: 'hand-written', widget: widget('x') });
    expect(result).toMatchObject({ ok: false, error: { code: 'InvalidInput', message: expect.stringMatching(/^Cloudscope cannot read the dashboard hand-written \(Widget 1 has a "x" that is not a whole number\.\)/) } });
    const stored = await ok<Dashboard>(call(dispatcher, 'metrics.getDashboard', { name: 'hand-written' }));
    expect(stored.body).toBe(UNREADABLE_BODY);
  });

  it('says when a dashboard is missing', async () => {
    const dispatcher = api.start();
    expect(await call(dispatcher, 'metrics.getDashboard', { name: 'no-such-dashboard' })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
    expect(await call(dispatcher, 'metrics.addWidget', { name: 'no-such-dashboard', widget: widget('x') })).toMatchObject({ ok: false, error: { code: 'NotFound' } });
  });
});
