/**
 * What a lookup is — the attribute AWS looks up, more attributes the app applies, reads and writes,
 * an investigation preset, the time range — and how it is kept in the location hash (names from
 * app/links/trail.ts, which other views use to link here).
 */
import { EVENT_HISTORY_DAYS, EVENT_HISTORY_MS, LOCAL_ATTRIBUTES_MAX, LOOKUP_ATTRIBUTE_KEYS, type LookupAttribute, type LookupAttributeKey, type TrailLookup } from '../../../../shared/contract';
import { formatTimeRange, lastDuration, parseTimeRange, rangeProblem, resolveRange, type TimeRange } from '../../../../shared/time-range';
import { TRAIL_PARAMETERS } from '../../app/links/trail';
import { presetOf, type PresetId } from './presets';

export type ReadOnlyChoice = 'all' | 'writes' | 'reads';

export interface LookupState {
  /** The one attribute AWS looks up. */
  readonly attribute?: LookupAttribute;
  /** More attributes, applied by main to what AWS returns. */
  readonly also: readonly LookupAttribute[];
  readonly readOnly: ReadOnlyChoice;
  readonly preset?: PresetId;
  readonly range: TimeRange;
}

const DAY = 24 * 3600 * 1000;
export const DEFAULT_RANGE: TimeRange = lastDuration(DAY);
export const DEFAULT_LOOKUP: LookupState = { also: [], readOnly: 'all', range: DEFAULT_RANGE };

/** What each attribute is called in the form. */
export const ATTRIBUTE_LABELS: Readonly<Record<LookupAttributeKey, string>> = {
  EventName: 'Event name',
  Username: 'User name',
  ResourceName: 'Resource name',
  ResourceType: 'Resource type',
  EventSource: 'Event source',
  ReadOnly: 'Read-only',
  AccessKeyId: 'Access key ID',
  EventId: 'Event ID',
};

export function isAttributeKey(text: string): text is LookupAttributeKey {
  return (LOOKUP_ATTRIBUTE_KEYS as readonly string[]).includes(text);
}

/**
 * The contract's lookup for the range as it is now. A read/write choice goes to AWS when nothing else
 * does, else it is applied with the other attributes.
 */
export function requestOf(state: LookupState, now: number): TrailLookup {
  const { start, end } = resolveRange(state.range, now);
  const readOnly: LookupAttribute[] = state.readOnly === 'all' ? [] : [{ key: 'ReadOnly', value: state.readOnly === 'reads' ? 'true' : 'false' }];
  const preset = presetOf(state.preset);
  const wanted = [...(state.attribute ? [state.attribute] : []), ...(preset?.attribute ? [preset.attribute] : []), ...readOnly, ...state.also];
  const [sent, ...local] = wanted;
  return {
    ...(sent === undefined ? {} : { attribute: sent }),
    localAttributes: local,
    startTime: Math.max(0, Math.floor(start)),
    endTime: Math.floor(end),
  };
}

/** Why the lookup cannot run as chosen, in a sentence, or undefined. */
export function lookupProblem(state: LookupState, now: number): string | undefined {
  const problem = rangeProblem(state.range);
  if (problem) return problem;
  const { start, end } = resolveRange(state.range, now);
  if (end - start > EVENT_HISTORY_MS) return `Event history keeps ${EVENT_HISTORY_DAYS} days: choose a range of at most ${EVENT_HISTORY_DAYS} days.`;
  if (end < now - EVENT_HISTORY_MS) return `The range ends more than ${EVENT_HISTORY_DAYS} days ago, and event history keeps only ${EVENT_HISTORY_DAYS} days.`;
  for (const attribute of [...(state.attribute ? [state.attribute] : []), ...state.also]) {
    if (attribute.value.trim() === '') return `Type a value for ${ATTRIBUTE_LABELS[attribute.key]}, or remove it.`;
    if (attribute.key === 'ReadOnly' && attribute.value !== 'true' && attribute.value !== 'false') return 'Read-only is true or false.';
  }
  if (state.preset !== undefined && state.attribute !== undefined && presetOf(state.preset)?.attribute !== undefined) {
    return `The preset looks up ${ATTRIBUTE_LABELS[presetOf(state.preset)?.attribute?.key ?? 'EventName']} already, and AWS looks up one attribute at a time: add ${ATTRIBUTE_LABELS[state.attribute.key]} as an attribute the app applies, or clear the preset.`;
  }
  if (state.also.length > LOCAL_ATTRIBUTES_MAX) return `At most ${LOCAL_ATTRIBUTES_MAX} more attributes.`;
  return undefined;
}

