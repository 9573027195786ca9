/** What the Insights benchmark's page offers the benchmark, as `window.insightsBench`. */
export interface InsightsBenchApi {
  /** Makes `count` result rows ready (fields of a typical `fields @timestamp, @message, …` query), outside the clock. */
  stageRows(count: number): void;
  /** Hands the staged rows to the results table, as a query's `results` update does; milliseconds until its rows are painted. */
  showRows(): Promise<number>;
  /** Makes a `stats count(*) by bin(1m), route` result ready: `series` values × `bins` one-minute bins. */
  stageStats(series: number, bins: number): void;
  /** Hands the staged result to the chart; milliseconds until the chart with every series is drawn. */
  showChart(): Promise<number>;
  /** Empties the page (between runs). */
  clear(): Promise<void>;
}
