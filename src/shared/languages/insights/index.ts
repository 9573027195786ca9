/**
 * The CloudWatch Logs Insights query language, shared by the app's editor and the sandbox's engine: a
 * parser that reports the position of any mistake, a tokenizer for highlighting, and catalogues of
 * commands and functions for completion.
 */
export type {
  ArithmeticOperator,
  CallExpression,
  Command,
  CommandKind,
  ComparisonOperator,
  Expression,
  FieldExpression,
  InExpression,
  InsightsParseResult,
  InsightsQuery,
  InsightsQueryError,
  MatchExpression,
  NamedExpression,
  ParsePattern,
  SortKey,
  Span,
  TextPattern,
} from './ast';
export { parseInsightsQuery, visit } from './parse';
export { tokenizeInsightsQuery, type InsightsToken, type InsightsTokenKind } from './tokenize';
export {
  INSIGHTS_COMMANDS,
  INSIGHTS_FUNCTIONS,
  INSIGHTS_KEYWORDS,
  insightsFunction,
  isAggregateFunction,
  type InsightsCommandInfo,
  type InsightsFunctionInfo,
  type InsightsFunctionKind,
} from './catalogue';
export { calendarMonths, fixedMilliseconds, type Duration, type DurationUnit } from './duration';
export { displayedFields } from './fields';
export * from './limits';
