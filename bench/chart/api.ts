/** What the chart benchmark's page offers the benchmark, as `window.chartBench`. */
export interface ChartBenchApi {
  /**
   * Mounts a fresh TimeSeriesChart with `seriesCount` series of `points` one-minute points each and
   * resolves with the milliseconds from handing them over until the frame that shows them, and how
   * many of the canvas' pixels the drawing coloured (0 would mean nothing was drawn).
   */
  render(seriesCount: number, points: number): Promise<{ ms: number; inkedPixels: number }>;
  /** Removes the chart. */
  clear(): Promise<void>;
}
