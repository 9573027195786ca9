/**
 * A graph in the location hash ("#/metrics?graph={…}"), so a reload or a shared link opens the same
 * graph. The range is kept as typed text in UTC, so a link means the same moment in every time zone.
 * What does not read is dropped, never guessed.
 */
import { z } from 'zod';
import { STANDARD_UNITS } from '../../../../../shared/contract';
import { formatTimeRange, parseTimeRange } from '../../../../../shared/time-range';
import { METRICS_PARAMETERS } from '../../../app/links/metrics';
import { DEFAULT_RANGE, type Graph } from './graph';

const PARAMETER = METRICS_PARAMETERS.graph;
const HASH_ZONE = 'utc';

const Dimension = z.object({ name: z.string().min(1), value: z.string().min(1) });
const Common = {
  id: z.string().regex(/^[a-z][a-zA-Z0-9_]*$/),
  label: z.string().default(''),
  color: z.string().default(''),
  axis: z.enum(['left', 'right']).default('left'),
  visible: z.boolean().default(true),
  period: z.number().int().positive().optional(),
};
const Series = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('metric'),
    metric: z.object({ namespace: z.string().min(1), metricName: z.string().min(1), dimensions: z.array(Dimension).default([]) }),
    stat: z.string().min(1),
    ...Common,
  }),
  z.object({ kind: z.literal('expression'), expression: z.string(), ...Common }),
]);
const Axis = z.object({ label: z.string().default(''), unit: z.enum(STANDARD_UNITS).optional(), min: z.number().optional(), max: z.number().optional() });
const Stored = z.object({
  title: z.string().default(''),
  view: z.enum(['line', 'stackedArea', 'bar', 'number']).default('line'),
  range: z.string().default(''),
  period: z.union([z.literal('auto'), z.number().int().positive()]).default('auto'),
  series: z.array(Series).default([]),
  axes: z.object({ left: Axis.default({ label: '' }), right: Axis.default({ label: '' }) }).default({ left: { label: '' }, right: { label: '' } }),
  refreshSeconds: z.number().int().min(0).default(0),
});

export function toParameters(graph: Graph): URLSearchParams {
  const parameters = new URLSearchParams();
  parameters.set(PARAMETER, JSON.stringify({ ...graph, range: formatTimeRange(graph.range, HASH_ZONE) }));
  return parameters;
}

/** The graph a hash holds, or undefined when it holds none (or one that does not read). */
export function fromParameters(parameters: URLSearchParams, now: number): Graph | undefined {
  const text = parameters.get(PARAMETER);
  if (!text) return undefined;
  let raw: unknown;
  try {
    raw = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = Stored.safeParse(raw);
  if (!parsed.success) return undefined;
  const range = parseTimeRange(parsed.data.range, HASH_ZONE, now);
  return { ...parsed.data, range: range.ok ? range.range : DEFAULT_RANGE };
}
