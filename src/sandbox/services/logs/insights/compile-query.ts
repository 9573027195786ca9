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

type StageFactory = { readonly kind: 'stream'; readonly create: () => StreamStage } | { readonly kind: 'block'; readonly create: () => BlockStage };

export interface CompiledQuery {
  /** The result columns in order, or undefined when results show every field of each event. */
  readonly columns: readonly string[] | undefined;
  /** Columns whose values are timestamps. */
  readonly types: ReadonlyMap<string, ValueType>;
  /** Whether the results are aggregations (no @ptr, no events). */
  readonly aggregates: boolean;
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
  for (const command of query.commands) {
    const stage = compileCommand(command, scope, types, statsColumns);
    stages.push(stage);
    if (command.kind === 'stats') {
      statsColumns = new Set([...command.groups, ...command.aggregations].map((item) => item.name));
    }
    if ((command.kind === 'filter' || command.kind === 'parse' || command.kind === 'fields') && stages.every((s) => s.kind === 'stream')) {
      matchedAfter = stages.length;
    }
  }
  const columns = displayedFields(query);
  return {
    columns,
    types,
    aggregates: statsColumns !== undefined,
    start: (resultCap) => new QueryExecution(stages, matchedAfter, resultCap),
  };
}

function compileCommand(command: Command, scope: ExpressionScope, types: Map<string, ValueType>, statsColumns: ReadonlySet<string> | undefined): StageFactory {
  switch (command.kind) {
    case 'filter': {
      const condition = compileExpression(command.condition, scope).evaluate;
      return stream(() => (row) => (isTrue(condition(row)) ? row : undefined));
    }
    case 'fields':
      return stream(compileAssignments(command.items, scope, types));
    case 'display':
      return stream(() => (row) => row);
    case 'parse':
      return compileParse(command, scope, types);
    case 'limit': {
      const { count } = command;
      return stream(() => {
        let passed = 0;
        return (row) => (passed++ < count ? row : undefined);
      });
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
      return compileSort(command.keys, scope, statsColumns);
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

function compileSort(keys: readonly SortKey[], scope: ExpressionScope, statsColumns: ReadonlySet<string> | undefined): StageFactory {
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
  return {
    kind: 'block',
    create: () => {
      const entries: Array<{ row: Row; values: Value[] }> = [];
      return {
        add: (row) => entries.push({ row: row.snapshot(), values: compiled.map((key) => key.value(row)) }),
        rows: () => [...entries].sort((a, b) => compare(a.values, b.values)).map((entry) => entry.row),
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
    if (error instanceof QueryCompileError && containsCall(key.expression)) {
      throw new QueryCompileError(`Sort by "${key.name}" needs a stats command before it that computes "${key.name}".`, key);
    }
    throw error;
  }
}

function containsCall(expression: Expression): boolean {
  return expression.kind === 'call';
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
            aggregationNames.forEach((name, index) => columns.set(name, (finishers[index] as CompiledExpression).evaluate(slots)));
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

  constructor(
    stages: readonly StageFactory[],
    private readonly matchedAfter: number,
    private readonly resultCap: number,
  ) {
    let index = 0;
    for (; index < stages.length; index++) {
      const stage = stages[index] as StageFactory;
      if (stage.kind === 'block') break;
      this.head.push(stage.create());
    }
    const block = stages[index];
    this.firstBlock = block?.kind === 'block' ? block.create() : undefined;
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
      pending = factory.create();
      for (const row of rows) pending.add(row);
      rows = pending.rows();
    }
    flush();
    return rows.slice(0, this.resultCap);
  }
}
