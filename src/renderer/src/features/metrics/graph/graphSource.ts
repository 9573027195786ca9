/**
 * The graph's "Source", as the console offers it: the GetMetricData request as JSON (what
 * `aws cloudwatch get-metric-data --cli-input-json` takes) and as an AWS CLI command, both editable.
 * Edited text is read back into the graph: queries become series, keeping the colour, axis and label of
 * the series with the same id; a mistake is reported with its position and changes nothing.
 */
import { MetricQuery, type MetricDescriptor } from '../../../../../shared/contract';
import type { ResolvedRange, TimeRange } from '../../../../../shared/time-range';
import type { Graph, GraphSeries } from './graph';

export interface SourceMistake {
  readonly message: string;
  readonly position: number;
  readonly length: number;
}

export type SourceParse = { readonly ok: true; readonly graph: Graph } | ({ readonly ok: false } & SourceMistake);

interface AwsQuery {
  Id: string;
  MetricStat?: { Metric: { Namespace: string; MetricName: string; Dimensions?: { Name: string; Value: string }[] }; Period: number; Stat: string };
  Expression?: string;
  Label?: string;
  ReturnData?: boolean;
  Period?: number;
}

/** What the Source shows was made from: the range as resolved then, and each series' period then. */
export interface SourceBasis {
  readonly range: ResolvedRange;
  readonly periods: ReadonlyMap<string, number>;
  readonly region: string;
}

export function queriesOf(graph: Graph, basis: SourceBasis): AwsQuery[] {
  return graph.series.map((series) => {
    const common = { Id: series.id, ...(series.label ? { Label: series.label } : {}), ReturnData: series.visible };
    if (series.kind === 'expression') return { ...common, Expression: series.expression, ...(series.period ? { Period: series.period } : {}) };
    return {
      ...common,
      MetricStat: {
        Metric: {
          Namespace: series.metric.namespace,
          MetricName: series.metric.metricName,
          Dimensions: series.metric.dimensions.map((dimension) => ({ Name: dimension.name, Value: dimension.value })),
        },
        Period: basis.periods.get(series.id) ?? 300,
        Stat: series.stat,
      },
    };
  });
}

export function sourceJson(graph: Graph, basis: SourceBasis): string {
  const request = {
    MetricDataQueries: queriesOf(graph, basis),
    StartTime: new Date(basis.range.start).toISOString(),
    EndTime: new Date(basis.range.end).toISOString(),
  };
  return JSON.stringify(request, null, 2);
}

export function sourceCommand(graph: Graph, basis: SourceBasis): string {
  return [
    'aws cloudwatch get-metric-data',
    `--region ${basis.region}`,
    `--start-time ${new Date(basis.range.start).toISOString()}`,
    `--end-time ${new Date(basis.range.end).toISOString()}`,
    `--metric-data-queries ${shellQuote(JSON.stringify(queriesOf(graph, basis), null, 2))}`,
  ].join(' \\\n  ');
}

