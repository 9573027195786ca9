import { describe, expect, it } from 'vitest';
import { addMetric, emptyGraph } from './graph';
import { checkExpression, checkId, checkStatistic } from './seriesChecks';

const graph = addMetric(addMetric(emptyGraph(), { namespace: 'AWS/Lambda', metricName: 'Invocations', dimensions: [] }), { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [] });

describe('series checks', () => {
  it('accepts every kind of statistic and refuses others with the reason', () => {
    expect(checkStatistic('p99.9')).toBeUndefined();
    expect(checkStatistic('TM(10%:90%)')).toBeUndefined();
    expect(checkStatistic('average')?.message).toBe('Statistic names are case-sensitive: average should be Average.');
  });

  it('refuses an id AWS would refuse, or one the graph already has', () => {
    expect(checkId('2m', graph)?.message).toBe('The id 2m must start with a lowercase letter.');
    expect(checkId('m2', graph, 'm1')?.message).toBe('Another series already has the id m2.');
    expect(checkId('m1', graph, 'm1')).toBeUndefined();
    expect(checkId('errors_1', graph)).toBeUndefined();
  });

  it('marks where an expression goes wrong, and ids the graph does not have', () => {
    expect(checkExpression('100*m2/m1', graph)).toBeUndefined();
    const broken = checkExpression('100*m2/', graph);
    expect(broken?.position).toBe(7);
    const unknown = checkExpression('m1 + m7', graph);
    expect(unknown).toEqual({ message: 'm7 is not a series of this graph. Its series are m1, m2.', position: 5, length: 2 });
    expect(checkExpression('e1*2', graph, 'e1')?.message).toBe('An expression cannot use its own result (e1).');
  });
});
