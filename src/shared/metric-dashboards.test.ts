import { describe, expect, it } from 'vitest';
import { newDashboardBody, parseDashboardBody, readWidgetRows, withWidgetAdded, writeWidgetRows, type WidgetRow } from './metric-dashboards';

const WIDGET = { type: 'metric', properties: { metrics: [['AWS/Lambda', 'Errors']], region: 'us-east-1' } };

describe('parseDashboardBody', () => {
  it('reads a body with widgets and keeps its other fields', () => {
    const parsed = parseDashboardBody(JSON.stringify({ start: '-PT6H', periodOverride: 'inherit', widgets: [{ type: 'text', x: 0, y: 0, width: 6, height: 3, properties: { markdown: 'hi' } }] }));
    expect(parsed.ok && parsed.dashboard.widgets).toHaveLength(1);
    expect(parsed.ok && parsed.dashboard.fields['periodOverride']).toBe('inherit');
  });

  it('says why a body cannot be read', () => {
    expect(parseDashboardBody('{"widgets": [')).toMatchObject({ ok: false, message: expect.stringMatching(/^The body is not valid JSON/) });
    expect(parseDashboardBody('[]')).toEqual({ ok: false, message: 'The body is not a JSON object.' });
    expect(parseDashboardBody('{"start":"-PT3H"}')).toEqual({ ok: false, message: 'The body has no "widgets" array.' });
    expect(parseDashboardBody('{"widgets":[{"properties":{}}]}')).toEqual({ ok: false, message: 'Widget 1 has no "type".' });
    expect(parseDashboardBody('{"widgets":[{"type":"metric","y":-1,"properties":{}}]}')).toEqual({ ok: false, message: 'Widget 1 has a "y" that is not a whole number.' });
  });
});

describe('withWidgetAdded', () => {
  it('puts the new widget under the lowest one and keeps everything else exactly', () => {
    const body = { start: '-PT3H', variables: [{ type: 'property' }], widgets: [{ type: 'text', x: 0, y: 0, width: 12, height: 3, properties: { markdown: 'a' } }, { type: 'alarm', x: 12, y: 2, width: 12, height: 6, properties: { alarms: ['arn'] } }] };
    const parsed = parseDashboardBody(JSON.stringify(body));
    if (!parsed.ok) throw new Error(parsed.message);
    const written = JSON.parse(withWidgetAdded(parsed.dashboard, WIDGET));
    expect(written.start).toBe('-PT3H');
    expect(written.variables).toEqual(body.variables);
    expect(written.widgets.slice(0, 2)).toEqual(body.widgets);
    expect(written.widgets[2]).toEqual({ ...WIDGET, x: 0, y: 8, width: 24, height: 6 });
  });

  it('starts a new dashboard at the top', () => {
    expect(JSON.parse(newDashboardBody(WIDGET)).widgets[0]).toMatchObject({ x: 0, y: 0 });
  });

  it('refuses a 501st widget', () => {
    const full = { fields: {}, widgets: Array.from({ length: 500 }, () => WIDGET) };
    expect(() => withWidgetAdded(full, WIDGET)).toThrow(/500 widgets/);
  });
});

describe('metric widget rows', () => {
  it('expands "." and "..." from the row before', () => {
    const parsed = readWidgetRows([
      ['AWS/Lambda', 'Duration', 'FunctionName', 'orders', { stat: 'p50', id: 'm1' }],
      ['...', { stat: 'p99', id: 'm2', yAxis: 'right' }],
      ['.', 'Errors', '.', '.'],
      ['...', 'payments'],
      [{ expression: '100*m2/m1', label: 'Error rate', id: 'e1' }],
    ]);
    if (!parsed.ok) throw new Error(parsed.message);
    expect(parsed.rows).toEqual([
      { kind: 'metric', namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [{ name: 'FunctionName', value: 'orders' }], options: expect.objectContaining({ stat: 'p50', id: 'm1' }) },
      { kind: 'metric', namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [{ name: 'FunctionName', value: 'orders' }], options: expect.objectContaining({ stat: 'p99', id: 'm2', yAxis: 'right' }) },
      { kind: 'metric', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [{ name: 'FunctionName', value: 'orders' }], options: expect.objectContaining({ stat: undefined }) },
      { kind: 'metric', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [{ name: 'FunctionName', value: 'payments' }], options: expect.anything() },
      { kind: 'expression', expression: '100*m2/m1', options: expect.objectContaining({ label: 'Error rate', id: 'e1' }) },
    ]);
  });

  it('refuses rows it cannot read, saying which', () => {
    expect(readWidgetRows('x')).toEqual({ ok: false, message: '"metrics" is not an array' });
    expect(readWidgetRows([['.', 'Errors']])).toEqual({ ok: false, message: 'metric 1 repeats (".") an item the metric before it does not have' });
    expect(readWidgetRows([['AWS/EC2', 'CPUUtilization', 'InstanceId']])).toEqual({ ok: false, message: 'metric 1 has a dimension name without a value' });
    expect(readWidgetRows([['AWS/EC2']])).toEqual({ ok: false, message: 'metric 1 needs a namespace and a metric name' });
  });

  it('writes rows back without shorthand, and reads what it wrote', () => {
    const rows: WidgetRow[] = [
      { kind: 'metric', namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [{ name: 'FunctionName', value: 'orders' }], options: { id: 'm1', stat: 'Sum', yAxis: 'right' } },
      { kind: 'metric', namespace: 'Shop', metricName: 'OrdersPlaced', dimensions: [], options: {} },
      { kind: 'expression', expression: 'SUM(METRICS())', options: { id: 'e1', label: 'All' } },
    ];
    const written = writeWidgetRows(rows);
    expect(written).toEqual([
      ['AWS/Lambda', 'Errors', 'FunctionName', 'orders', { id: 'm1', stat: 'Sum', yAxis: 'right' }],
      ['Shop', 'OrdersPlaced'],
      [{ expression: 'SUM(METRICS())', id: 'e1', label: 'All' }],
    ]);
    const read = readWidgetRows(written);
    expect(read.ok && read.rows.map((row) => row.kind)).toEqual(['metric', 'metric', 'expression']);
  });
});