/** Single-quoted for a POSIX shell: a quote inside becomes '\''. */
export function shellQuote(text: string): string {
  return `'${text.replaceAll("'", `'\\''`)}'`;
}

export function graphFromJson(text: string, graph: Graph, basis: SourceBasis): SourceParse {
  const parsed = parseJson(text, 0);
  if (!parsed.ok) return parsed;
  const value = parsed.value;
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return mistake('The source must be a JSON object with MetricDataQueries.', 0, text.length);
  const request = value as Record<string, unknown>;
  const range = rangeFrom(request['StartTime'], request['EndTime'], graph, basis, text);
  if (!range.ok) return range;
  return graphFromQueries(request['MetricDataQueries'], graph, basis, range.range, text, text.indexOf('MetricDataQueries'));
}

export function graphFromCommand(text: string, graph: Graph, basis: SourceBasis): SourceParse {
  const words = shellWords(text);
  if (!words.ok) return words;
  const list = words.words;
  const [aws, service, operation] = list;
  if (aws?.text !== 'aws' || service?.text !== 'cloudwatch' || operation?.text !== 'get-metric-data') {
    const at = list[0] ?? { start: 0, end: text.length };
    return mistake('The command must start with aws cloudwatch get-metric-data.', at.start, Math.max(1, at.end - at.start));
  }
  const options = new Map<string, Word>();
  for (let index = 3; index < list.length; index++) {
    const word = list[index] as Word;
    if (!word.text.startsWith('--')) return mistake(`Expected an option such as --start-time, not ${word.text}.`, word.start, word.end - word.start);
    const name = word.text.slice(2);
    if (!KNOWN_OPTIONS.has(name)) return mistake(`get-metric-data has no option --${name} that Cloudscope can use.`, word.start, word.end - word.start);
    if (FLAG_OPTIONS.has(name)) continue;
    const valueWord = list[index + 1];
    if (!valueWord || valueWord.text.startsWith('--')) return mistake(`--${name} needs a value.`, word.end, 0);
    options.set(name, valueWord);
    index += 1;
  }
  const region = options.get('region');
  if (region && region.text !== basis.region) {
    return mistake(`The graph shows ${basis.region}; switch the region in the header to graph ${region.text}.`, region.start, region.end - region.start);
  }
  const input = options.get('cli-input-json');
  if (input) {
    const fromInput = graphFromJson(input.text, graph, basis);
    return fromInput.ok ? fromInput : { ...fromInput, position: input.start + fromInput.position };
  }
  const queriesWord = options.get('metric-data-queries');
  if (!queriesWord) return mistake('The command needs --metric-data-queries (as JSON).', text.length, 0);
  const start = options.get('start-time');
  const end = options.get('end-time');
  const range = rangeFrom(start?.text, end?.text, graph, basis, text);
  if (!range.ok) return range;
  const queries = parseJson(queriesWord.text, queriesWord.start);
  if (!queries.ok) return queries;
  return graphFromQueries(queries.value, graph, basis, range.range, text, queriesWord.start);
}

const FLAG_OPTIONS = new Set(['no-paginate', 'no-cli-pager', 'debug', 'no-verify-ssl']);
const KNOWN_OPTIONS = new Set([
  'region',
  'start-time',
  'end-time',
  'metric-data-queries',
  'cli-input-json',
  'scan-by',
  'max-datapoints',
  'label-options',
  'output',
  'profile',
  'endpoint-url',
  'query',
  ...FLAG_OPTIONS,
]);

function graphFromQueries(raw: unknown, graph: Graph, basis: SourceBasis, range: TimeRange, text: string, at: number): SourceParse {
  const where = Math.max(0, at);
  if (!Array.isArray(raw) || raw.length === 0) return mistake('MetricDataQueries must be a list of at least one query.', where, 1);
  const previous = new Map(graph.series.map((series) => [series.id, series]));
  const series: GraphSeries[] = [];
  for (const [index, item] of raw.entries()) {
    const query = item as Partial<AwsQuery>;
    const converted = MetricQuery.safeParse({
      id: query.Id,
      metricStat: query.MetricStat && {
        metric: {
          namespace: query.MetricStat.Metric?.Namespace,
          metricName: query.MetricStat.Metric?.MetricName,
          dimensions: (query.MetricStat.Metric?.Dimensions ?? []).map((dimension) => ({ name: dimension.Name, value: dimension.Value })),
        },
        period: query.MetricStat.Period,
        stat: query.MetricStat.Stat,
      },
      expression: query.Expression,
      label: query.Label,
      returnData: query.ReturnData,
      period: query.Period,
    });
    const idAt = typeof query.Id === 'string' ? text.indexOf(`"${query.Id}"`, where) : -1;
    if (!converted.success) {
      const issue = converted.error.issues[0];
      const field = issue?.path.join('.') || 'query';
      return mistake(`Query ${index + 1}${query.Id ? ` (${query.Id})` : ''}, ${field}: ${(issue?.message ?? 'not valid').replace(/\.$/, '')}.`, idAt >= 0 ? idAt : where, idAt >= 0 ? query.Id!.length + 2 : 1);
    }
    const data = converted.data;
    const before = previous.get(data.id);
    const style = { label: data.label ?? '', color: before?.color ?? '', axis: before?.axis ?? ('left' as const), visible: data.returnData };
    if (data.metricStat) {
      const metric: MetricDescriptor = data.metricStat.metric;
      const period = basis.periods.get(data.id) === data.metricStat.period && before?.kind === 'metric' ? before.period : data.metricStat.period;
      series.push({ kind: 'metric', id: data.id, metric, stat: data.metricStat.stat, period, ...style });
    } else {
      series.push({ kind: 'expression', id: data.id, expression: data.expression ?? '', period: data.period, ...style });
    }
  }
  if (new Set(series.map((item) => item.id)).size !== series.length) return mistake('Every query needs its own Id.', where, 1);
  return { ok: true, graph: { ...graph, range, series } };
}

/** The range the text gives; unchanged times keep the graph's own range (a relative one stays relative). */
function rangeFrom(startRaw: unknown, endRaw: unknown, graph: Graph, basis: SourceBasis, text: string): { ok: true; range: TimeRange } | ({ ok: false } & SourceMistake) {
  const start = typeof startRaw === 'string' ? Date.parse(startRaw) : Number.NaN;
  const end = typeof endRaw === 'string' ? Date.parse(endRaw) : Number.NaN;
  const locate = (raw: unknown) => (typeof raw === 'string' && raw !== '' ? Math.max(0, text.indexOf(raw)) : 0);
  if (!Number.isFinite(start)) return mistake('StartTime (--start-time) must be a time such as 2026-11-30T10:00:00Z.', locate(startRaw), String(startRaw ?? '').length);
  if (!Number.isFinite(end)) return mistake('EndTime (--end-time) must be a time such as 2026-11-30T12:00:00Z.', locate(endRaw), String(endRaw ?? '').length);
  if (start >= end) return mistake('StartTime must be before EndTime.', locate(startRaw), String(startRaw).length);
  if (start === basis.range.start && end === basis.range.end) return { ok: true, range: graph.range };
  return { ok: true, range: { kind: 'absolute', start, end } };
}

function parseJson(text: string, offset: number): { ok: true; value: unknown } | ({ ok: false } & SourceMistake) {
  try {
    return { ok: true, value: JSON.parse(text) };
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    const position = /position (\d+)/.exec(message);
    const at = position ? Number(position[1]) : text.length;
    return mistake(`This is not valid JSON: ${message.replace(/ in JSON at position \d+.*$/, '')}.`, offset + at, 1);
  }
}

interface Word {
  readonly text: string;
  readonly start: number;
  readonly end: number;
}

/** Splits a command as a POSIX shell would: quotes, backslash escapes, and backslash-newline continuations. */
export function shellWords(text: string): { ok: true; words: Word[] } | ({ ok: false } & SourceMistake) {
  const words: Word[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] as string;
    if (/\s/.test(char) || (char === '\\' && text[index + 1] === '\n')) {
      index += char === '\\' ? 2 : 1;
      continue;
    }
    const start = index;
    let word = '';
    while (index < text.length && !/\s/.test(text[index] as string)) {
      const current = text[index] as string;
      if (current === "'") {
        const close = text.indexOf("'", index + 1);
        if (close < 0) return mistake('A single quote is not closed.', index, 1);
        word += text.slice(index + 1, close);
        index = close + 1;
      } else if (current === '"') {
        index += 1;
        while (index < text.length && text[index] !== '"') {
          if (text[index] === '\\' && index + 1 < text.length && '"\\$`'.includes(text[index + 1] as string)) index += 1;
          word += text[index];
          index += 1;
        }
        if (index >= text.length) return mistake('A double quote is not closed.', start, 1);
        index += 1;
      } else if (current === '\\') {
        if (text[index + 1] === '\n') break;
        word += text[index + 1] ?? '';
        index += 2;
      } else {
        word += current;
        index += 1;
      }
    }
    words.push({ text: word, start, end: index });
  }
  return { ok: true, words };
}

function mistake(message: string, position: number, length: number): { ok: false } & SourceMistake {
  return { ok: false, message, position, length };
}
