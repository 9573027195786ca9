/**
 * What a metric filter would have published over a past range, computed from the events its pattern
 * matches there (read with FilterLogEvents) with the same rules CloudWatch Logs applies as events arrive
 * (`metricPublisher`): one series per dimension combination, each period's Sum or Average as the filter's
 * alarm would read it. Events that do not match are not read, so a default value is left out and said.
 */
import type { Publication } from '../../../../../shared/languages/filter-pattern';
import type { ChartSeries } from '../../../components/chart/chartOption';

export interface PreviewEvent {
  readonly timestamp: number;
  readonly message: string;
}

export interface HistoryPreview {
  readonly series: readonly ChartSeries[];
  /** Matching events that would have published a value. */
  readonly published: number;
  /** Matching events that would have published nothing, by the reason. */
  readonly unpublished: ReadonlyMap<string, number>;
  /** The largest value of any series' period. */
  readonly max: number | undefined;
}

/** The ranges the preview offers, with the period each is drawn at. */
export const PREVIEW_RANGES = [
  { label: 'Last hour', ms: 60 * 60_000, periodMs: 60_000 },
  { label: '6 hours', ms: 6 * 60 * 60_000, periodMs: 60_000 },
  { label: '24 hours', ms: 24 * 60 * 60_000, periodMs: 5 * 60_000 },
] as const;

export function historyPreview(
  events: readonly PreviewEvent[],
  publish: (message: string) => Publication,
  options: { readonly periodMs: number; readonly stat: 'Sum' | 'Average'; readonly metricName: string },
): HistoryPreview {
  const { periodMs, stat, metricName } = options;
  const bySeries = new Map<string, Map<number, { sum: number; count: number }>>();
  const unpublished = new Map<string, number>();
  let published = 0;
  for (const event of events) {
    const publication = publish(event.message);
    if (publication.kind === 'nothing') {
      unpublished.set(publication.reason, (unpublished.get(publication.reason) ?? 0) + 1);
      continue;
    }
    published += 1;
    const key = publication.dimensions.map((dimension) => `${dimension.name}=${dimension.value}`).join(', ');
    let periods = bySeries.get(key);
    if (periods === undefined) bySeries.set(key, (periods = new Map()));
    const period = Math.floor(event.timestamp / periodMs) * periodMs;
    const bucket = periods.get(period) ?? { sum: 0, count: 0 };
    periods.set(period, { sum: bucket.sum + publication.value, count: bucket.count + 1 });
  }
  let max: number | undefined;
  const series = [...bySeries].map(([key, periods]): ChartSeries => ({
    id: key === '' ? metricName : key,
    label: key === '' ? metricName : key,
    points: [...periods]
      .sort(([a], [b]) => a - b)
      .map(([time, { sum, count }]) => {
        const value = stat === 'Sum' ? sum : sum / count;
        max = max === undefined ? value : Math.max(max, value);
        return [time, value];
      }),
  }));
  return { series, published, unpublished, max };
}
