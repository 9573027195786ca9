/** Choosing a query's groups from the loaded list: search, prefix selection, and AWS's per-query limit. */
import { INSIGHTS_MAX_LOG_GROUPS } from '../../../../shared/contract/insights-rules';

/** Suggestions shown at once; typing more narrows them. */
export const SUGGESTIONS_SHOWN = 50;

/** Loaded group names containing `typed` (case-insensitive), not chosen yet; names starting with it first. */
export function suggestions(names: readonly string[], typed: string, chosen: readonly string[], limit = SUGGESTIONS_SHOWN): string[] {
  const needle = typed.trim().toLowerCase();
  if (needle === '') return [];
  const taken = new Set(chosen);
  const starts: string[] = [];
  const contains: string[] = [];
  for (const name of names) {
    if (taken.has(name)) continue;
    const lower = name.toLowerCase();
    if (lower.startsWith(needle)) starts.push(name);
    else if (lower.includes(needle)) contains.push(name);
    if (starts.length >= limit) break;
  }
  return [...starts, ...contains].slice(0, limit);
}

/** Loaded names that start with `prefix` (as typed, case-sensitive like group names), not chosen yet. */
export function withPrefix(names: readonly string[], prefix: string, chosen: readonly string[]): string[] {
  const trimmed = prefix.trim();
  if (trimmed === '') return [];
  const taken = new Set(chosen);
  return names.filter((name) => name.startsWith(trimmed) && !taken.has(name));
}

/** `chosen` plus `added`, at most AWS's limit of groups per query; how many did not fit. */
export function addGroups(chosen: readonly string[], added: readonly string[], limit = INSIGHTS_MAX_LOG_GROUPS): { groups: string[]; leftOut: number } {
  const groups = [...chosen];
  let leftOut = 0;
  for (const name of added) {
    if (groups.includes(name)) continue;
    if (groups.length >= limit) leftOut += 1;
    else groups.push(name);
  }
  return { groups, leftOut };
}
