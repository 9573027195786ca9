/** What the viewer benchmark's page offers the benchmark, as `window.viewerBench`. */
export interface ViewerBenchApi {
  /** Appends the staged page to the empty table; milliseconds until its rows are painted. */
  firstPage(): Promise<number>;
  /** Appends pages until `total` events are loaded, letting the page paint between them as the app would. */
  loadUntil(total: number, pageSize: number): Promise<void>;
  /** Makes the next page of older (or newer) events ready, so that adding it can be timed alone. */
  stagePage(size: number, side: 'older' | 'newer'): void;
  /** Adds the staged page (before or after the loaded events) and waits for the frame that shows it. */
  addStagedPage(): Promise<void>;
  /** Searches the loaded events for `text` (the benchmark's needle by default) in the worker. */
  search(text?: string): Promise<{ workerMs: number; totalMs: number; matches: number; frames: number }>;
  /** Scrolls to the oldest or the newest row (following new rows at the newest), and waits for it to settle. */
  scrollToEdge(edge: 'start' | 'end'): Promise<void>;
  /** The key of the first row on screen and its distance from the top of the list's viewport, in pixels. */
  readingPosition(): { key: number; offset: number } | undefined;
  /** Shows only the matches of the last search, or every row again. */
  showOnlyMatches(only: boolean): void;
  /** Adds the hostile messages as the newest events. */
  addHostile(): void;
  count(): number;
  /** Resolves after the browser has painted the next frame. */
  afterNextPaint(): Promise<void>;
}
