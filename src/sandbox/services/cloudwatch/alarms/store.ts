/**
 * One region's alarms, their history and their tags. CloudWatch keeps an alarm's history for 30 days, and
 * keeps it after the alarm is deleted (DescribeAlarmHistory: "CloudWatch retains the history of an alarm even
 * if you delete the alarm").
 */
import type { RegionalStore } from '../../../state';
import type { SeedAlarms } from '../../../seed/types';
import type { HistoryItem, StoredAlarm } from './model';

/** "Alarm history is retained for 30 days" (the CloudWatch User Guide, "Viewing alarm history"). */
export const HISTORY_RETENTION_MS = 30 * 24 * 3_600_000;

export class AlarmsStore {
  private readonly alarms = new Map<string, StoredAlarm>();
  /** By name, rebuilt when an alarm is put or deleted. */
  private ordered: StoredAlarm[] | undefined;
  private history: HistoryItem[] = [];
  private historySorted = true;
  private readonly tags = new Map<string, Map<string, string>>();

  constructor(
    readonly accountId: string,
    readonly region: string,
  ) {}

  get(name: string): StoredAlarm | undefined {
    return this.alarms.get(name);
  }

  put(alarm: StoredAlarm): void {
    this.alarms.set(alarm.config.AlarmName, alarm);
    this.ordered = undefined;
  }

  delete(name: string): void {
    const alarm = this.alarms.get(name);
    if (alarm === undefined) return;
    this.alarms.delete(name);
    this.tags.delete(alarm.arn);
    this.ordered = undefined;
  }

  /** Every alarm, by name (DescribeAlarms' order). */
  all(): readonly StoredAlarm[] {
    this.ordered ??= [...this.alarms.values()].sort((a, b) => compare(a.config.AlarmName, b.config.AlarmName));
    return this.ordered;
  }

  get size(): number {
    return this.alarms.size;
  }

  byArn(arn: string): StoredAlarm | undefined {
    const name = arn.slice(arn.indexOf(':alarm:') + ':alarm:'.length);
    const alarm = this.alarms.get(name);
    return alarm?.arn === arn ? alarm : undefined;
  }

  record(item: HistoryItem): void {
    const last = this.history[this.history.length - 1];
    if (last !== undefined && last.timestamp > item.timestamp) this.historySorted = false;
    this.history.push(item);
  }

  /** The history of the last 30 days before `now`, oldest first. */
  historyAt(now: number): readonly HistoryItem[] {
    if (!this.historySorted) {
      this.history.sort((a, b) => a.timestamp - b.timestamp);
      this.historySorted = true;
    }
    const cutoff = now - HISTORY_RETENTION_MS;
    const firstKept = this.history.findIndex((item) => item.timestamp >= cutoff);
    if (firstKept !== 0) this.history = firstKept < 0 ? [] : this.history.slice(firstKept);
    return this.history;
  }

  tagsOf(arn: string): ReadonlyMap<string, string> {
    return this.tags.get(arn) ?? new Map();
  }

  setTags(arn: string, tags: Readonly<Record<string, string>>): void {
    let held = this.tags.get(arn);
    if (held === undefined) this.tags.set(arn, (held = new Map()));
    for (const [key, value] of Object.entries(tags)) held.set(key, value);
  }

  removeTags(arn: string, keys: readonly string[]): void {
    const held = this.tags.get(arn);
    for (const key of keys) held?.delete(key);
  }

  arnOf(name: string): string {
    return `arn:aws:cloudwatch:${this.region}:${this.accountId}:alarm:${name}`;
  }

  seed(data: SeedAlarms): void {
    for (const alarm of data.alarms) this.put(alarm);
    for (const item of data.history) this.record(item);
    for (const [arn, tags] of Object.entries(data.tags ?? {})) this.setTags(arn, tags);
  }
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export const ALARMS_STORE: RegionalStore<AlarmsStore> = {
  create: (accountId, region) => new AlarmsStore(accountId, region),
  seed(store, data) {
    if (data.alarms !== undefined) store.seed(data.alarms());
  },
};
