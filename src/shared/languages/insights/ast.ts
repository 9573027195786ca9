/**
 * The syntax tree of a Logs Insights query. Every node carries its source span: UTF-16 offsets into the
 * query text, `start` inclusive and `end` exclusive, so errors and highlights can point at it.
 */
import type { Duration } from './duration';

export interface Span {
  readonly start: number;
  readonly end: number;
}

export type ComparisonOperator = '=' | '!=' | '<' | '>' | '<=' | '>=';
export type ArithmeticOperator = '+' | '-' | '*' | '/' | '%' | '^';

export type Expression =
  | FieldExpression
  | StringExpression
  | NumberExpression
  | DurationExpression
  | CallExpression
  | NotExpression
  | NegateExpression
  | LogicalExpression
  | ComparisonExpression
  | ArithmeticExpression
  | MatchExpression
  | InExpression;

export interface FieldExpression extends Span {
  readonly kind: 'field';
  readonly name: string;
}

export interface StringExpression extends Span {
  readonly kind: 'string';
  readonly value: string;
}

export interface NumberExpression extends Span {
  readonly kind: 'number';
  readonly value: number;
}

/** A period such as `5m`, only as an argument of `bin`, `datefloor` and `dateceil`. */
export interface DurationExpression extends Span {
  readonly kind: 'duration';
  readonly duration: Duration;
}

export interface CallExpression extends Span {
  readonly kind: 'call';
  /** The function's name in lower case (names are case-insensitive). */
  readonly name: string;
  readonly nameSpan: Span;
  readonly args: readonly Expression[];
  /** `count(*)`. */
  readonly star: boolean;
}

export interface NotExpression extends Span {
  readonly kind: 'not';
  readonly operand: Expression;
}

export interface NegateExpression extends Span {
  readonly kind: 'negate';
  readonly operand: Expression;
}

export interface LogicalExpression extends Span {
  readonly kind: 'logical';
  readonly operator: 'and' | 'or';
  readonly left: Expression;
  readonly right: Expression;
}

export interface ComparisonExpression extends Span {
  readonly kind: 'comparison';
  readonly operator: ComparisonOperator;
  readonly left: Expression;
  readonly right: Expression;
}

export interface ArithmeticExpression extends Span {
  readonly kind: 'arithmetic';
  readonly operator: ArithmeticOperator;
  readonly left: Expression;
  readonly right: Expression;
}

/** A pattern to match text against: a regex, or a string that matches as a substring. */
export type TextPattern =
  | (Span & { readonly kind: 'substring'; readonly text: string })
  | (Span & { readonly kind: 'regex'; readonly source: string; readonly flags: string });

/** `subject like pattern`, `subject not like pattern`, `subject =~ pattern`. */
export interface MatchExpression extends Span {
  readonly kind: 'match';
  readonly subject: Expression;
  readonly pattern: TextPattern;
  readonly negated: boolean;
}

/** `subject in [a, b]`, `subject not in [a, b]`. */
export interface InExpression extends Span {
  readonly kind: 'in';
  readonly subject: Expression;
  readonly values: readonly Expression[];
  readonly negated: boolean;
}

/** An expression with an optional `as` name; `name` is the result column (the alias, or the text as written). */
export interface NamedExpression extends Span {
  readonly expression: Expression;
  readonly alias?: FieldExpression;
  readonly name: string;
}

export interface SortKey extends Span {
  readonly expression: Expression;
  /** The column name the key refers to after `stats` (its text as written). */
  readonly name: string;
  readonly descending: boolean;
}

export type ParsePattern =
  | (Span & { readonly kind: 'glob'; readonly text: string; readonly names: readonly FieldExpression[] })
  | (Span & { readonly kind: 'regex'; readonly source: string; readonly flags: string; readonly names: readonly string[] });

export type Command =
  | (Span & { readonly kind: 'fields'; readonly items: readonly NamedExpression[] })
  /** `display` shows exactly its items; like fields, an item may compute a value and name it (`a = 1 as isA`). */
  | (Span & { readonly kind: 'display'; readonly items: readonly NamedExpression[] })
  | (Span & { readonly kind: 'filter'; readonly condition: Expression })
  | (Span & { readonly kind: 'stats'; readonly aggregations: readonly NamedExpression[]; readonly groups: readonly NamedExpression[] })
  | (Span & { readonly kind: 'sort'; readonly keys: readonly SortKey[] })
  | (Span & { readonly kind: 'limit'; readonly count: number; /** `limit any N`: stop once N events match. */ readonly any: boolean })
  | (Span & { readonly kind: 'dedup'; readonly fields: readonly FieldExpression[] })
  | (Span & { readonly kind: 'parse'; readonly source: Expression; readonly pattern: ParsePattern });

export type CommandKind = Command['kind'];

export interface InsightsQuery {
  readonly text: string;
  readonly commands: readonly Command[];
}

export interface InsightsQueryError {
  /** A sentence naming what is wrong, e.g. `Unexpected "by" after the filter condition.` */
  readonly message: string;
  readonly start: number;
  readonly end: number;
  /**
   * True when the text is valid Logs Insights that this implementation does not run (e.g. `pattern`,
   * `unmask`, `jsonParse`): a real AWS endpoint would accept it.
   */
  readonly unsupported?: boolean;
}

export type InsightsParseResult =
  | { readonly ok: true; readonly query: InsightsQuery }
  | { readonly ok: false; readonly error: InsightsQueryError };
