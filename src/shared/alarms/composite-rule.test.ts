import { describe, expect, it } from 'vitest';
import {
  ALARM_RULE_MAX_LENGTH,
  alarmNameOfReference,
  alarmRuleReferences,
  awsAlarmRuleMessage,
  evaluateAlarmRule,
  parseAlarmRule,
  type AlarmRule,
} from './composite-rule';
import type { AlarmState } from './types';

function parse(text: string): AlarmRule {
  const result = parseAlarmRule(text);
  if (!result.ok) throw new Error(result.error.message);
  return result.rule;
}

function errorOf(text: string): { message: string; start: number; end: number } {
  const result = parseAlarmRule(text);
  if (result.ok) throw new Error(`expected ${text} to be refused`);
  return result.error;
}

/** The tree as a compact s-expression, to check precedence. */
function show(rule: AlarmRule): string {
  switch (rule.kind) {
    case 'constant':
      return rule.value ? 'TRUE' : 'FALSE';
    case 'state':
      return `${rule.state}(${rule.alarm})`;
    case 'not':
      return `(NOT ${show(rule.operand)})`;
    case 'and':
    case 'or':
      return `(${rule.kind.toUpperCase()} ${rule.operands.map(show).join(' ')})`;
    case 'atLeast':
      return `(AT_LEAST ${rule.threshold}${rule.percent ? '%' : ''} ${rule.negated ? 'NOT ' : ''}${rule.state} ${rule.alarms.join(' ')})`;
  }
}

const states = (entries: Record<string, AlarmState>) => (alarm: string) => entries[alarm];

describe('parseAlarmRule: the documented examples', () => {
  // The API reference's and the user guide's examples, with the outcome each documents.
  it.each<[string, Record<string, AlarmState>, boolean]>([
    ['ALARM(CPUUtilizationTooHigh) AND ALARM(DiskReadOpsTooHigh)', { CPUUtilizationTooHigh: 'ALARM', DiskReadOpsTooHigh: 'ALARM' }, true],
    ['ALARM(CPUUtilizationTooHigh) AND ALARM(DiskReadOpsTooHigh)', { CPUUtilizationTooHigh: 'ALARM', DiskReadOpsTooHigh: 'OK' }, false],
    ['ALARM(CPUUtilizationTooHigh) AND NOT ALARM(DeploymentInProgress)', { CPUUtilizationTooHigh: 'ALARM', DeploymentInProgress: 'OK' }, true],
    ['ALARM(CPUUtilizationTooHigh) AND NOT ALARM(DeploymentInProgress)', { CPUUtilizationTooHigh: 'ALARM', DeploymentInProgress: 'ALARM' }, false],
    [
      '(ALARM(CPUUtilizationTooHigh) OR ALARM(DiskReadOpsTooHigh)) AND OK(NetworkOutTooHigh)',
      { CPUUtilizationTooHigh: 'OK', DiskReadOpsTooHigh: 'ALARM', NetworkOutTooHigh: 'OK' },
      true,
    ],
    [
      '(ALARM(CPUUtilizationTooHigh) OR ALARM(DiskReadOpsTooHigh)) AND OK(NetworkOutTooHigh)',
      { CPUUtilizationTooHigh: 'ALARM', DiskReadOpsTooHigh: 'ALARM', NetworkOutTooHigh: 'ALARM' },
      false,
    ],
    [
      '(ALARM("CPUUtilizationTooHigh") OR \nALARM("DiskReadOpsTooHigh")) AND \nOK("NetworkOutTooHigh")',
      { CPUUtilizationTooHigh: 'ALARM', DiskReadOpsTooHigh: 'OK', NetworkOutTooHigh: 'OK' },
      true,
    ],
    ['INSUFFICIENT_DATA("Queue depth")', { 'Queue depth': 'INSUFFICIENT_DATA' }, true],
    ['TRUE', {}, true],
    ['FALSE', {}, false],
    ['NOT FALSE', {}, true],
  ])('%s', (text, alarmStates, expected) => {
    expect(evaluateAlarmRule(parse(text), states(alarmStates))).toBe(expected);
  });
});

