/**
 * The alarm's metric around its last state change (3 hours to 2 weeks), with the threshold dashed
 * across and the alarm's own history shaded behind: red while in ALARM, grey while INSUFFICIENT_DATA.
 * A composite alarm has no metric: its states alone are drawn, on the same time axis.
 */
import { useMemo, useState } from 'react';
import type { Alarm } from '../../../../shared/contract';
import { describeTimeRange } from '../../../../shared/time-range';
import { TimeSeriesChart } from '../../components/chart/TimeSeriesChart';
import { ErrorState } from '../../components/States';
import { useTimeZone } from '../../components/TimeZone';
import { alarmDataRequest, chartSeriesOf, DETAIL_SPANS, rangeAround, STATE_COLORS, stateBands, thresholdsOf, type DetailSpan } from './alarmChart';
import { changedAt } from './alarmList';
import { anomalyBandOf } from './anomalyBand';
import { stateStretches, type StateChange } from './stateHistory';
import { useAlarmData } from './useAlarm';

interface AlarmChartProps {
  readonly alarm: Alarm;
  readonly changes: readonly StateChange[];
  /** When the alarm was created, when its history says: it had no state before. */
  readonly created: number | undefined;
  readonly now: number;
}

export function AlarmChart({ alarm, changes, created, now }: AlarmChartProps) {
  const [span, setSpan] = useState<DetailSpan>('3h');
  const { zone } = useTimeZone();
  const spanMs = DETAIL_SPANS.find((choice) => choice.label === span)?.ms ?? 86_400_000;
  const range = useMemo(() => rangeAround(changedAt(alarm), spanMs, now), [alarm, spanMs, now]);
  const metric = alarm.kind === 'metric' ? alarm : undefined;
  const request = useMemo(() => (metric ? alarmDataRequest(metric, range) : undefined), [metric, range]);
  const data = useAlarmData(request);
  const thresholdMetricId = metric?.thresholdMetricId;
  const series = useMemo(() => (data.data ? chartSeriesOf(data.data, thresholdMetricId) : []), [data.data, thresholdMetricId]);
  const bands = useMemo(() => {
    const band = data.data ? anomalyBandOf(data.data, thresholdMetricId) : undefined;
    return band ? [band] : [];
  }, [data.data, thresholdMetricId]);
  const thresholds = useMemo(() => (metric ? thresholdsOf(metric) : []), [metric]);
  const title = metric ? 'Metric' : 'Timeline';
  const intervals = useMemo(() => stateBands(stateStretches(changes, alarm.state, Math.max(range.start, created ?? range.start), range.end)), [changes, alarm.state, range, created]);
  const alarmBands = intervals.filter((band) => band.color === STATE_COLORS.ALARM);
  const alarmMinutes = Math.round(alarmBands.reduce((total, band) => total + (band.end - band.start), 0) / 60_000);

  return (
    <section className="alarm-section alarm-chart-section" aria-label={title}>
      <div className="alarm-section-head">
        <h2 className="alarm-section-title">{title}</h2>
        <div className="segmented" role="group" aria-label="Range around the last change">
          {DETAIL_SPANS.map((choice) => (
            <button key={choice.label} type="button" aria-pressed={span === choice.label} onClick={() => setSpan(choice.label)}>
              {choice.label}
            </button>
          ))}
        </div>
        <span className="muted">{describeTimeRange({ kind: 'absolute', start: range.start, end: range.end }, zone)}</span>
        {data.isFetching && <span className="spinner spinner-small" aria-label="Loading the metric" />}
      </div>
      <p className="alarm-chart-legend" role="note">
        <span className="alarm-legend-swatch alarm-legend-alarm" aria-hidden="true" /> In alarm
        {alarmBands.length === 0 ? ' (not in this range)' : alarmMinutes === 0 ? ' (under a minute in this range)' : ` (${alarmMinutes} min in this range)`}
        <span className="alarm-legend-swatch alarm-legend-insufficient" aria-hidden="true" /> Insufficient data
        {thresholds.length > 0 && (
          <>
            <span className="alarm-legend-swatch alarm-legend-threshold" aria-hidden="true" /> {thresholds[0]?.label}
          </>
        )}
      </p>
      {metric && !request ? (
        <p className="muted">This alarm watches no metric the app can graph.</p>
      ) : data.isError ? (
        <ErrorState inline error={data.error} context="Could not load the alarm’s metric" onRetry={() => void data.refetch()} />
      ) : (
        <div className={metric ? 'alarm-chart' : 'alarm-chart alarm-chart-states'}>
          <TimeSeriesChart
            series={series}
            range={range}
            zone={zone}
            label={metric ? `Graph of ${alarm.name}'s metric with its threshold and states` : `${alarm.name}'s states over time`}
            thresholds={thresholds}
            intervals={intervals}
            bands={bands}
            axes={{ left: { unit: metric?.unit } }}
          />
        </div>
      )}
    </section>
  );
}
