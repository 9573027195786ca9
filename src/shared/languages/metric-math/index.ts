/**
 * CloudWatch metric math, the expressions of GetMetricData and of alarms on math: a parser that reports the
 * position of any mistake, a tokenizer for highlighting, the function catalog, and SEARCH's query language.
 */
export type { BinaryOperator, MathExpression } from './ast';
export { callsFunction, referencedIds } from './ast';
export type { MetricMathError } from './errors';
export { MATH_FUNCTIONS, MATH_KEYWORDS, QUERY_ID_MAX_LENGTH, QUERY_ID_PATTERN, queryIdError, type MathFunction } from './functions';
export { METRIC_EXPRESSION_MAX_LENGTH, parseMetricMath, type MetricMathParseResult } from './parse';
export { matchesSearch, parseSearchQuery, type SearchableMetric, type SearchQuery, type SearchSchema, type SearchTerm } from './search-query';
export { stringValue, tokenizeMetricMath, type MathToken, type MathTokenKind } from './tokenize';
