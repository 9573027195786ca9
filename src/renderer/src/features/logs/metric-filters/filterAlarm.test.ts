import { describe, expect, it } from 'vitest';
import { ALARMS_PARAMETERS } from '../../../app/links/alarms';
import { filterAlarmHash } from './filterAlarm';

const filter = {
  logGroupName: '/ecs/orders',
  filterName: 'latency',
  filterPattern: '{ $.latencyMs > 0 }',
  transformation: { metricNamespace: 'Shop', metricName: 'Latency', metricValue: '$.latencyMs', dimensions: { Method: '$.method' } },
  creationTime: 0,
};

function linkOf(hash: string): unknown {
  return JSON.parse(new URLSearchParams(hash.slice(hash.indexOf('?') + 1)).get(ALARMS_PARAMETERS.new) ?? 'null');
}

describe('filterAlarmHash', () => {
  it('starts a new alarm on the chosen metric of the filter, with the filter for "why did it fire"', () => {
    const metric = { namespace: 'Shop', metricName: 'Latency', dimensions: [{ name: 'Method', value: 'POST' }] };
    expect(linkOf(filterAlarmHash(filter, metric))).toEqual({
      metric,
      stat: 'Average',
      period: 60,
      metricFilter: { logGroupName: '/ecs/orders', filterName: 'latency', pattern: '{ $.latencyMs > 0 }' },
    });
  });

  it('uses the filter’s one metric when it has no dimensions, counted as a Sum', () => {
    const counting = { ...filter, transformation: { metricNamespace: 'Shop', metricName: 'Errors', metricValue: '1' } };
    expect(linkOf(filterAlarmHash(counting))).toMatchObject({ metric: { namespace: 'Shop', metricName: 'Errors', dimensions: [] }, stat: 'Sum' });
  });
});
