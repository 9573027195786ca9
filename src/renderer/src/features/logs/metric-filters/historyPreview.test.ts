import { describe, expect, it } from 'vitest';
import { metricPublisher, parseFilterPattern, type PublishedValueRules } from '../../../../../shared/languages/filter-pattern';
import { historyPreview } from './historyPreview';

function publisherOf(pattern: string, rules: PublishedValueRules) {
  const parsed = parseFilterPattern(pattern);
  if (!parsed.ok) throw new Error(pattern);
  return metricPublisher(rules, parsed.pattern);
}

const MINUTE = 60_000;
const at = (minute: number, second: number) => minute * MINUTE + second * 1000;

describe('historyPreview', () => {
  it('sums a counting filter per period', () => {
    const events = [
      { timestamp: at(1, 5), message: 'ERROR one' },
      { timestamp: at(1, 50), message: 'ERROR two' },
      { timestamp: at(3, 0), message: 'ERROR three' },
    ];
    const preview = historyPreview(events, publisherOf('ERROR', { metricValue: '1' }), { periodMs: MINUTE, stat: 'Sum', metricName: 'Errors' });
    expect(preview.series).toEqual([{ id: 'Errors', label: 'Errors', points: [[at(1, 0), 2], [at(3, 0), 1]] }]);
    expect(preview).toMatchObject({ published: 3, max: 2 });
  });

  it('averages extracted values per period, one series per dimension value, and counts what publishes nothing by its reason', () => {
    const line = (method: string, latency: unknown) => JSON.stringify({ method, latencyMs: latency });
    const events = [
      { timestamp: at(0, 1), message: line('GET', 100) },
      { timestamp: at(0, 2), message: line('GET', 300) },
      { timestamp: at(0, 3), message: line('POST', 1000) },
      { timestamp: at(1, 0), message: line('GET', 'slow') },
    ];
    const publish = publisherOf('{ $.latencyMs = * }', { metricValue: '$.latencyMs', dimensions: { Method: '$.method' } });
    const preview = historyPreview(events, publish, { periodMs: MINUTE, stat: 'Average', metricName: 'Latency' });
    expect(preview.series.map((series) => [series.label, series.points])).toEqual([
      ['Method=GET', [[0, 200]]],
      ['Method=POST', [[0, 1000]]],
    ]);
    expect(preview.published).toBe(3);
    expect(preview.max).toBe(1000);
    expect([...preview.unpublished.values()]).toEqual([1]);
  });
});
