/**
 * Compiles a parsed query into a pipeline of stages, each a closure made once per query. Streaming stages
 * (filter, fields, parse, display, limit, dedup) pass a row on or drop it; blocking stages (stats, sort)
 * keep what they need and give rows once asked. Rows flow into the first blocking stage while events are
 * scanned; what follows it runs again each time results are asked for, so partial results of a running
 * query come from the same code as the final ones.
 */
import type { Command, Expression, InsightsQuery, NamedExpression, SortKey } from '../../../../shared/languages/insights';
import { displayedFields } from '../../../../shared/languages/insights';
import { compileAggregate, type Accumulator } from './aggregates';
import { QueryCompileError } from './compile-error';
import { compileExpression, type CompiledExpression, type Evaluate, type ExpressionScope } from './compile-expression';
import { compileParsePattern } from './pattern-extract';
import { ValuesRow, type Row } from './row';
import { groupKey, isPresent, isTrue, sortOrder, type Value, type ValueType } from './values';

type StreamStage = (row: Row) => Row | undefined;

interface BlockStage {
  add(row: Row): void;
  /** The rows so far; asking again later gives the rows then (nothing is consumed). */
  rows(): Row[];
}

/** `create` takes the query's result cap (rows beyond it are never shown, so stages need not keep them). */
type StageFactory =
  | { readonly kind: 'stream'; readonly create: () => StreamStage; /** `limit any N`: the scan may stop once N rows passed. */ readonly stopsScanAfter?: number }
  | { readonly kind: 'block'; readonly create: (resultCap: number) => BlockStage };

export interface CompiledQuery {
  /** The result columns in order, or undefined when results show every field of each event. */
  readonly columns: readonly string[] | undefined;
  /** Columns whose values are timestamps. */
  readonly types: ReadonlyMap<string, ValueType>;
  /** Whether the results are aggregations (no @ptr, no events). */
  readonly aggregates: boolean;
  /** The largest `limit` in the query, if any: a query may return up to that many rows (AWS: 100,000). */
  readonly largestLimit: number | undefined;
  start(resultCap: number): QueryExecution;
}

const INITIAL_TYPES: ReadonlyArray<readonly [string, ValueType]> = [
  ['@timestamp', 'timestamp'],
  ['@ingestionTime', 'timestamp'],
];

export function compileQuery(query: InsightsQuery): CompiledQuery {
  const types = new Map<string, ValueType>(INITIAL_TYPES);
  let statsColumns: ReadonlySet<string> | undefined;
  const scope: ExpressionScope = { typeOf: (field) => types.get(field) ?? 'other' };
  const stages: StageFactory[] = [];
  /** Stages up to (not including) this index decide which events match, for recordsMatched. */
  let matchedAfter = 0;
  const commands = withDefaultOrder(query.commands);
  commands.forEach((command, index) => {
    const stage = compileCommand(command, commands.slice(index + 1), scope, types, statsColumns);
    stages.push(stage);
    if (command.kind === 'stats') {
      statsColumns = new Set([...command.groups, ...command.aggregations].map((item) => item.name));
    }
    if ((command.kind === 'filter' || command.kind === 'parse' || command.kind === 'fields') && stages.every((s) => s.kind === 'stream')) {
      matchedAfter = stages.length;
    }
  });
  const limits = query.commands.flatMap((command) => (command.kind === 'limit' ? [command.count] : []));
  return {
    columns: displayedFields(query),
    types,
    aggregates: statsColumns !== undefined,
    largestLimit: limits.length === 0 ? undefined : Math.max(...limits),
    start: (resultCap) => new QueryExecution(stages, matchedAfter, resultCap),
  };
}

/**
 * Events come newest first unless the query sorts them (AWS: "the default descending sort order using
 * @timestamp"): a `sort @timestamp desc` goes before the first limit or dedup that no sort or stats
 * precedes, or at the end of a query with neither sort nor stats. `limit any` takes events as found.
 */
