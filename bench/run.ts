/**
 * `npm run bench [-- --json] [name-filter…]`: runs the benchmarks and prints their results, one
 * JSON object per line with --json (for tracking over time), a table otherwise.
 */
import { formatResult, type Benchmark } from './harness';
import { alarmsEngine } from './alarms-engine.bench';
import { alarmsList } from './alarms-list.bench';
import { alarmTuningBenchmark } from './alarm-tuning/alarm-tuning.bench';
import { alarmsSandbox } from './alarms-sandbox.bench';
import { anomalyBand } from './anomaly-band.bench';
import { demoSeedGeneration } from './demo-seed.bench';
import { exportsBenchmark } from './exports.bench';
import { insightsSandbox } from './insights-sandbox.bench';
import { insightsRender } from './insights/insights-render.bench';
import { logGroupListing } from './log-groups.bench';
import { logsDownload } from './logs-download.bench';
import { sandboxLogsAtScale } from './sandbox-logs-1m.bench';
import { sandboxMetricsDatapoints } from './sandbox-metrics.bench';
import { trailLookup } from './trail-lookup.bench';
import { viewerBenchmark } from './viewer/viewer.bench';
import { chartBenchmark } from './chart/chart.bench';
import { metricsListing } from './metrics-list.bench';
import { rendererBundle } from './bundle.bench';

const BENCHMARKS: readonly Benchmark[] = [
  logGroupListing,
  demoSeedGeneration,
  sandboxLogsAtScale,
  logsDownload,
  viewerBenchmark,
  trailLookup,
  exportsBenchmark,
  insightsSandbox,
  insightsRender,
  sandboxMetricsDatapoints,
  chartBenchmark,
  metricsListing,
  rendererBundle,
  alarmsEngine,
  alarmTuningBenchmark,
  alarmsSandbox,
  anomalyBand,
  alarmsList,
];

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const json = args.includes('--json');
  const filters = args.filter((arg) => !arg.startsWith('--'));
  const selected = BENCHMARKS.filter((bench) => filters.length === 0 || filters.some((f) => bench.name.includes(f)));
  if (selected.length === 0) {
    console.error(`No benchmark matches ${filters.join(', ')}. Available: ${BENCHMARKS.map((b) => b.name).join(', ')}`);
    process.exitCode = 1;
    return;
  }
  for (const bench of selected) {
    if (!json) console.log(`# ${bench.name}: ${bench.description}`);
    await bench.run((result) => console.log(json ? JSON.stringify(result) : formatResult(result)));
  }
}

await main();
