/**
 * CloudWatch Logs filter patterns, the syntax of FilterLogEvents, metric filters and subscription
 * filters: a parser that reports the position of any mistake, and a matcher.
 */
export type { FilterPatternError } from './errors';
export type {
  AllPattern,
  ComparisonOperator,
  DelimitedPattern,
  DelimitedSlot,
  FieldCondition,
  FilterPattern,
  JsonExpression,
  JsonPattern,
  JsonSelector,
  JsonTest,
  SelectorStep,
  TermsPattern,
  TextMatcher,
  Value,
  WildcardMode,
} from './ast';
export type { FilterRegex } from './regex';
export type { TextSpan } from './regex-spans';
export { parseFilterPattern, type FilterPatternParseResult } from './parse';
export { extractFields, matchesFilterPattern } from './match';
export { selectValues } from './json-selector';
export { highlightRanges, mergeSpans } from './highlight';
export {
  dimensionsProblem,
  metricPublisher,
  metricValueProblem,
  readFieldReference,
  type DimensionsProblem,
  type FieldReference,
  type Publication,
  type PublishedValueRules,
} from './metric-values';
