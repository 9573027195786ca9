/**
 * ListMetrics: the metrics that had data in the last two weeks, filtered by exact namespace, exact metric
 * name and up to 10 dimension filters (a metric must have each named dimension, with the value when one is
 * given, and may have others), optionally only those with data in the last three hours (RecentlyActive
 * PT3H); 500 per page. With IncludeLinkedAccounts, OwningAccounts lists each metric's account (here
 * always this one: the sandbox is not a monitoring account).
 */
import type { RequestContext } from '../../../core/context';
import { CloudWatchInput, decodeToken, encodeToken, invalidValue, readNamespace } from '../common';
import type { Dimension } from '../series';
import { METRICS_STORE } from '../store';

export const LIST_METRICS_PAGE_SIZE = 500;
const HOUR = 3_600_000;
const LISTED_FOR_MS = 14 * 24 * HOUR;
const RECENTLY_ACTIVE_MS = 3 * HOUR;

interface ListMetricsOutput {
  Metrics: { Namespace: string; MetricName: string; Dimensions: Dimension[] }[];
  NextToken?: string;
  OwningAccounts?: string[];
}

interface Cursor {
  /** The filters' fingerprint: a token only continues the listing it came from. */
  readonly f: string;
  readonly o: number;
}

function isCursor(value: unknown): value is Cursor {
  return typeof value === 'object' && value !== null && typeof (value as Cursor).f === 'string' && Number.isInteger((value as Cursor).o);
}

export function listMetrics(body: unknown, context: RequestContext): ListMetricsOutput {
  const input = CloudWatchInput.of(body);
  const namespace = readNamespace(input);
  const metricName = input.string('MetricName', { maxLength: 255 });
  const filters = (input.structures('Dimensions', { max: 10 }) ?? []).map((filter) => ({
    name: filter.string('Name', { required: true, maxLength: 255 })!,
    value: filter.string('Value', { maxLength: 1024 }),
  }));
  const recentlyActive = input.string('RecentlyActive');
  if (recentlyActive !== undefined && recentlyActive !== 'PT3H') throw invalidValue(`The value ${recentlyActive} for parameter RecentlyActive is invalid. Valid value: PT3H.`);
  const includeLinked = input.boolean('IncludeLinkedAccounts') ?? false;
  const owningAccount = input.string('OwningAccount');
  const token = input.string('NextToken');

  const fingerprint = JSON.stringify([namespace, metricName, filters, recentlyActive, includeLinked, owningAccount]);
  const offset = token === undefined ? 0 : decodeToken(token, isCursor).o;
  if (token !== undefined && decodeToken(token, isCursor).f !== fingerprint) throw invalidValue('The NextToken does not belong to a ListMetrics request with these parameters.');

  const activeSince = context.now - (recentlyActive === undefined ? LISTED_FOR_MS : RECENTLY_ACTIVE_MS);
  const matches = (owningAccount === undefined || owningAccount === context.accountId ? context.state.store(METRICS_STORE).all() : []).filter((series) => {
    const { identity } = series;
    if (namespace !== undefined && identity.namespace !== namespace) return false;
    if (metricName !== undefined && identity.metricName !== metricName) return false;
    if (!filters.every((filter) => identity.dimensions.some((d) => d.Name === filter.name && (filter.value === undefined || d.Value === filter.value)))) return false;
    return series.activeSince(activeSince);
  });
  const page = matches.slice(offset, offset + LIST_METRICS_PAGE_SIZE);
  const output: ListMetricsOutput = {
    Metrics: page.map(({ identity }) => ({ Namespace: identity.namespace, MetricName: identity.metricName, Dimensions: [...identity.dimensions] })),
  };
  if (offset + LIST_METRICS_PAGE_SIZE < matches.length) output.NextToken = encodeToken({ f: fingerprint, o: offset + LIST_METRICS_PAGE_SIZE } satisfies Cursor);
  if (includeLinked) output.OwningAccounts = page.map(() => context.accountId);
  return output;
}
