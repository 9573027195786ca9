/**
 * The Insights view's results on a page of their own: the results table and the chart of a stats
 * result, fed as the view feeds them (rows from a query's update; the chart through the view's
 * stats-to-series step). The Insights benchmark (insights-render.bench.ts) drives it through
 * `window.insightsBench`. Nothing here is in the app.
 */
import '../../../src/renderer/src/styles/theme.css';
import '../../../src/renderer/src/styles/base.css';
import '../../../src/renderer/src/features/insights/insights.css';
import './page.css';
import { getInstanceByDom } from 'echarts/core';
import { StrictMode, useSyncExternalStore } from 'react';
import { createRoot } from 'react-dom/client';
import type { QueryRow } from '../../../src/shared/contract';
import { resultChart, type StatsShape } from '../../../src/renderer/src/features/insights/chartData';
import { ResultsChart } from '../../../src/renderer/src/features/insights/ResultsChart';
import { ResultsTable } from '../../../src/renderer/src/features/insights/ResultsTable';
import { afterNextPaint } from '../../viewer/page/frames';
import type { InsightsBenchApi } from '../api';

type Shown = { readonly kind: 'none' } | { readonly kind: 'rows'; readonly fields: readonly string[]; readonly rows: readonly QueryRow[] } | { readonly kind: 'stats'; readonly shape: StatsShape; readonly rows: readonly QueryRow[] };

let shown: Shown = { kind: 'none' };
const listeners = new Set<() => void>();
function show(next: Shown) {
  shown = next;
  for (const listener of listeners) listener();
}

function Page() {
  const current = useSyncExternalStore(
    (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    () => shown,
  );
  return (
    <main className="insights-bench-page">
      {current.kind === 'rows' && <ResultsTable fields={current.fields} rows={current.rows} onOpen={() => undefined} />}
      {current.kind === 'stats' && <StatsChart shape={current.shape} rows={current.rows} />}
    </main>
  );
}

/** As the view does it: the stats result turned into series, then drawn. */
function StatsChart({ shape, rows }: { readonly shape: StatsShape; readonly rows: readonly QueryRow[] }) {
  const chart = resultChart(shape, rows);
  return chart ? <ResultsChart chart={chart} /> : null;
}

const FIELDS = ['@timestamp', '@message', '@logStream', '@log', '@ptr'];
const ROUTES = ['/v1/orders', '/v1/carts', '/v1/checkout', '/v1/users', '/v1/search'];
const START = Date.UTC(2026, 10, 29);

function insightsTime(ms: number): string {
  return new Date(ms).toISOString().replace('T', ' ').replace('Z', '');
}

function resultRows(count: number): QueryRow[] {
  return Array.from({ length: count }, (_, index) => {
    const time = START + index * 997;
    return {
      '@timestamp': insightsTime(time),
      '@message': JSON.stringify({ level: index % 17 === 0 ? 'ERROR' : 'INFO', route: ROUTES[index % ROUTES.length], ms: (index * 37) % 900, requestId: `req-${index.toString(16).padStart(8, '0')}` }),
      '@logStream': `ecs/orders-service/${(index % 12).toString(16).padStart(32, '0')}`,
      '@log': '123456789012:/ecs/orders-service',
      '@ptr': `CmAKJwojMTIzNDU2Nzg5MDEyOi9lY3Mvb3JkZXJzLXNlcnZpY2UQBxI1GhgCBk${index}`,
    };
  });
}

/**
 * Requests per minute per route over a day, as traffic looks: each route at its own level, following
 * the day's curve, with a few percent of noise (deterministic).
 */
function statsRows(series: number, bins: number): QueryRow[] {
  const rows: QueryRow[] = [];
  let noise = 12345;
  for (let bin = 0; bin < bins; bin++) {
    const day = 1 + 0.6 * Math.sin((2 * Math.PI * bin) / 1440 - Math.PI / 2);
    for (let one = 0; one < series; one++) {
      noise = (noise * 1103515245 + 12345) % 2147483648;
      const count = Math.round((40 + one * 25) * day * (0.95 + (noise / 2147483648) * 0.1));
      rows.push({ 'bin(1m)': insightsTime(START + bin * 60_000), route: `/v1/route-${one}`, 'count(*)': String(count) });
    }
  }
  return rows;
}

async function untilPainted(done: () => boolean, what: string): Promise<void> {
  for (let frame = 0; frame < 600; frame++) {
    await afterNextPaint();
    if (done()) return;
  }
  throw new Error(`${what} did not appear within 600 frames.`);
}

let stagedRows: QueryRow[] | undefined;
let stagedStats: { rows: QueryRow[]; series: number } | undefined;

const bench: InsightsBenchApi = {
  stageRows(count) {
    stagedRows = resultRows(count);
  },

  async showRows() {
    const rows = stagedRows;
    if (!rows) throw new Error('Stage rows first.');
    stagedRows = undefined;
    const started = performance.now();
    show({ kind: 'rows', fields: FIELDS, rows });
    await untilPainted(() => document.querySelector('.grid-body-row') !== null, 'Result rows');
    return performance.now() - started;
  },

  stageStats(series, bins) {
    stagedStats = { rows: statsRows(series, bins), series };
  },

  async showChart() {
    const staged = stagedStats;
    if (!staged) throw new Error('Stage a stats result first.');
    stagedStats = undefined;
    const started = performance.now();
    show({ kind: 'stats', shape: { binColumn: 'bin(1m)', groupColumns: ['route'], valueColumns: ['count(*)'] }, rows: staged.rows });
    // Drawn: echarts holds every series (set in an effect after the render) and the frame after it is
    // painted. Its model is asked, not getOption(), which would deep-copy 28,800 points on every frame.
    await untilPainted(() => {
      const surface = document.querySelector<HTMLElement>('[_echarts_instance_]');
      const instance = surface ? (getInstanceByDom(surface) as unknown as { getModel?: () => { getSeriesCount(): number } | undefined } | undefined) : undefined;
      return instance?.getModel?.()?.getSeriesCount() === staged.series;
    }, 'The chart');
    await afterNextPaint();
    return performance.now() - started;
  },

  async clear() {
    show({ kind: 'none' });
    await afterNextPaint();
  },
};

(window as unknown as { insightsBench: InsightsBenchApi }).insightsBench = bench;

const root = document.getElementById('root');
if (!root) throw new Error('The page has no #root.');
createRoot(root).render(
  <StrictMode>
    <Page />
  </StrictMode>,
);
