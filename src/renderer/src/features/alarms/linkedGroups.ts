/**
 * The log group a person linked to an alarm whose metric comes from no metric filter, so "why did it
 * fire" can open its logs: remembered in this window's storage per connection, region and alarm,
 * with the filter pattern to search it with.
 */
export interface LinkedGroup {
  readonly logGroupName: string;
  readonly filterPattern: string;
}

export type LinkedGroups = Readonly<Record<string, LinkedGroup>>;

export function linkedGroupsKey(connectionId: string, region: string): string {
  return `cloudscope.alarms.linkedGroups.${connectionId}.${region}`;
}

/** Whatever is stored (nothing, garbage, an older shape) becomes valid links; what does not read is dropped. */
export function parseLinkedGroups(raw: string | null): LinkedGroups {
  if (raw === null) return {};
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) return {};
    const links: Record<string, LinkedGroup> = {};
    for (const [alarm, link] of Object.entries(value as Record<string, unknown>)) {
      if (typeof link !== 'object' || link === null) continue;
      const { logGroupName, filterPattern } = link as { logGroupName?: unknown; filterPattern?: unknown };
      if (typeof logGroupName !== 'string' || logGroupName === '') continue;
      links[alarm] = { logGroupName, filterPattern: typeof filterPattern === 'string' ? filterPattern : '' };
    }
    return links;
  } catch {
    return {};
  }
}

export function withLink(links: LinkedGroups, alarmName: string, link: LinkedGroup | undefined): LinkedGroups {
  const { [alarmName]: _previous, ...others } = links;
  return link ? { ...others, [alarmName]: link } : others;
}
