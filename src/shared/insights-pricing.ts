/**
 * What a Logs Insights query costs: AWS bills the bytes it scans, per GB, with a price per region.
 * Before a query runs, the bytes are estimated from the groups' stored bytes and the part of their life
 * the time range covers; after it runs, GetQueryResults reports the bytes actually scanned.
 */

/**
 * USD per GB scanned by Logs Insights queries ("Logs Insights: Queries, $0.005 per GB of data scanned",
 * Amazon CloudWatch pricing, https://aws.amazon.com/cloudwatch/pricing/, Paid tier → Logs, Standard log
 * class, checked for these regions). Regions not listed here have their own price on that page.
 */
export const INSIGHTS_PRICE_PER_GB_SCANNED: Readonly<Record<string, number>> = {
  'us-east-1': 0.005,
  'us-east-2': 0.005,
  'us-west-2': 0.005,
  'eu-west-1': 0.005,
};

/** The price AWS lists for us-east-1, shown as a reference where the region is not in the table. */
export const REFERENCE_PRICE_REGION = 'us-east-1';

/** AWS bills data in binary gigabytes (2^30 bytes), as the app shows sizes. */
const GB = 1024 ** 3;

export interface ScannedGroup {
  /** Bytes the group stores now (DescribeLogGroups' storedBytes). */
  readonly storedBytes: number;
  readonly creationTime: number;
  /** Days events are kept; null: forever. */
  readonly retentionInDays: number | null;
}

export interface ScanEstimate {
  readonly bytes: number;
  /** USD; null when the region's price is not in the table. */
  readonly cost: number | null;
  /** The price used (USD per GB), and whether it is the region's own or the reference region's. */
  readonly pricePerGb: number;
  readonly priceRegion: string;
}

/**
 * The bytes a query over `range` would scan: each group's stored bytes spread evenly over the time it
 * holds events (from its creation, or the start of its retention, to now), times the part of that time
 * the range covers. An estimate: real logs are not even over time.
 */
export function estimateScannedBytes(groups: readonly ScannedGroup[], range: { readonly startTime: number; readonly endTime: number }, now: number): number {
  let bytes = 0;
  for (const group of groups) {
    const kept = group.retentionInDays === null ? group.creationTime : Math.max(group.creationTime, now - group.retentionInDays * 86_400_000);
    const lifetime = Math.max(now - kept, 1);
    const covered = Math.max(0, Math.min(range.endTime, now) - Math.max(range.startTime, kept));
    bytes += group.storedBytes * Math.min(1, covered / lifetime);
  }
  return Math.round(bytes);
}

/** The cost of scanning `bytes` in `region`. */
export function scanCost(bytes: number, region: string): ScanEstimate {
  const own = INSIGHTS_PRICE_PER_GB_SCANNED[region];
  const pricePerGb = own ?? INSIGHTS_PRICE_PER_GB_SCANNED[REFERENCE_PRICE_REGION] ?? 0;
  return { bytes, cost: own === undefined ? null : (bytes / GB) * own, pricePerGb, priceRegion: own === undefined ? REFERENCE_PRICE_REGION : region };
}