// The hash holds times in UTC, so a link means the same moment in every time zone.
const HASH_ZONE = 'utc';

export function toParameters(state: LookupState): URLSearchParams {
  const parameters = new URLSearchParams();
  if (state.attribute) {
    parameters.set(TRAIL_PARAMETERS.attribute, state.attribute.key);
    parameters.set(TRAIL_PARAMETERS.value, state.attribute.value);
  }
  for (const attribute of state.also) parameters.append(TRAIL_PARAMETERS.also, `${attribute.key}=${attribute.value}`);
  if (state.readOnly !== 'all') parameters.set(TRAIL_PARAMETERS.readOnly, state.readOnly === 'reads' ? 'true' : 'false');
  if (state.preset) parameters.set(TRAIL_PARAMETERS.preset, state.preset);
  parameters.set(TRAIL_PARAMETERS.range, formatTimeRange(state.range, HASH_ZONE));
  return parameters;
}

export interface ParsedLookup {
  readonly state: LookupState;
  /** What the hash asked for that the form cannot take, in a sentence (e.g. two attributes for AWS). */
  readonly refused?: string;
  /** The attributes past the first that the hash asked AWS to look up: the app can apply them instead. */
  readonly extra?: readonly LookupAttribute[];
}

/** The lookup a hash holds, or undefined when it holds none. */
export function fromParameters(parameters: URLSearchParams, now: number): ParsedLookup | undefined {
  if (parameters.toString() === '') return undefined;
  const keys = parameters.getAll(TRAIL_PARAMETERS.attribute);
  const values = parameters.getAll(TRAIL_PARAMETERS.value);
  const also = parameters.getAll(TRAIL_PARAMETERS.also).flatMap((text): LookupAttribute[] => {
    const equals = text.indexOf('=');
    const key = text.slice(0, equals);
    return equals > 0 && isAttributeKey(key) ? [{ key, value: text.slice(equals + 1) }] : [];
  });
  const key = keys[0];
  const attribute = key !== undefined && isAttributeKey(key) ? { key, value: values[0] ?? '' } : undefined;
  const readOnlyText = parameters.get(TRAIL_PARAMETERS.readOnly);
  const presetId = parameters.get(TRAIL_PARAMETERS.preset);
  const parsedRange = parseTimeRange(parameters.get(TRAIL_PARAMETERS.range) ?? '', HASH_ZONE, now);
  const state: LookupState = {
    ...(attribute ? { attribute } : {}),
    also,
    readOnly: readOnlyText === 'true' ? 'reads' : readOnlyText === 'false' ? 'writes' : 'all',
    ...(presetOf(presetId) ? { preset: presetOf(presetId)?.id } : {}),
    range: parsedRange.ok ? parsedRange.range : DEFAULT_RANGE,
  };
  if (keys.length > 1) {
    const extra = keys.slice(1).flatMap((name, index): LookupAttribute[] => (isAttributeKey(name) ? [{ key: name, value: values[index + 1] ?? '' }] : []));
    const names = extra.map((attribute) => ATTRIBUTE_LABELS[attribute.key]).join(', ');
    return {
      state,
      refused: `AWS looks up one attribute at a time, and this link asks it for more (${names}). Cloudscope can apply ${extra.length === 1 ? 'it' : 'them'} to what AWS returns instead.`,
      extra,
    };
  }
  return { state };
}

/** A file name for saving the events of a lookup: `cloudtrail-<what>-<date>`. */
export function saveNameOf(state: LookupState, now: number): string {
  const subject = state.attribute?.value ?? presetOf(state.preset)?.id ?? 'events';
  const safe = subject.replace(/[^A-Za-z0-9._-]+/g, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'events';
  return `cloudtrail-${safe}-${new Date(now).toISOString().slice(0, 10)}`;
}