function withDefaultOrder(commands: readonly Command[]): readonly Command[] {
  const ordered = commands.findIndex((command) => command.kind === 'sort' || command.kind === 'stats');
  const head = ordered === -1 ? commands : commands.slice(0, ordered);
  const cut = head.findIndex((command) => command.kind === 'dedup' || (command.kind === 'limit' && !command.any));
  if (cut !== -1) return [...commands.slice(0, cut), newestFirst(commands[cut] as Command), ...commands.slice(cut)];
  if (ordered === -1) return [...commands, newestFirst(commands[commands.length - 1] as Command)];
  return commands;
}

function newestFirst(at: Command): Command {
  const span = { start: at.start, end: at.start };
  const key: SortKey = { expression: { kind: 'field', name: '@timestamp', ...span }, name: '@timestamp', descending: true, ...span };
  return { kind: 'sort', keys: [key], ...span };
}

function compileCommand(
  command: Command,
  following: readonly Command[],
  scope: ExpressionScope,
  types: Map<string, ValueType>,
  statsColumns: ReadonlySet<string> | undefined,
): StageFactory {
  switch (command.kind) {
    case 'filter': {
      const condition = compileExpression(command.condition, scope).evaluate;
      return stream(() => (row) => (isTrue(condition(row)) ? row : undefined));
    }
    case 'fields':
    case 'display':
      return stream(compileAssignments(command.items, scope, types));
    case 'parse':
      return compileParse(command, scope, types);
    case 'limit': {
      const { count } = command;
      const create = (): StreamStage => {
        let passed = 0;
        return (row) => (passed++ < count ? row : undefined);
      };
      return command.any ? { kind: 'stream', create, stopsScanAfter: count } : stream(create);
    }
    case 'dedup': {
      const keys = command.fields.map((field) => compileExpression(field, scope).evaluate);
      return stream(() => {
        const seen = new Set<string>();
        return (row) => {
          const values = keys.map((key) => key(row));
          // Rows missing a dedup field are never duplicates of one another.
          if (!values.every(isPresent)) return row;
          const key = values.map(groupKey).join('\u0000');
          if (seen.has(key)) return undefined;
          seen.add(key);
          return row;
        };
      });
    }
    case 'sort':
      return compileSort(command.keys, scope, statsColumns, rowsShownAfter(following));
    case 'stats':
      return compileStats(command.aggregations, command.groups, scope, types);
  }
}

function stream(create: () => StreamStage): StageFactory {
  return { kind: 'stream', create };
}

function compileAssignments(items: readonly NamedExpression[], scope: ExpressionScope, types: Map<string, ValueType>): () => StreamStage {
  const assignments: Array<{ name: string; evaluate: Evaluate }> = [];
  for (const item of items) {
    const compiled = compileExpression(item.expression, scope);
    // A plain field shown under its own name needs no copy.
    if (!(item.expression.kind === 'field' && item.alias === undefined)) assignments.push({ name: item.name, evaluate: compiled.evaluate });
    types.set(item.name, compiled.type);
  }
  return () => (row) => {
    for (const { name, evaluate } of assignments) row.set(name, evaluate(row));
    return row;
  };
}

function compileParse(command: Extract<Command, { kind: 'parse' }>, scope: ExpressionScope, types: Map<string, ValueType>): StageFactory {
  const source = compileExpression(command.source, scope).evaluate;
  const extractor = compileParsePattern(command.pattern);
  for (const name of extractor.names) types.set(name, 'other');
  const { names } = extractor;
  // An event the pattern does not match stays, without the extracted fields (AWS's rule).
  return stream(() => (row) => {
    const value = source(row);
    if (typeof value !== 'string') return row;
    const extracted = extractor.extract(value);
    if (extracted !== undefined) names.forEach((name, index) => row.set(name, extracted[index]));
    return row;
  });
}

/**
 * How many of a sort's first rows can be shown, given the commands after it: a limit's count when only
 * fields, display and limit follow (they drop no row a limit would keep), else every row (`undefined`).
 */
function rowsShownAfter(commands: readonly Command[]): number | undefined {
  let shown = Number.POSITIVE_INFINITY;
  for (const command of commands) {
    if (command.kind === 'limit') shown = Math.min(shown, command.count);
    else if (command.kind !== 'fields' && command.kind !== 'display') return undefined;
  }
  return shown;
}

