import { describe, expect, it } from 'vitest';
import type { MetricDescriptor } from '../../../../../shared/contract';
import { dimensionText, filterMetrics, metricKey, namespacesOf, sortMetrics } from './metricCatalog';

const duration: MetricDescriptor = { namespace: 'AWS/Lambda', metricName: 'Duration', dimensions: [{ name: 'FunctionName', value: 'orders-api' }] };
const errors: MetricDescriptor = { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [{ name: 'FunctionName', value: 'payments' }] };
const cpu: MetricDescriptor = { namespace: 'AWS/ECS', metricName: 'CPUUtilization', dimensions: [{ name: 'ClusterName', value: 'prod' }, { name: 'ServiceName', value: 'orders' }] };
const orders: MetricDescriptor = { namespace: 'Tallybird/Shop', metricName: 'OrdersPlaced', dimensions: [] };
const ALL = [duration, errors, cpu, orders];

describe('metric catalog', () => {
  it('lists AWS namespaces first, then custom ones, with counts', () => {
    expect(namespacesOf(ALL)).toEqual([
      { namespace: 'AWS/ECS', count: 1, aws: true },
      { namespace: 'AWS/Lambda', count: 2, aws: true },
      { namespace: 'Tallybird/Shop', count: 1, aws: false },
    ]);
  });

  it('finds metrics by any words of namespace, name and dimensions, in any order', () => {
    expect(filterMetrics(ALL, undefined, ['orders'])).toEqual([duration, cpu, orders]);
    expect(filterMetrics(ALL, undefined, ['duration', 'orders-api'])).toEqual([duration]);
    expect(filterMetrics(ALL, 'AWS/ECS', ['orders'])).toEqual([cpu]);
    expect(filterMetrics(ALL, 'AWS/Lambda', [])).toEqual([duration, errors]);
    expect(filterMetrics(ALL, undefined, ['nothing'])).toEqual([]);
  });

  it('writes dimension sets and keys', () => {
    expect(dimensionText(cpu)).toBe('ClusterName=prod, ServiceName=orders');
    expect(dimensionText(orders)).toBe('');
    expect(metricKey(cpu)).not.toBe(metricKey({ ...cpu, dimensions: [{ name: 'ClusterName', value: 'prod' }] }));
  });
});

describe('sortMetrics', () => {
  it('sorts by a column either way, leaving the list as it was', () => {
    expect(sortMetrics(ALL, { key: 'metricName', descending: false }).map((metric) => metric.metricName)).toEqual(['CPUUtilization', 'Duration', 'Errors', 'OrdersPlaced']);
    expect(sortMetrics(ALL, { key: 'namespace', descending: true }).map((metric) => metric.namespace)).toEqual(['Tallybird/Shop', 'AWS/Lambda', 'AWS/Lambda', 'AWS/ECS']);
    expect(sortMetrics(ALL, { key: 'dimensions', descending: false })[0]).toBe(orders);
    expect(ALL[0]).toBe(duration);
  });
});
