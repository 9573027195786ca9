import { describe, expect, it } from 'vitest';
import { addExpression, addMetric, emptyGraph } from './graph';
import { graphAlarmLink } from './graphAlarm';

const duration = { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [{ name: 'FunctionName', value: 'orders-api' }] };
const errors = { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [{ name: 'FunctionName', value: 'orders-api' }] };

describe('Create alarm from a graph', () => {
  it('starts on the one visible metric with its statistic and the graph\'s period', () => {
    expect(graphAlarmLink(addMetric(emptyGraph(), duration, 'p99'), 60)).toEqual({ link: { metric: duration, stat: 'p99', period: 60 } });
  });

  it('starts on an expression with the metrics it reads, only it returning data', () => {
    const graph = addExpression(addMetric(addMetric(emptyGraph(), errors, 'Sum'), duration, 'SampleCount'), '100*m1/m2');
    const hidden = { ...graph, series: graph.series.map((series) => (series.kind === 'metric' ? { ...series, visible: false } : series)) };
    const result = graphAlarmLink(hidden, 300);
    expect(result).toEqual({
      link: {
        metrics: [
          { id: 'm1', returnData: false, metricStat: { metric: errors, period: 300, stat: 'Sum' } },
          { id: 'm2', returnData: false, metricStat: { metric: duration, period: 300, stat: 'SampleCount' } },
          { id: 'e1', returnData: true, expression: '100*m1/m2', period: 300 },
        ],
      },
    });
  });

  it('says why when there is no series, or more than one to choose from', () => {
    expect(graphAlarmLink(emptyGraph(), 60)).toEqual({ reason: 'Graph a metric first: an alarm watches one series.' });
    expect(graphAlarmLink(addMetric(addMetric(emptyGraph(), duration), errors), 60)).toMatchObject({ reason: expect.stringContaining('hide the others') });
  });
});
