import { describe, expect, it } from 'vitest';
import { addMetric, emptyGraph, updateSeries, type Graph } from './graph';
import { datapointBudget, graphPeriod, seriesPeriod } from './graphPeriods';

const NOW = Date.UTC(2026, 10, 30, 12, 0);
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const metric = { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [] };

function graphOf(period: Graph['period'], count = 1): Graph {
  let graph: Graph = { ...emptyGraph(), period };
  for (let i = 0; i < count; i++) graph = addMetric(graph, metric, `p${50 + i}`);
  return graph;
}

describe('graph periods', () => {
  it('picks one minute over an incident of an hour, and says why', () => {
    const decision = graphPeriod(graphOf('auto'), { start: NOW - 30 * HOUR, end: NOW - 29 * HOUR }, NOW);
    expect(decision).toEqual({ seconds: 60, auto: true, reason: '1 minute (automatic): the finest period standard-resolution metrics have.' });
  });

  it('over 15 months follows the hourly tier and the datapoint budget, and says both', () => {
    const decision = graphPeriod(graphOf('auto'), { start: NOW - 455 * DAY, end: NOW }, NOW);
    expect(decision.seconds).toBe(43_200);
    expect(decision.reason).toBe(
      '12 hours (automatic): CloudWatch keeps data older than 63 days only at 1 hour resolution; 1 hour would be 10,920 datapoints per series, and a graph draws at most 1,440.',
    );
  });

  it('keeps a chosen period the tier cannot serve, explains it and offers one that works', () => {
    const decision = graphPeriod(graphOf(60), { start: NOW - 455 * DAY, end: NOW }, NOW);
    expect(decision.seconds).toBe(60);
    expect(decision.auto).toBe(false);
    expect(decision.problem).toMatch(/^Data older than 63 days is kept only at 1 hour resolution/);
    expect(decision.suggestion).toBe(43_200);
  });

  it('explains a chosen period that asks for more datapoints than a graph fetches', () => {
    const decision = graphPeriod(graphOf(60, 51), { start: NOW - 14 * DAY, end: NOW }, NOW);
    expect(decision.problem).toBe('At 1 minute this range is 20,160 datapoints per series, 1,028,160 in all; Cloudscope fetches at most 1,008,000 for one graph.');
    expect(graphPeriod(graphOf(60, 50), { start: NOW - 14 * DAY, end: NOW }, NOW).problem).toBeUndefined();
  });

  it('shares one call’s datapoints among many series', () => {
    expect(datapointBudget(graphOf('auto', 1))).toBe(1440);
    expect(datapointBudget(graphOf('auto', 100))).toBe(1008);
  });

  it('lets a series have its own period', () => {
    const graph = updateSeries(graphOf('auto', 2), 'm2', { period: 300 });
    const range = { start: NOW - 3 * HOUR, end: NOW };
    expect(seriesPeriod(graph, graph.series[0]!, range, NOW).seconds).toBe(60);
    expect(seriesPeriod(graph, graph.series[1]!, range, NOW)).toEqual({ seconds: 300, auto: false });
  });
});
