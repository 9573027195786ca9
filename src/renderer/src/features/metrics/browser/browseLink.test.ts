import { describe, expect, it } from 'vitest';
import { metricsBrowseHash } from '../../../app/links/metrics';
import { parametersOf } from '../../../app/viewParameters';
import { browseLinkOf, linkedMetricTest } from './browseLink';

describe('browseLinkOf', () => {
  it('reads what metricsBrowseHash wrote, and tells its metrics from others whatever their dimensions', () => {
    const link = browseLinkOf(parametersOf(metricsBrowseHash({ title: 'filters of /app', metrics: [{ namespace: 'Shop', metricName: 'Errors' }] }), '/metrics'));
    expect(link?.title).toBe('filters of /app');
    const test = linkedMetricTest(link ?? { title: '', metrics: [] });
    expect(test({ namespace: 'Shop', metricName: 'Errors', dimensions: [{ name: 'Host', value: 'a' }] })).toBe(true);
    expect(test({ namespace: 'Shop', metricName: 'Latency', dimensions: [] })).toBe(false);
    expect(test({ namespace: 'Other', metricName: 'Errors', dimensions: [] })).toBe(false);
  });

  it('drops a link that does not read', () => {
    expect(browseLinkOf(new URLSearchParams({ browse: '{' }))).toBeUndefined();
    expect(browseLinkOf(new URLSearchParams({ browse: '{"title":"x","metrics":[]}' }))).toBeUndefined();
    expect(browseLinkOf(new URLSearchParams())).toBeUndefined();
  });
});