/**
 * Keeps rows with their sort keys. When only the first `shown` rows (or the result cap) can appear, it
 * keeps about that many as it goes, so `sort @timestamp desc | limit 20` over a million events holds 20
 * rows, not a million.
 */
function compileSort(keys: readonly SortKey[], scope: ExpressionScope, statsColumns: ReadonlySet<string> | undefined, shown: number | undefined): StageFactory {
  const compiled = keys.map((key) => ({ value: compileSortKey(key, scope, statsColumns), direction: key.descending ? -1 : 1 }));
  const compare = (a: readonly Value[], b: readonly Value[]): number => {
    for (let index = 0; index < compiled.length; index++) {
      const aValue = a[index];
      const bValue = b[index];
      const order = sortOrder(aValue, bValue);
      if (order === 0) continue;
      // Missing values go last whichever the direction.
      if (!isPresent(aValue) || !isPresent(bValue)) return order;
      return order * (compiled[index] as { direction: number }).direction;
    }
    return 0;
  };
  type Entry = { readonly row: Row; readonly values: Value[] };
  // Stable: rows with equal keys stay in the order they came.
  const byKeys = (a: Entry, b: Entry): number => compare(a.values, b.values);
  return {
    kind: 'block',
    create: (resultCap) => {
      const keep = shown === undefined ? Number.POSITIVE_INFINITY : Math.min(shown, resultCap);
      let entries: Entry[] = [];
      return {
        add: (row) => {
          entries.push({ row: row.snapshot(), values: compiled.map((key) => key.value(row)) });
          if (entries.length >= 2 * keep + 1024) entries = entries.sort(byKeys).slice(0, keep);
        },
        rows: () => [...entries].sort(byKeys).slice(0, keep).map((entry) => entry.row),
      };
    },
  };
}

/** After stats, a sort key written as an aggregation (`sort count(*) desc`) names the column stats made. */
function compileSortKey(key: SortKey, scope: ExpressionScope, statsColumns: ReadonlySet<string> | undefined): Evaluate {
  if (statsColumns?.has(key.name) === true) {
    const { name } = key;
    return (row) => row.get(name);
  }
  try {
    return compileExpression(key.expression, scope).evaluate;
  } catch (error) {
    if (error instanceof QueryCompileError && key.expression.kind === 'call') {
      throw new QueryCompileError(`Sort by "${key.name}" needs a stats command before it that computes "${key.name}".`, key);
    }
    throw error;
  }
}

function compileStats(aggregations: readonly NamedExpression[], groups: readonly NamedExpression[], scope: ExpressionScope, types: Map<string, ValueType>): StageFactory {
  const groupValues = groups.map((group) => compileExpression(group.expression, scope));
  const accumulatorFactories: Array<() => Accumulator> = [];
  const finishers = aggregations.map((aggregation) => compileAggregation(aggregation.expression, scope, accumulatorFactories));
  const groupNames = groups.map((group) => group.name);
  const aggregationNames = aggregations.map((aggregation) => aggregation.name);

  // After stats only its columns exist.
  types.clear();
  groupNames.forEach((name, index) => types.set(name, (groupValues[index] as CompiledExpression).type));
  aggregationNames.forEach((name, index) => types.set(name, (finishers[index] as CompiledExpression).type));

  const evaluators = groupValues.map((group) => group.evaluate);
  const keyOf: (row: Row) => unknown =
    evaluators.length === 0
      ? () => ''
      : evaluators.length === 1
        ? (evaluators[0] as Evaluate)
        : (row) => evaluators.map((evaluate) => groupKey(evaluate(row))).join('\u0000');

  return {
    kind: 'block',
    create: () => {
      const buckets = new Map<unknown, { values: Value[]; accumulators: Accumulator[] }>();
      return {
        add(row) {
          const key = keyOf(row);
          let bucket = buckets.get(key);
          if (bucket === undefined) {
            bucket = { values: evaluators.map((evaluate) => evaluate(row)), accumulators: accumulatorFactories.map((create) => create()) };
            buckets.set(key, bucket);
          }
          const { accumulators } = bucket;
          for (let index = 0; index < accumulators.length; index++) (accumulators[index] as Accumulator).add(row);
        },
        rows() {
          const rows: Row[] = [];
          for (const { values, accumulators } of buckets.values()) {
            const results = new Map<string, Value>();
            accumulators.forEach((accumulator, index) => results.set(slotName(index), accumulator.result()));
            const slots = new ValuesRow(results);
            const columns = new Map<string, Value>();
            groupNames.forEach((name, index) => columns.set(name, values[index]));
            aggregationNames.forEach((name, index) => {
              const value = (finishers[index] as CompiledExpression).evaluate(slots);
              columns.set(name, value);
              // Later aggregations may name this one.
              slots.set(name, value);
            });
            rows.push(new ValuesRow(columns));
          }
          return rows;
        },
      };
    },
  };
}

