/** What the Alarms view shows for its parameters in the location hash: the list, an alarm, its editor, or a new alarm's editor. */
import { ALARMS_PARAMETERS, type NewAlarmLink } from '../../app/links/alarms';

export type AlarmsPage =
  | { readonly kind: 'list' }
  | { readonly kind: 'alarm'; readonly name: string }
  | { readonly kind: 'edit'; readonly name: string }
  | { readonly kind: 'new'; readonly link: NewAlarmLink }
  /** A `new` parameter that does not read as a starting point. */
  | { readonly kind: 'badLink'; readonly text: string };

/** A blank new alarm: the editor starts with no metric chosen. */
export const BLANK_ALARM: NewAlarmLink = { metrics: [] };

export function pageOf(parameters: URLSearchParams): AlarmsPage {
  const created = parameters.get(ALARMS_PARAMETERS.new);
  if (created !== null) {
    const link = newAlarmLinkOf(created);
    return link ? { kind: 'new', link } : { kind: 'badLink', text: created };
  }
  const name = parameters.get(ALARMS_PARAMETERS.alarm);
  if (!name) return { kind: 'list' };
  return parameters.get(ALARMS_PARAMETERS.edit) === '1' ? { kind: 'edit', name } : { kind: 'alarm', name };
}

function newAlarmLinkOf(text: string): NewAlarmLink | undefined {
  try {
    const value: unknown = JSON.parse(text);
    if (typeof value !== 'object' || value === null) return undefined;
    const { metric, metrics } = value as { metric?: unknown; metrics?: unknown };
    const isMetric = typeof metric === 'object' && metric !== null && typeof (metric as { namespace?: unknown }).namespace === 'string' && typeof (metric as { metricName?: unknown }).metricName === 'string';
    return isMetric || Array.isArray(metrics) ? (value as NewAlarmLink) : undefined;
  } catch {
    return undefined;
  }
}
