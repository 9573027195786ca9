/**
 * The checks of the graphed-metrics form, each giving the reason (and where, for expressions) so a
 * bad id, statistic or expression is refused in the form before anything is sent.
 */
import { parseMetricMath, queryIdError, referencedIds } from '../../../../../shared/languages/metric-math';
import { parseStatistic } from '../../../../../shared/metric-statistics';
import type { Graph } from './graph';

export interface FieldMistake {
  readonly message: string;
  /** Where in the text, for a marker under it. */
  readonly position: number;
  readonly length: number;
}

/** Statistics offered as you type (any other the shared parser reads is accepted too). */
export const SUGGESTED_STATISTICS: readonly string[] = [
  'Average',
  'Sum',
  'Minimum',
  'Maximum',
  'SampleCount',
  'p50',
  'p90',
  'p95',
  'p99',
  'p99.9',
  'tm90',
  'tm99',
  'TM(10%:90%)',
  'wm90',
  'tc90',
  'ts90',
  'IQM',
  'PR(:300)',
];

function whole(text: string, message: string): FieldMistake {
  return { message, position: 0, length: text.length };
}

export function checkStatistic(text: string): FieldMistake | undefined {
  const parsed = parseStatistic(text.trim());
  return parsed.ok ? undefined : whole(text, parsed.message);
}

/** An id must follow AWS's rule and be unique on the graph (`ownId`: the series being renamed). */
export function checkId(text: string, graph: Graph, ownId?: string): FieldMistake | undefined {
  const problem = queryIdError(text);
  if (problem) return whole(text, problem);
  if (text !== ownId && graph.series.some((series) => series.id === text)) return whole(text, `Another series already has the id ${text}.`);
  return undefined;
}

/** The expression parses, and every id it names is another query on the graph. */
export function checkExpression(text: string, graph: Graph, ownId?: string): FieldMistake | undefined {
  if (text.trim() === '') return { message: 'Type an expression, e.g. 100*m2/m1 or SEARCH(\'{AWS/Lambda,FunctionName} Errors\', \'Sum\', 300).', position: 0, length: 0 };
  const parsed = parseMetricMath(text);
  if (!parsed.ok) return { message: parsed.error.message, position: parsed.error.start, length: Math.max(0, parsed.error.end - parsed.error.start) };
  const known = new Set(graph.series.map((series) => series.id));
  for (const id of referencedIds(parsed.expression)) {
    const position = findId(text, id);
    if (id === ownId) return { message: `An expression cannot use its own result (${id}).`, position, length: id.length };
    if (!known.has(id)) return { message: `${id} is not a series of this graph. Its series are ${[...known].join(', ') || 'none yet'}.`, position, length: id.length };
  }
  return undefined;
}

/** Where an id stands as a whole word in the text. */
function findId(text: string, id: string): number {
  const match = new RegExp(`(?<![A-Za-z0-9_])${id}(?![A-Za-z0-9_])`).exec(text);
  return match?.index ?? 0;
}
