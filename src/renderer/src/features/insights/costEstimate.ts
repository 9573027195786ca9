/** The words for what a query costs: estimated before it runs, actual after. */
import type { LogGroup } from '../../../../shared/contract';
import { formatBytes } from '../../../../shared/format';
import { estimateScannedBytes, scanCost } from '../../../../shared/insights-pricing';

export function formatUsd(amount: number): string {
  if (amount === 0) return '$0';
  if (amount < 0.0001) return '< $0.0001';
  return `$${amount < 0.01 ? amount.toFixed(4) : amount.toFixed(2)}`;
}

function priced(bytes: number, region: string): string {
  const cost = scanCost(bytes, region);
  return cost.cost === null
    ? `${region}'s price is not in Cloudscope's table (${cost.priceRegion}: $${cost.pricePerGb} per GB)`
    : `about ${formatUsd(cost.cost)} at $${cost.pricePerGb} per GB scanned`;
}

/** Before Run: bytes from the groups' stored bytes and the range. `missing`: chosen groups not in the loaded list. */
export function estimateText(groups: readonly LogGroup[], missing: number, range: { start: number; end: number }, region: string, now: number): string {
  const bytes = estimateScannedBytes(groups, { startTime: range.start, endTime: range.end }, now);
  const unknown = missing > 0 ? ` (${missing} of the groups not loaded yet, not counted)` : '';
  return `Estimated scan: ${formatBytes(bytes)}, ${priced(bytes, region)}${unknown}`;
}

/** After a run: what AWS reports it scanned. */
export function actualText(bytesScanned: number, region: string): string {
  return `Scanned ${formatBytes(bytesScanned)}, ${priced(bytesScanned, region)}`;
}
