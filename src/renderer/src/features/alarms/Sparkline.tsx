/** A row-high line of an alarm's metric with its threshold dashed across: one small SVG, no chart library. */
import type { Sparkline as SparklineData } from './useSparklines';
import { sparklinePath } from './sparklines';

const WIDTH = 120;
const HEIGHT = 22;

interface SparklineProps {
  readonly line: SparklineData | undefined;
  readonly threshold: number | undefined;
  readonly range: { readonly start: number; readonly end: number };
  /** Whose metric, for the accessible name. */
  readonly alarmName: string;
}

export function Sparkline({ line, threshold, range, alarmName }: SparklineProps) {
  if (!line) return <span className="sparkline sparkline-pending" aria-label="Loading the metric" role="img" />;
  if (line.status === 'failed') {
    return (
      <span className="sparkline muted" title="The metric could not be loaded; Refresh asks again.">
        —
      </span>
    );
  }
  if (line.points.length === 0) {
    return (
      <span className="sparkline muted" title="No datapoints in the last three hours">
        no data
      </span>
    );
  }
  const { path, thresholdY } = sparklinePath(line.points, threshold, range, WIDTH, HEIGHT);
  return (
    <svg className="sparkline" width={WIDTH} height={HEIGHT} viewBox={`0 0 ${WIDTH} ${HEIGHT}`} role="img" aria-label={`${alarmName}: the metric over the last three hours`}>
      {thresholdY !== undefined && <line className="sparkline-threshold" x1={0} x2={WIDTH} y1={thresholdY} y2={thresholdY} />}
      <path className="sparkline-line" d={path} />
    </svg>
  );
}
