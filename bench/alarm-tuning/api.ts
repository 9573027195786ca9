/** What the alarm-tuning benchmark's page offers the benchmark, as `window.tuningBench`. */
export interface TuningBenchApi {
  /** Mounts the editor's chart on 14 days of one-minute data (20,160 points) with the threshold at `threshold`. */
  mount(threshold: number): Promise<void>;
  /**
   * One drag step: the threshold moved to `threshold`, the backtest recomputed with the shared engine and the
   * chart redrawn with the new line and shading; resolves with the milliseconds until the frame that shows
   * them, and how many times the backtest says the alarm went to ALARM.
   */
  step(threshold: number): Promise<{ ms: number; alarmCount: number }>;
}
