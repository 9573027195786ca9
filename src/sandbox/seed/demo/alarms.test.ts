import { describe, expect, it } from 'vitest';
import { readMetricAlarm } from '../../services/cloudwatch/alarms/metric-alarm-input';
import type { StoredAlarm, StoredMetricAlarm } from '../../services/cloudwatch/alarms/model';
import { demoAlarms } from './alarms';
import { demoMetrics } from './metrics';
import { createScenario, type Region } from './scenario';

const NOW = Date.UTC(2026, 10, 21, 10, 17, 0);
const ACCOUNT = '123456789012';

function build(region: Region) {
  const s = createScenario(NOW);
  const seed = demoAlarms(s, region, demoMetrics(s, region));
  return { s, ...seed.alarms(ACCOUNT), topics: seed.topics(ACCOUNT) };
}

describe('demo alarms', () => {
  const us = build('us-east-1');
  const eu = build('eu-west-1');
  const metricAlarms = (list: readonly StoredAlarm[]) => list.filter((a): a is StoredMetricAlarm => a.type === 'MetricAlarm');
  const all = metricAlarms([...us.alarms, ...eu.alarms]);

  it('are alarms PutMetricAlarm would take, in every state, one with its actions muted', () => {
    for (const alarm of metricAlarms(us.alarms)) expect(() => readMetricAlarm(alarm.config, 'us-east-1'), alarm.config.AlarmName).not.toThrow();
    for (const alarm of metricAlarms(eu.alarms)) expect(() => readMetricAlarm(alarm.config, 'eu-west-1'), alarm.config.AlarmName).not.toThrow();
    const states = new Set(all.map((a) => a.state.value));
    expect([...states].sort()).toEqual(['ALARM', 'INSUFFICIENT_DATA', 'OK']);
    expect(all.filter((a) => !a.config.ActionsEnabled).map((a) => a.config.AlarmName)).toEqual(['fraud-score-duration-p90']);
    expect(all.some((a) => a.config.ExtendedStatistic === 'p99')).toBe(true);
    expect(all.some((a) => a.config.Metrics !== undefined)).toBe(true);
    expect(all.some((a) => (a.config.DatapointsToAlarm ?? a.config.EvaluationPeriods) < a.config.EvaluationPeriods)).toBe(true);
  });

  it('went to ALARM during the incident and back, as the backtest of the metrics says', () => {
    const { incident } = us.s;
    for (const name of ['orders-api-errors', 'public-api-5xx-rate', 'aurora-writer-connections', 'web-alb-target-5xx', 'checkout-outage']) {
      const updates = us.history.filter((i) => i.AlarmName === name && i.HistoryItemType === 'StateUpdate');
      const toAlarm = updates.find((i) => i.HistorySummary.endsWith('to ALARM'));
      expect(toAlarm, name).toBeDefined();
      expect(toAlarm!.timestamp, name).toBeGreaterThanOrEqual(incident.start);
      expect(toAlarm!.timestamp, name).toBeLessThan(incident.end + 10 * 60_000);
      const data = JSON.parse(toAlarm!.HistoryData) as { newState: { stateReason: string } };
      expect(data.newState.stateReason, name).toMatch(name === 'checkout-outage' ? /^arn:aws:cloudwatch:us-east-1:123456789012:alarm:.+ transitioned to ALARM at / : /^Threshold Crossed: /);
      expect(updates[updates.length - 1]!.HistorySummary, name).toBe('Alarm updated from ALARM to OK');
    }
  });

  it("keeps each alarm's state equal to its last history item, and the topics hold what the actions sent", () => {
    for (const alarm of us.alarms) {
      const updates = us.history.filter((i) => i.AlarmName === alarm.config.AlarmName && i.HistoryItemType === 'StateUpdate');
      const last = updates[updates.length - 1];
      if (last === undefined) expect(alarm.state.reason).toBe('Unchecked: Initial alarm creation');
      else expect(last.HistorySummary.endsWith(`to ${alarm.state.value}`)).toBe(true);
    }
    const oncall = us.topics.find((t) => t.name === 'tallybird-prod-oncall')!;
    const subjects = oncall.published.map((m) => m.subject);
    expect(subjects).toContain('ALARM: "orders-api-errors" in US East (N. Virginia)');
    expect(subjects).toContain('OK: "orders-api-errors" in US East (N. Virginia)');
    expect(subjects).toContain('ALARM: "checkout-outage" in US East (N. Virginia)');
    const actions = us.history.filter((i) => i.HistoryItemType === 'Action');
    expect(actions.length).toBe(us.topics.reduce((n, t) => n + t.published.length, 0));
    expect(actions.every((i) => i.HistorySummary.startsWith('Successfully executed action arn:aws:sns:us-east-1:123456789012:'))).toBe(true);
  });
});