describe('parseAlarmRule: structure', () => {
  it.each([
    ['ALARM(a) OR ALARM(b) AND ALARM(c)', '(OR ALARM(a) (AND ALARM(b) ALARM(c)))'],
    ['ALARM(a) AND ALARM(b) OR ALARM(c)', '(OR (AND ALARM(a) ALARM(b)) ALARM(c))'],
    ['NOT ALARM(a) AND OK(b)', '(AND (NOT ALARM(a)) OK(b))'],
    ['NOT NOT TRUE', '(NOT (NOT TRUE))'],
    ['NOT (ALARM(a) OR OK(b))', '(NOT (OR ALARM(a) OK(b)))'],
    ['ALARM(a) OR OK(b) OR INSUFFICIENT_DATA(c)', '(OR ALARM(a) OK(b) INSUFFICIENT_DATA(c))'],
    ['((TRUE))', 'TRUE'],
    ['ALARM("a \\"quoted\\" name")', 'ALARM(a "quoted" name)'],
    ['ALARM("x (prod), eu")', 'ALARM(x (prod), eu)'],
    ['ALARM(arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high)', 'ALARM(arn:aws:cloudwatch:us-east-1:123456789012:alarm:cpu-high)'],
    ['AT_LEAST(2, ALARM, (a, b, c))', '(AT_LEAST 2 ALARM a b c)'],
    ['AT_LEAST(60%, NOT OK, ("a", b, "c"))', '(AT_LEAST 60% NOT OK a b c)'],
    ['ALARM(a) AND AT_LEAST(1, INSUFFICIENT_DATA, (b))', '(AND ALARM(a) (AT_LEAST 1 INSUFFICIENT_DATA b))'],
  ])('%s', (text, tree) => {
    expect(show(parse(text))).toBe(tree);
  });

  it('lists each referenced alarm once, in order, including those of AT_LEAST', () => {
    const rule = parse('ALARM(b) OR (OK("a") AND NOT ALARM(b)) OR AT_LEAST(1, OK, (c, a))');
    expect(alarmRuleReferences(rule)).toEqual(['b', 'a', 'c']);
    expect(alarmRuleReferences(parse('TRUE'))).toEqual([]);
  });

  it('names the alarm an ARN refers to', () => {
    expect(alarmNameOfReference('arn:aws:cloudwatch:eu-west-1:123456789012:alarm:Disk: full')).toBe('Disk: full');
    expect(alarmNameOfReference('cpu-high')).toBe('cpu-high');
  });
});

describe('evaluateAlarmRule', () => {
  it('treats an alarm it does not know as in no state', () => {
    const rule = parse('ALARM(gone) OR OK(gone) OR INSUFFICIENT_DATA(gone)');
    expect(evaluateAlarmRule(rule, () => undefined)).toBe(false);
    expect(evaluateAlarmRule(parse('NOT ALARM(gone)'), () => undefined)).toBe(true);
  });

  it.each<[string, Record<string, AlarmState>, boolean]>([
    ['AT_LEAST(2, ALARM, (a, b, c))', { a: 'ALARM', b: 'OK', c: 'ALARM' }, true],
    ['AT_LEAST(2, ALARM, (a, b, c))', { a: 'ALARM', b: 'OK', c: 'OK' }, false],
    ['AT_LEAST(50%, ALARM, (a, b, c, d))', { a: 'ALARM', b: 'ALARM', c: 'OK', d: 'OK' }, true],
    ['AT_LEAST(51%, ALARM, (a, b, c, d))', { a: 'ALARM', b: 'ALARM', c: 'OK', d: 'OK' }, false],
    ['AT_LEAST(60%, NOT OK, (a, b, c))', { a: 'ALARM', b: 'INSUFFICIENT_DATA', c: 'OK' }, true],
    ['AT_LEAST(3, NOT ALARM, (a, b, c))', { a: 'OK', b: 'OK', c: 'ALARM' }, false],
  ])('%s', (text, alarmStates, expected) => {
    expect(evaluateAlarmRule(parse(text), states(alarmStates))).toBe(expected);
  });
});

