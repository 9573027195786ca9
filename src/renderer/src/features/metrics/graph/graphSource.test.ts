import { describe, expect, it } from 'vitest';
import { addExpression, addMetric, emptyGraph, updateSeries, type Graph } from './graph';
import { graphFromCommand, graphFromJson, shellQuote, shellWords, sourceCommand, sourceJson, type SourceBasis } from './graphSource';

const NOW = Date.UTC(2026, 10, 30, 12, 0);
const duration = { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [{ name: 'FunctionName', value: "o'rders" }] };

function graph(): Graph {
  let built = addMetric(emptyGraph(), duration, 'p99');
  built = updateSeries(built, 'm1', { axis: 'right', color: '#123456' });
  return addExpression(built, '100*m1');
}

const basis: SourceBasis = { range: { start: NOW - 3_600_000, end: NOW }, periods: new Map([['m1', 60]]), region: 'us-east-1' };

describe('Source', () => {
  it('writes GetMetricData JSON and reads it back to the same graph', () => {
    const json = sourceJson(graph(), basis);
    expect(JSON.parse(json)).toEqual({
      MetricDataQueries: [
        { Id: 'm1', ReturnData: true, MetricStat: { Metric: { Namespace: 'AWS/Lambda', MetricName: 'Duration', Dimensions: [{ Name: 'FunctionName', Value: "o'rders" }] }, Period: 60, Stat: 'p99' } },
        { Id: 'e1', ReturnData: true, Expression: '100*m1' },
      ],
      StartTime: '2026-11-30T11:00:00.000Z',
      EndTime: '2026-11-30T12:00:00.000Z',
    });
    const read = graphFromJson(json, graph(), basis);
    expect(read.ok && read.graph).toEqual(graph());
  });

  it('takes edits from the JSON, keeping each id’s colour and axis', () => {
    const edited = sourceJson(graph(), basis).replace('"p99"', '"p50"').replace('"2026-11-30T11:00:00.000Z"', '"2026-11-30T10:00:00Z"');
    const read = graphFromJson(edited, graph(), basis);
    if (!read.ok) throw new Error(read.message);
    expect(read.graph.series[0]).toMatchObject({ stat: 'p50', axis: 'right', color: '#123456', period: undefined });
    expect(read.graph.range).toEqual({ kind: 'absolute', start: NOW - 7_200_000, end: NOW });
  });

  it('refuses a bad statistic, id or JSON with where it is', () => {
    const badStat = graphFromJson(sourceJson(graph(), basis).replace('"p99"', '"p101"'), graph(), basis);
    expect(badStat).toMatchObject({ ok: false, message: expect.stringMatching(/^Query 1 \(m1\), metricStat\.stat: The percentile in p101 must be between 0 and 100/) });
    const badId = graphFromJson(sourceJson(graph(), basis).replace('"e1"', '"E1"'), graph(), basis);
    expect(badId).toMatchObject({ ok: false, message: 'Query 2 (E1), id: The id E1 must start with a lowercase letter.' });
    const text = sourceJson(graph(), basis).replace('"Id": "m1",', '"Id": "m1"');
    const broken = graphFromJson(text, graph(), basis);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(text.slice(broken.position - 5, broken.position + 5)).toMatch(/"/);
  });

  it('writes an AWS CLI command a shell reads back, quotes included', () => {
    const command = sourceCommand(graph(), basis);
    expect(command.startsWith('aws cloudwatch get-metric-data \\\n  --region us-east-1 \\\n  --start-time 2026-11-30T11:00:00.000Z')).toBe(true);
    const read = graphFromCommand(command, graph(), basis);
    expect(read.ok && read.graph).toEqual(graph());
  });

  it('reads a command someone typed, and says what is wrong with one it cannot use', () => {
    const typed = `aws cloudwatch get-metric-data --start-time 2026-11-30T11:00:00Z --end-time 2026-11-30T12:00:00Z --metric-data-queries "[{\\"Id\\":\\"m1\\",\\"Expression\\":\\"SEARCH('{AWS/Lambda} Errors', 'Sum', 300)\\"}]"`;
    const read = graphFromCommand(typed, emptyGraph(), basis);
    if (!read.ok) throw new Error(read.message);
    expect(read.graph.series).toEqual([{ kind: 'expression', id: 'm1', expression: "SEARCH('{AWS/Lambda} Errors', 'Sum', 300)", period: undefined, label: '', color: '', axis: 'left', visible: true }]);
    expect(graphFromCommand('aws logs tail x', emptyGraph(), basis)).toMatchObject({ ok: false, message: 'The command must start with aws cloudwatch get-metric-data.', position: 0 });
    const unknown = 'aws cloudwatch get-metric-data --colour red';
    expect(graphFromCommand(unknown, emptyGraph(), basis)).toMatchObject({ ok: false, position: unknown.indexOf('--colour') });
    expect(graphFromCommand('aws cloudwatch get-metric-data --region eu-west-1', emptyGraph(), basis)).toMatchObject({
      ok: false,
      message: 'The graph shows us-east-1; switch the region in the header to graph eu-west-1.',
    });
  });

  it('splits words as a shell does', () => {
    const words = shellWords(`a 'b c' "d \\"e\\"" f\\ g \\\n h`);
    expect(words.ok && words.words.map((word) => word.text)).toEqual(['a', 'b c', 'd "e"', 'f g', 'h']);
    expect(shellWords("a 'b")).toMatchObject({ ok: false, message: 'A single quote is not closed.', position: 2 });
    expect(shellQuote("it's")).toBe(`'it'\\''s'`);
  });
});
