/** The graph's controls: range (quick choices and the shared picker), period, how it is drawn, live refresh, time zone. */
import { formatPeriod, PERIOD_CHOICES } from '../../../../../shared/metric-periods';
import { lastDuration, type TimeRange } from '../../../../../shared/time-range';
import { BackIcon, RefreshIcon } from '../../../components/icons';
import { TimeRangePicker } from '../../../components/time-range/TimeRangePicker';
import { TimeZoneToggle } from '../../../components/TimeZoneToggle';
import type { Graph, GraphView } from './graph';
import type { PeriodDecision } from './graphPeriods';

const HOUR = 3_600_000;
const DAY = 24 * HOUR;

/** The console's quick ranges, and the whole 15 months CloudWatch keeps. */
export const QUICK_RANGES: readonly { readonly label: string; readonly title: string; readonly ms: number }[] = [
  { label: '1h', title: 'Last hour', ms: HOUR },
  { label: '3h', title: 'Last 3 hours', ms: 3 * HOUR },
  { label: '12h', title: 'Last 12 hours', ms: 12 * HOUR },
  { label: '1d', title: 'Last day', ms: DAY },
  { label: '1w', title: 'Last week', ms: 7 * DAY },
  { label: '15mo', title: 'Last 15 months (all CloudWatch keeps)', ms: 455 * DAY },
];

const VIEWS: readonly { readonly view: GraphView; readonly label: string }[] = [
  { view: 'line', label: 'Line' },
  { view: 'stackedArea', label: 'Stacked area' },
  { view: 'bar', label: 'Bar' },
  { view: 'number', label: 'Number' },
];

const REFRESH_CHOICES: readonly { readonly seconds: number; readonly label: string }[] = [
  { seconds: 0, label: 'Live off' },
  { seconds: 10, label: 'Live, 10 s' },
  { seconds: 60, label: 'Live, 1 min' },
  { seconds: 300, label: 'Live, 5 min' },
];

interface GraphToolbarProps {
  readonly graph: Graph;
  readonly onChange: (graph: Graph) => void;
  /** Sets the range; zooming keeps the way back. */
  readonly onRange: (range: TimeRange) => void;
  readonly period: PeriodDecision;
  readonly onRefresh: () => void;
  readonly refreshing: boolean;
  /** The range before the last zoom, to go back to. */
  readonly onZoomBack?: () => void;
}

export function GraphToolbar({ graph, onChange, onRange, period, onRefresh, refreshing, onZoomBack }: GraphToolbarProps) {
  const relativeMs = graph.range.kind === 'relative' && graph.range.endAgoMs === 0 ? graph.range.startAgoMs : undefined;
  return (
    <div className="toolbar toolbar-compact graph-toolbar" role="toolbar" aria-label="Graph">
      <div className="segmented" role="group" aria-label="Quick ranges">
        {QUICK_RANGES.map((choice) => (
          <button key={choice.label} type="button" title={choice.title} aria-pressed={relativeMs === choice.ms} onClick={() => onRange(lastDuration(choice.ms))}>
            {choice.label}
          </button>
        ))}
      </div>
      <TimeRangePicker value={graph.range} onChange={onRange} />
      {onZoomBack && (
        <button type="button" className="button button-quiet" onClick={onZoomBack} title="Back to the range before the last zoom">
          <BackIcon />
          Zoom out
        </button>
      )}
      <label className="inline-field">
        <span>Period</span>
        <select
          className="select"
          aria-label="Period"
          value={graph.period === 'auto' ? 'auto' : String(graph.period)}
          onChange={(event) => onChange({ ...graph, period: event.target.value === 'auto' ? 'auto' : Number(event.target.value) })}
        >
          <option value="auto">Auto{graph.period === 'auto' ? ` (${formatPeriod(period.seconds)})` : ''}</option>
          {PERIOD_CHOICES.map((seconds) => (
            <option key={seconds} value={seconds}>
              {formatPeriod(seconds)}
            </option>
          ))}
        </select>
      </label>
      <div className="segmented" role="group" aria-label="Draw as">
        {VIEWS.map((choice) => (
          <button key={choice.view} type="button" aria-pressed={graph.view === choice.view} onClick={() => onChange({ ...graph, view: choice.view })}>
            {choice.label}
          </button>
        ))}
      </div>
      <span className="toolbar-spacer" />
      <TimeZoneToggle />
      <select
        className="select live-select"
        aria-label="Live refresh"
        value={graph.refreshSeconds}
        onChange={(event) => onChange({ ...graph, refreshSeconds: Number(event.target.value) })}
      >
        {REFRESH_CHOICES.map((choice) => (
          <option key={choice.seconds} value={choice.seconds}>
            {choice.label}
          </option>
        ))}
      </select>
      <button type="button" className="button button-quiet" onClick={onRefresh} disabled={refreshing} aria-label="Refresh graph" title="Refresh">
        <RefreshIcon />
      </button>
    </div>
  );
}
