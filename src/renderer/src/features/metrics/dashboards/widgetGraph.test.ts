import { describe, expect, it } from 'vitest';
import { parseDashboardBody, withWidgetAdded } from '../../../../../shared/metric-dashboards';
import { addExpression, addMetric, emptyGraph, updateSeries } from '../graph/graph';
import { dashboardContents, isoDurationMs, parseWidgetRange, widgetOf } from './widgetGraph';

const NOW = Date.UTC(2026, 10, 30, 12, 0);
const duration = { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [{ name: 'FunctionName', value: 'orders-api' }] };
const errors = { ...duration, metricName: 'Errors' };

function graph() {
  let built = addMetric({ ...emptyGraph(), title: 'Orders', period: 60 }, duration, 'p99');
  built = addMetric(built, errors, 'Sum');
  built = updateSeries(built, 'm2', { axis: 'right', visible: false, color: '#d62728' });
  return addExpression(built, '100*m2/m1');
}

describe('widgets and graphs', () => {
  it('writes a graph as the console writes a metric widget', () => {
    expect(widgetOf(graph(), 'us-east-1')).toEqual({
      type: 'metric',
      width: 12,
      height: 6,
      properties: {
        metrics: [
          ['AWS/Lambda', 'Duration', 'FunctionName', 'orders-api', { id: 'm1', stat: 'p99' }],
          ['AWS/Lambda', 'Errors', 'FunctionName', 'orders-api', { id: 'm2', color: '#d62728', yAxis: 'right', visible: false, stat: 'Sum' }],
          [{ expression: '100*m2/m1', id: 'e1' }],
        ],
        view: 'timeSeries',
        stacked: false,
        region: 'us-east-1',
        title: 'Orders',
        period: 60,
        yAxis: { left: { showUnits: false }, right: { showUnits: false } },
        start: '-PT10800S',
      },
    });
  });

  it('reads a saved graph back from the dashboard, next to the widgets it does not show', () => {
    const parsed = parseDashboardBody(JSON.stringify({ widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 2, properties: { markdown: '# Ops' } }] }));
    if (!parsed.ok) throw new Error(parsed.message);
    const saved = parseDashboardBody(withWidgetAdded(parsed.dashboard, widgetOf(graph(), 'us-east-1')));
    if (!saved.ok) throw new Error(saved.message);
    const contents = dashboardContents(saved.dashboard, 'us-east-1', NOW);
    expect(contents.notShown).toEqual([{ title: 'Widget 1', type: 'text', reason: 'a text widget; Cloudscope shows metric widgets' }]);
    expect(contents.graphs).toHaveLength(1);
    const back = contents.graphs[0]!.graph;
    expect(back.series).toEqual(graph().series);
    expect(back).toMatchObject({ title: 'Orders', period: 60, view: 'line', range: { kind: 'relative', startAgoMs: 10_800_000, endAgoMs: 0 } });
  });

  it('lists widgets of another region, and ones it cannot read, with the reason', () => {
    const body = {
      start: '-P7D',
      widgets: [
        { type: 'metric', properties: { metrics: [['AWS/EC2', 'CPUUtilization']], region: 'eu-west-1', title: 'EU CPU' } },
        { type: 'metric', properties: { metrics: [['AWS/EC2']], region: 'us-east-1' } },
        { type: 'metric', properties: { metrics: [['AWS/EC2', 'CPUUtilization', 'InstanceId', 'i-1']], view: 'gauge', region: 'us-east-1', stat: 'Maximum' } },
      ],
    };
    const parsed = parseDashboardBody(JSON.stringify(body));
    if (!parsed.ok) throw new Error(parsed.message);
    const contents = dashboardContents(parsed.dashboard, 'us-east-1', NOW);
    expect(contents.notShown).toEqual([
      { title: 'EU CPU', type: 'metric', reason: 'it graphs eu-west-1; switch to that region to see it' },
      { title: 'Widget 2', type: 'metric', reason: 'its metrics do not read: metric 1 needs a namespace and a metric name' },
    ]);
    expect(contents.graphs[0]).toMatchObject({ title: 'Widget 3', note: 'shown as numbers (a gauge on the dashboard)', graph: { view: 'number', range: { kind: 'relative', startAgoMs: 7 * 86_400_000 } } });
    expect(contents.graphs[0]?.graph.series[0]).toMatchObject({ id: 'm1', stat: 'Maximum' });
  });

  it('reads ISO 8601 durations and absolute ranges', () => {
    expect(isoDurationMs('-PT3H')).toBe(10_800_000);
    expect(isoDurationMs('-P1DT30M')).toBe(88_200_000);
    expect(isoDurationMs('-P')).toBeUndefined();
    expect(isoDurationMs('3 hours')).toBeUndefined();
    expect(parseWidgetRange('2026-11-30T10:00:00Z', '2026-11-30T11:00:00Z', NOW)).toEqual({ kind: 'absolute', start: NOW - 7_200_000, end: NOW - 3_600_000 });
    expect(parseWidgetRange('-PT1H', '-PT2H', NOW)).toBeUndefined();
  });
});
