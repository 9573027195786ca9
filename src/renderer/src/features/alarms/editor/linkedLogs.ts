/**
 * The log group an alarm is linked to, for "why did it fire": kept in local storage per connection and
 * region under `cloudscope.alarms.linkedLogs.<connectionId>.<region>`, as JSON
 * `{ "<alarm name>": { "logGroupName": "…", "pattern"?: "…", "filterName"?: "…" } }`. The editor writes it
 * when an alarm is created from a metric filter (its group and pattern); the alarm's detail reads it.
 */
import { useStoredValue } from '../../../components/useStoredValue';
import { useScope } from '../../../app/scope';

export interface LinkedLogs {
  readonly logGroupName: string;
  /** The metric filter's pattern: the events that made the metric. */
  readonly pattern?: string;
  readonly filterName?: string;
}

export type LinkedLogsByAlarm = Readonly<Record<string, LinkedLogs>>;

export function linkedLogsKey(connectionId: string, region: string): string {
  return `cloudscope.alarms.linkedLogs.${connectionId}.${region}`;
}

/** Whatever is stored (or nothing, or another version's shape) as a map; entries without a group are dropped. */
export function parseLinkedLogs(raw: string | null): LinkedLogsByAlarm {
  if (raw === null) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    const result: Record<string, LinkedLogs> = {};
    for (const [name, value] of Object.entries(parsed as Record<string, unknown>)) {
      if (typeof value !== 'object' || value === null) continue;
      const { logGroupName, pattern, filterName } = value as Record<string, unknown>;
      if (typeof logGroupName !== 'string' || logGroupName === '') continue;
      result[name] = {
        logGroupName,
        ...(typeof pattern === 'string' ? { pattern } : {}),
        ...(typeof filterName === 'string' ? { filterName } : {}),
      };
    }
    return result;
  } catch {
    return {};
  }
}

export function useLinkedLogs() {
  const { scope } = useScope();
  return useStoredValue(linkedLogsKey(scope.connection.id, scope.region), parseLinkedLogs);
}
