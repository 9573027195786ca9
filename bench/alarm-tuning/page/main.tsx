/**
 * The alarm editor's chart on a page of its own, for the drag benchmark (alarm-tuning.bench.ts): 14 days
 * of one-minute data, the draggable threshold and the backtest's shading, each step done as the editor
 * does it (backtestView over the history, then the chart redrawn). Nothing here is in the app.
 */
import '../../../src/renderer/src/styles/theme.css';
import '../../../src/renderer/src/styles/base.css';
import './page.css';
import { flushSync } from 'react-dom';
import { createRoot } from 'react-dom/client';
import type { MetricData } from '../../../src/shared/contract';
import { TimeSeriesChart } from '../../../src/renderer/src/components/chart/TimeSeriesChart';
import type { AlarmDraft } from '../../../src/renderer/src/features/alarms/editor/alarmDraft';
import { backtestView, historyFromData } from '../../../src/renderer/src/features/alarms/editor/alarmHistory';
import type { TuningBenchApi } from '../api';

const MINUTE = 60_000;
const POINTS = 14 * 1440;
const END = Date.UTC(2026, 10, 30, 12, 0);
const START = END - POINTS * MINUTE;

const DRAFT: AlarmDraft = {
  name: 'bench',
  actionsEnabled: true,
  okActions: [],
  alarmActions: [],
  insufficientDataActions: [],
  namespace: 'Bench',
  metricName: 'Latency',
  dimensions: [],
  statistic: 'Average',
  period: 60,
  evaluationPeriods: 5,
  datapointsToAlarm: 3,
  threshold: 0,
  comparisonOperator: 'GreaterThanThreshold',
};

/** A daily swell with a burst every few hours, deterministic. */
function makeData(): MetricData {
  const timestamps = Array.from({ length: POINTS }, (_, i) => START + i * MINUTE);
  const values = timestamps.map((_, i) => 100 + 30 * Math.sin((2 * Math.PI * i) / 1440) + (i % 311 < 12 ? 150 + (i % 7) * 20 : 0) + ((i * 7919) % 13));
  return { series: [{ id: 'm1', label: 'Latency', timestamps, values, status: 'Complete', messages: [] }], messages: [], calls: 1 };
}

const history = historyFromData(DRAFT, makeData());
const range = { start: START, end: END };
const series = [{ id: 'metric', label: history.label, points: history.points }];
const root = createRoot(document.getElementById('root') as HTMLElement);

function afterNextPaint(): Promise<void> {
  return new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
}

function render(threshold: number): number {
  const draft = { ...DRAFT, threshold };
  const view = backtestView(draft, history, range, '#d62728');
  root.render(
    <div className="tuning-page">
      <TimeSeriesChart
        series={series}
        range={range}
        zone="utc"
        label="Benchmark"
        legend={false}
        thresholds={[{ id: 'threshold', label: 'Threshold', value: threshold, draggable: true }]}
        intervals={view.intervals}
        onThresholdDrag={() => undefined}
      />
    </div>,
  );
  return view.result.alarmCount;
}

const api: TuningBenchApi = {
  async mount(threshold) {
    flushSync(() => render(threshold));
    await afterNextPaint();
  },
  async step(threshold) {
    await afterNextPaint();
    const started = performance.now();
    let alarmCount = 0;
    flushSync(() => {
      alarmCount = render(threshold);
    });
    await afterNextPaint();
    return { ms: performance.now() - started, alarmCount };
  },
};

(window as unknown as { tuningBench: TuningBenchApi }).tuningBench = api;