const slotName = (index: number): string => `\u0000${index}`;

/** An aggregation expression (`sum(a) / count(*)`): each aggregate call becomes an accumulator slot. */
function compileAggregation(expression: Expression, scope: ExpressionScope, factories: Array<() => Accumulator>): CompiledExpression {
  return compileExpression(expression, {
    typeOf: scope.typeOf,
    aggregate: (call) => {
      const aggregate = compileAggregate(call, (argument) => compileExpression(argument, scope));
      const name = slotName(factories.length);
      factories.push(aggregate.create);
      return { evaluate: (slots) => slots.get(name), type: aggregate.type };
    },
  });
}

/** One run of a compiled query: rows go in as events are scanned; results can be asked for at any time. */
export class QueryExecution {
  private readonly head: StreamStage[] = [];
  private readonly firstBlock: BlockStage | undefined;
  private readonly rest: readonly StageFactory[];
  private readonly collected: Row[] = [];
  /** Events that passed the query's conditions before its first stats or sort. */
  matched = 0;
  /** A `limit any` before any stats or sort has let its rows through: the scan can stop. */
  saturated = false;
  private readonly stopStage: number;
  private readonly stopAfter: number;
  private stopCount = 0;

  constructor(
    stages: readonly StageFactory[],
    private readonly matchedAfter: number,
    private readonly resultCap: number,
  ) {
    let index = 0;
    let stopStage = -1;
    let stopAfter = 0;
    for (; index < stages.length; index++) {
      const stage = stages[index] as StageFactory;
      if (stage.kind === 'block') break;
      this.head.push(stage.create());
      if (stage.stopsScanAfter !== undefined && stopStage === -1) {
        stopStage = index;
        stopAfter = stage.stopsScanAfter;
      }
    }
    this.stopStage = stopStage;
    this.stopAfter = stopAfter;
    const block = stages[index];
    this.firstBlock = block?.kind === 'block' ? block.create(resultCap) : undefined;
    this.rest = stages.slice(index + 1);
  }

  push(row: Row): void {
    const head = this.head;
    let current: Row | undefined = row;
    if (this.matchedAfter === 0) this.matched++;
    for (let index = 0; index < head.length; index++) {
      current = (head[index] as StreamStage)(current);
      if (current === undefined) return;
      if (index + 1 === this.matchedAfter) this.matched++;
      if (index === this.stopStage && ++this.stopCount >= this.stopAfter) this.saturated = true;
    }
    if (this.firstBlock !== undefined) this.firstBlock.add(current);
    else if (this.collected.length < this.resultCap) this.collected.push(current.snapshot());
  }

  /** The result rows so far (at most the cap), in order. */
  results(): Row[] {
    if (this.firstBlock === undefined) return this.collected.slice();
    let rows = this.firstBlock.rows();
    let pending: BlockStage | undefined;
    let streaming: StreamStage[] = [];
    const flush = (): void => {
      rows = rows.flatMap((row) => {
        let current: Row | undefined = row;
        for (const stage of streaming) {
          current = stage(current);
          if (current === undefined) return [];
        }
        return [current];
      });
      streaming = [];
    };
    for (const factory of this.rest) {
      if (factory.kind === 'stream') {
        streaming.push(factory.create());
        continue;
      }
      flush();
      pending = factory.create(this.resultCap);
      for (const row of rows) pending.add(row);
      rows = pending.rows();
    }
    flush();
    return rows.slice(0, this.resultCap);
  }
}