describe('parseAlarmRule: mistakes, with AWS wording and positions', () => {
  it.each<[string, string, number, number]>([
    // AWS: "Error in AlarmRule [Unsupported token ')' at char 1]" for "()" (aws/aws-cdk#34662).
    ['()', "Unsupported token ')' at char 1", 1, 2],
    // AWS: "Unsupported token 'Oldest' at char 67, must be: ')'" for an unquoted name with spaces (aws/aws-cdk#13953).
    ['ALARM(SampleQueue Oldest Age Alarm)', "Unsupported token 'Oldest' at char 18, must be: ')'", 18, 24],
    ['ALARM(a) AND', 'Unexpected end of the rule at char 12', 12, 12],
    ['ALARM(a) ALARM(b)', "Unsupported token 'ALARM' at char 9, must be: 'AND', 'OR'", 9, 14],
    ['ALARM(a))', "Unsupported token ')' at char 8", 8, 9],
    ['(ALARM(a)', "Unexpected end of the rule at char 9, must be: ')'", 9, 9],
    ['alarm(a)', "Unsupported token 'alarm' at char 0", 0, 5],
    ['ALARM()', "Unsupported token ')' at char 6, must be: 'alarm name or ARN'", 6, 7],
    ['ALARM("")', 'Empty alarm name at char 6', 6, 8],
    ['ALARM("open', "Unterminated quoted alarm name at char 6, must be: '\"'", 6, 11],
    ['CRITICAL(a)', "Unsupported token 'CRITICAL' at char 0", 0, 8],
    ['AT_LEAST(0, ALARM, (a))', 'AT_LEAST needs a whole count of at least 1', 9, 10],
    ['AT_LEAST(101%, ALARM, (a))', 'percentage from 1% to 100%', 9, 13],
    ['AT_LEAST(3, ALARM, (a, b))', 'AT_LEAST asks for 3 alarms but lists 2', 9, 26],
    ['AT_LEAST(1, CRITICAL, (a))', "Unsupported token 'CRITICAL' at char 12, must be: 'ALARM', 'OK', 'INSUFFICIENT_DATA'", 12, 20],
  ])('%s', (text, message, start, end) => {
    const error = errorOf(text);
    expect(error.message).toContain(message);
    expect([error.start, error.end]).toEqual([start, end]);
  });

  it('refuses an empty rule and says what it needs', () => {
    expect(errorOf('  ').message).toMatch(/empty/);
  });

  it('wraps the message as AWS does for the ValidationError', () => {
    expect(awsAlarmRuleMessage(errorOf('()'))).toBe("Error in AlarmRule [Unsupported token ')' at char 1]");
  });

  it('refuses more than 10,240 characters, pointing past the limit', () => {
    const text = `ALARM("${'x'.repeat(ALARM_RULE_MAX_LENGTH)}")`;
    const error = errorOf(text);
    expect(error.message).toMatch(/10240/);
    expect([error.start, error.end]).toEqual([ALARM_RULE_MAX_LENGTH, text.length]);
  });

  it('allows 100 children and refuses the 101st, pointing at it', () => {
    const names = Array.from({ length: 101 }, (_, i) => `a${i}`);
    expect(parseAlarmRule(names.slice(0, 100).map((n) => `ALARM(${n})`).join(' OR ')).ok).toBe(true);
    const text = names.map((n) => `ALARM(${n})`).join(' OR ');
    const error = errorOf(text);
    expect(error.message).toMatch(/101 alarms; at most 100/);
    expect(text.slice(error.start, error.end)).toBe('a100');
  });

  it('counts a repeated alarm as one child but each mention as an element, up to 500', () => {
    expect(parseAlarmRule(Array.from({ length: 500 }, () => 'ALARM(a)').join(' OR ')).ok).toBe(true);
    const error = errorOf(Array.from({ length: 250 }, () => '(TRUE)').join(' AND ') + ' AND TRUE');
    expect(error.message).toMatch(/more than 500 elements/);
  });
});
