/**
 * Links into the Alarms view: open an alarm, or start a new one from a metric, a graph or a metric
 * filter. The alarms view reads the same parameters, so this module owns their names.
 */
import type { AlarmMetricQuery, MetricDescriptor } from '../../../../shared/contract';

export const ALARMS_ROUTE = '/alarms';

/** The alarms view's parameters in the location hash ("#/alarms?alarm=api-5xx"). */
export const ALARMS_PARAMETERS = {
  /** An alarm's name: its detail is open. */
  alarm: 'alarm',
  /** `1` with `alarm`: that alarm's editor is open. */
  edit: 'edit',
  /** A new alarm's starting point, JSON of `NewAlarmLink`: the editor is open on it. */
  new: 'new',
} as const;

/** Where a new alarm starts: one metric, or a graph's math (its queries, one returning data). */
export type NewAlarmLink = (
  | { readonly metric: MetricDescriptor; readonly stat?: string; readonly period?: number }
  | { readonly metrics: readonly AlarmMetricQuery[] }
) & {
  /** The metric filter the metric comes from: "why did it fire" opens its group with its pattern. */
  readonly metricFilter?: { readonly logGroupName: string; readonly filterName: string; readonly pattern: string };
};

export function alarmHash(name: string): string {
  return `#${ALARMS_ROUTE}?${new URLSearchParams({ [ALARMS_PARAMETERS.alarm]: name }).toString()}`;
}

export function editAlarmHash(name: string): string {
  return `#${ALARMS_ROUTE}?${new URLSearchParams({ [ALARMS_PARAMETERS.alarm]: name, [ALARMS_PARAMETERS.edit]: '1' }).toString()}`;
}

export function newAlarmHash(link: NewAlarmLink): string {
  return `#${ALARMS_ROUTE}?${new URLSearchParams({ [ALARMS_PARAMETERS.new]: JSON.stringify(link) }).toString()}`;
}
