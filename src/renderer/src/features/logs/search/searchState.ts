/**
 * What a search is — which groups (by name or by a name pattern), which of their streams, the filter
 * pattern, the time range — and how it is kept in the location hash, so a reload or a shared link
 * opens the same search.
 */
import type { CloudscopeApi, EventSelection } from '../../../../../shared/contract';
import { fileNameFrom, groupShortName } from '../explorer/saveName';
import { FILTER_MAX_STREAM_NAMES, SEARCH_MAX_GROUPS } from '../../../../../shared/contract/logs-rules';
import { formatTimeRange, lastDuration, parseTimeRange, rangeProblem, resolveRange, type TimeRange } from '../../../../../shared/time-range';

export type GroupChoice = { readonly kind: 'names'; readonly names: readonly string[] } | { readonly kind: 'pattern'; readonly pattern: string };

export type StreamChoice =
  | { readonly kind: 'all' }
  | { readonly kind: 'names'; readonly names: readonly string[] }
  | { readonly kind: 'prefix'; readonly prefix: string };

export interface SearchState {
  readonly groups: GroupChoice;
  /** Only with exactly one group, as FilterLogEvents allows. */
  readonly streams: StreamChoice;
  readonly filterPattern: string;
  readonly range: TimeRange;
}

export const DEFAULT_RANGE: TimeRange = lastDuration(60 * 60 * 1000);

export function searchOf(groupNames: readonly string[], filterPattern = '', range: TimeRange = DEFAULT_RANGE): SearchState {
  return { groups: { kind: 'names', names: groupNames }, streams: { kind: 'all' }, filterPattern, range };
}

/** The contract's selection for the range as it is now (a relative range follows the clock). */
export function selectionOf(state: SearchState, now: number): EventSelection {
  const { start, end } = resolveRange(state.range, now);
  const streams =
    state.streams.kind === 'names'
      ? { logStreamNames: [...state.streams.names] }
      : state.streams.kind === 'prefix'
        ? { logStreamNamePrefix: state.streams.prefix }
        : {};
  const groups = state.groups.kind === 'names' ? { logGroupNames: [...state.groups.names] } : { logGroupPattern: state.groups.pattern };
  return { ...groups, ...streams, filterPattern: state.filterPattern, startTime: Math.max(0, Math.floor(start)), endTime: Math.floor(end) };
}

/** The same choice as a live tail's request; the groups must be chosen by name. */
export function tailRequestOf(state: SearchState): Parameters<CloudscopeApi['logs']['tail']>[0] {
  const logGroupNames = state.groups.kind === 'names' ? [...state.groups.names] : [];
  const streams =
    state.streams.kind === 'names'
      ? { logStreamNames: [...state.streams.names] }
      : state.streams.kind === 'prefix'
        ? { logStreamNamePrefixes: [state.streams.prefix] }
        : {};
  return { logGroupNames, ...streams, filterPattern: state.filterPattern };
}

/** The file name a save or a download of the search suggests: its first group (or pattern), and `suffix`. */
export function searchSaveName(state: SearchState, suffix = ''): string {
  const subject = state.groups.kind === 'names' ? groupShortName(state.groups.names[0] ?? '') : state.groups.pattern;
  return fileNameFrom([subject, suffix]);
}

/** Why the search cannot run as chosen, in a sentence, or undefined. */
export function searchProblem(state: SearchState): string | undefined {
  if (state.groups.kind === 'names' && state.groups.names.length === 0) return 'Choose at least one log group.';
  if (state.groups.kind === 'names' && state.groups.names.length > SEARCH_MAX_GROUPS) {
    return `A search covers at most ${SEARCH_MAX_GROUPS} log groups; ${state.groups.names.length} are chosen.`;
  }
  if (state.groups.kind === 'pattern' && state.groups.pattern.trim() === '') return 'Type a group name pattern such as /aws/lambda/orders-*.';
  const oneGroup = state.groups.kind === 'names' && state.groups.names.length === 1;
  if (state.streams.kind !== 'all' && !oneGroup) return 'Streams can only be chosen when searching one log group.';
  if (state.streams.kind === 'prefix' && state.streams.prefix === '') return 'Type the beginning of the stream names.';
  if (state.streams.kind === 'names' && state.streams.names.length === 0) return 'Type the names of the streams, separated by commas.';
  if (state.streams.kind === 'names' && state.streams.names.length > FILTER_MAX_STREAM_NAMES) {
    return `A search covers at most ${FILTER_MAX_STREAM_NAMES} streams by name (an AWS limit); use a prefix instead.`;
  }
  return rangeProblem(state.range);
}

// The hash holds times in UTC, so a link means the same moment in every time zone.
const HASH_ZONE = 'utc';

export function toParameters(state: SearchState): URLSearchParams {
  const parameters = new URLSearchParams();
  if (state.groups.kind === 'names') for (const name of state.groups.names) parameters.append('group', name);
  else parameters.set('groupPattern', state.groups.pattern);
  if (state.streams.kind === 'names') for (const name of state.streams.names) parameters.append('stream', name);
  if (state.streams.kind === 'prefix') parameters.set('streamPrefix', state.streams.prefix);
  if (state.filterPattern !== '') parameters.set('pattern', state.filterPattern);
  parameters.set('range', formatTimeRange(state.range, HASH_ZONE));
  return parameters;
}

/** The search a hash holds, or undefined when it holds none; what does not read is left at its default. */
export function fromParameters(parameters: URLSearchParams, now: number): SearchState | undefined {
  const names = parameters.getAll('group').filter((name) => name !== '');
  const pattern = parameters.get('groupPattern');
  if (names.length === 0 && !pattern) return undefined;
  const groups: GroupChoice = names.length > 0 ? { kind: 'names', names } : { kind: 'pattern', pattern: pattern ?? '' };
  const streamNames = parameters.getAll('stream').filter((name) => name !== '');
  const streamPrefix = parameters.get('streamPrefix');
  const streams: StreamChoice =
    streamNames.length > 0 ? { kind: 'names', names: streamNames } : streamPrefix ? { kind: 'prefix', prefix: streamPrefix } : { kind: 'all' };
  const parsedRange = parseTimeRange(parameters.get('range') ?? '', HASH_ZONE, now);
  return {
    groups,
    streams,
    filterPattern: parameters.get('pattern') ?? '',
    range: parsedRange.ok ? parsedRange.range : DEFAULT_RANGE,
  };
}
