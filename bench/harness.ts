/** What a benchmark is and how results are reported: `{"name","value","unit"}`, one per line with --json. */
export interface BenchResult {
  readonly name: string;
  readonly value: number;
  readonly unit: string;
}

export interface Benchmark {
  readonly name: string;
  readonly description: string;
  run(report: (result: BenchResult) => void): Promise<void>;
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2 === 1 ? (sorted[middle] as number) : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
}

export function formatResult(result: BenchResult): string {
  const value = Number.isInteger(result.value) ? String(result.value) : result.value.toFixed(2);
  return `${result.name.padEnd(56)} ${value.padStart(12)} ${result.unit}`;
}
