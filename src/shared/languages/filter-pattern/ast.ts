/**
 * The parsed form of a filter pattern. Every kind keeps enough structure for later features
 * (metric values and dimensions) to pull field values out of a matched event.
 */
import type { FilterRegex } from './regex';

export type ComparisonOperator = '=' | '!=' | '<' | '<=' | '>' | '>=';

/** How a string value's leading/trailing `*` wildcards apply; an interior `*` is a literal character (AWS docs). */
export type WildcardMode = 'exact' | 'prefix' | 'suffix' | 'contains' | 'any';

/** The right-hand side of a comparison in a JSON or space-delimited pattern. */
export type Value =
  | { readonly type: 'number'; readonly value: number; readonly text: string }
  | { readonly type: 'string'; readonly text: string; readonly mode: WildcardMode; readonly core: string }
  | { readonly type: 'regex'; readonly regex: FilterRegex };

/** Something searched for in an unstructured message: an exact phrase or a regex. */
export type TextMatcher =
  | { readonly type: 'phrase'; readonly text: string }
  | { readonly type: 'regex'; readonly regex: FilterRegex };

export interface AllPattern {
  readonly kind: 'all';
  readonly source: string;
}

export interface TermsPattern {
  readonly kind: 'terms';
  readonly source: string;
  /** Every one of these must occur. */
  readonly required: readonly TextMatcher[];
  /** At least one of these must occur (only used when there are no required or excluded terms, as AWS ignores `?terms` otherwise). */
  readonly anyOf: readonly TextMatcher[];
  /** None of these may occur. */
  readonly excluded: readonly TextMatcher[];
}

/** One step of a JSON property selector such as `$.users[0].email` or `$.['cluster.name']`. */
export type SelectorStep =
  | { readonly type: 'key'; readonly key: string }
  | { readonly type: 'index'; readonly index: number }
  /** `.*` or `[*]`: every field of an object or element of an array. */
  | { readonly type: 'wildcard' };

export interface JsonSelector {
  /** As written in the pattern, e.g. `$.users[0].email`. */
  readonly text: string;
  readonly steps: readonly SelectorStep[];
}

export type JsonTest =
  | { readonly type: 'compare'; readonly operator: ComparisonOperator; readonly value: Value }
  | { readonly type: 'isTrue' }
  | { readonly type: 'isFalse' }
  | { readonly type: 'isNull' }
  | { readonly type: 'notExists' };

export type JsonExpression =
  | { readonly type: 'and'; readonly operands: readonly JsonExpression[] }
  | { readonly type: 'or'; readonly operands: readonly JsonExpression[] }
  | { readonly type: 'condition'; readonly selector: JsonSelector; readonly test: JsonTest };

export interface JsonPattern {
  readonly kind: 'json';
  readonly source: string;
  readonly expression: JsonExpression;
}

/** A condition on one space-delimited field; every comparison in it tests that same field. */
export type FieldCondition =
  | { readonly type: 'and'; readonly operands: readonly FieldCondition[] }
  | { readonly type: 'or'; readonly operands: readonly FieldCondition[] }
  | { readonly type: 'compare'; readonly operator: ComparisonOperator; readonly value: Value };

export type DelimitedSlot =
  /** `...`: any number of fields, including none. */
  | { readonly type: 'ellipsis' }
  /** A field, named (`status_code`) or unnamed (an empty slot such as the one after a trailing comma). */
  | { readonly type: 'field'; readonly name: string; readonly condition: FieldCondition | null };

export interface DelimitedPattern {
  readonly kind: 'delimited';
  readonly source: string;
  readonly slots: readonly DelimitedSlot[];
}

export type FilterPattern = AllPattern | TermsPattern | JsonPattern | DelimitedPattern;
