/**
 * Links into the CloudTrail view, for any view that shows a resource: "Who changed this" opens the
 * resource's write events of the last 90 days. The trail view reads the same parameters, so this
 * module owns their names.
 */
export const TRAIL_ROUTE = '/trail';

/** The trail view's parameters in the location hash ("#/trail?attribute=ResourceName&value=…"). */
export const TRAIL_PARAMETERS = {
  /** The lookup attribute AWS looks up, e.g. ResourceName. */
  attribute: 'attribute',
  value: 'value',
  /** More attributes, applied by the app: "Key=value", repeated. */
  also: 'also',
  /** `false`: writes only; `true`: reads only; absent: both. */
  readOnly: 'readOnly',
  /** An investigation preset's id. */
  preset: 'preset',
  /** A time range as the time-range picker types it, in UTC: `-90d`, `2026-11-30 10:00 to 12:00`. */
  range: 'range',
} as const;

/** Event history's reach, as the picker types it. */
export const WHOLE_EVENT_HISTORY = '-90d';

export interface TrailResourceLink {
  /** What LookupEvents' ResourceName matches: a log group's name, a bucket's name, an alarm's name, … */
  readonly name: string;
  /** E.g. AWS::Logs::LogGroup: applied by the app, so only this kind of resource of that name is shown. */
  readonly type?: string;
}

/** "Who changed this": the writes to a resource in the last 90 days. */
export function whoChangedHash(resource: TrailResourceLink): string {
  const parameters = new URLSearchParams();
  parameters.set(TRAIL_PARAMETERS.attribute, 'ResourceName');
  parameters.set(TRAIL_PARAMETERS.value, resource.name);
  if (resource.type !== undefined) parameters.append(TRAIL_PARAMETERS.also, `ResourceType=${resource.type}`);
  parameters.set(TRAIL_PARAMETERS.readOnly, 'false');
  parameters.set(TRAIL_PARAMETERS.range, WHOLE_EVENT_HISTORY);
  return `#${TRAIL_ROUTE}?${parameters.toString()}`;
}
