/** The alarm evaluation engine: AWS CloudWatch's documented alarm rules, for the sandbox and the app's backtest. */
export { evaluateAlarm, evaluationEnd, INITIAL_STATE_REASON, type EvaluateOptions } from './evaluate';
export { alarmIntervals, backtest, type AlarmInterval, type BacktestOptions } from './backtest';
export { alarmConfigProblems } from './validate';
export { evaluationRangePeriods, minimumSamplesFor, isBandOperator, breaches } from './rules';
export { javaDouble, reasonDate, reasonDataDate } from './reason-format';
export * from './types';
export {
  ALARM_RULE_MAX_CHILDREN,
  ALARM_RULE_MAX_ELEMENTS,
  ALARM_RULE_MAX_LENGTH,
  alarmNameOfReference,
  alarmRuleReferences,
  awsAlarmRuleMessage,
  evaluateAlarmRule,
  parseAlarmRule,
  type AlarmRule,
  type AlarmRuleError,
  type AlarmRuleParseResult,
} from './composite-rule';
