import { describe, expect, it } from 'vitest';
import { checkDraft, draftOf, emptyDraft, type MetricFilterDraft } from './metricFilterForm';

const context = { logGroupName: '/ecs/orders', existingNames: new Set(['errors']), editing: false };
const draft = (part: Partial<MetricFilterDraft>): MetricFilterDraft => ({ ...emptyDraft(), filterName: 'latency', metricName: 'Latency', ...part });

describe('checkDraft', () => {
  it('makes the PutMetricFilter request of a draft with nothing wrong', () => {
    const check = checkDraft(draft({ filterPattern: '{ $.latencyMs > 0 }', metricValue: '$.latencyMs', unit: 'Milliseconds', dimensions: [{ name: 'Route', value: '$.path' }] }), context);
    expect(check.errors).toEqual({});
    expect(check.request).toEqual({
      logGroupName: '/ecs/orders',
      filterName: 'latency',
      filterPattern: '{ $.latencyMs > 0 }',
      transformation: { metricNamespace: 'LogMetrics', metricName: 'Latency', metricValue: '$.latencyMs', unit: 'Milliseconds', dimensions: { Route: '$.path' } },
    });
  });

  it('refuses a pattern with its position, and says nothing of the value until the pattern reads', () => {
    const check = checkDraft(draft({ filterPattern: '{ $.latencyMs > }', metricValue: '$latency' }), context);
    expect(check.errors.filterPattern).toMatch(/\(character \d+\)$/);
    expect(check.errors.metricValue).toBeUndefined();
    expect(check.request).toBeUndefined();
  });

  it('refuses a metric value and dimensions the pattern cannot extract, with the reason', () => {
    const check = checkDraft(draft({ filterPattern: '{ $.latencyMs > 0 }', metricValue: '$latencyMs', dimensions: [{ name: 'Host', value: 'web-1' }] }), context);
    expect(check.errors.metricValue).toBe('$latencyMs names a field, but the filter pattern is not a space-delimited pattern.');
    expect(check.dimensionErrors.get(0)).toBe('web-1 is not a $field or $.path.');
    expect(check.request).toBeUndefined();
  });

  it('refuses a new filter taking an existing name, a bad default, a repeated dimension and names AWS refuses', () => {
    const check = checkDraft(
      draft({ filterName: 'errors', filterPattern: '[a, b]', metricName: 'bad$name', defaultValue: 'zero', dimensions: [{ name: 'A', value: '$a' }, { name: 'A', value: '$b' }] }),
      context,
    );
    expect(check.errors.filterName).toContain('saving would replace it');
    expect(check.errors.metricName).toBe("The metric name may not contain ':', '*' or '$'.");
    expect(check.errors.defaultValue).toBe('zero is not a number.');
    expect(check.dimensionErrors.get(1)).toBe('A is already a dimension.');
    expect(checkDraft(draft({ filterName: 'errors' }), { ...context, editing: true }).errors.filterName).toBeUndefined();
  });

  it('reads a stored filter back into the same request', () => {
    const filter = {
      logGroupName: '/ecs/orders',
      filterName: 'latency',
      filterPattern: '[ip, status, bytes]',
      transformation: { metricNamespace: 'Shop', metricName: 'Bytes', metricValue: '$bytes', dimensions: { Status: '$status' }, unit: 'Bytes' as const },
      creationTime: 0,
    };
    expect(checkDraft(draftOf(filter), { ...context, editing: true }).request).toEqual({
      logGroupName: filter.logGroupName,
      filterName: filter.filterName,
      filterPattern: filter.filterPattern,
      transformation: filter.transformation,
    });
  });
});
