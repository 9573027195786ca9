import { describe, expect, it } from 'vitest';
import type { AlarmHistoryItem, AlarmState } from '../../../../shared/contract';
import { breachWindow, stateChanges, stateStretches } from './stateHistory';

function update(timestamp: number, from: AlarmState, to: AlarmState): AlarmHistoryItem {
  return {
    alarmName: 'api-latency',
    alarmType: 'MetricAlarm',
    timestamp,
    type: 'StateUpdate',
    summary: `Alarm updated from ${from} to ${to}`,
    data: JSON.stringify({ version: '1.0', oldState: { stateValue: from, stateReason: 'x' }, newState: { stateValue: to, stateReason: 'y' } }),
  };
}

const history: AlarmHistoryItem[] = [
  update(300, 'ALARM', 'OK'),
  { alarmName: 'api-latency', alarmType: 'MetricAlarm', timestamp: 250, type: 'Action', summary: 'Successfully executed action arn:aws:sns:us-east-1:1:ops', data: '{}' },
  update(200, 'OK', 'ALARM'),
  update(100, 'INSUFFICIENT_DATA', 'OK'),
  { alarmName: 'api-latency', alarmType: 'MetricAlarm', timestamp: 150, type: 'StateUpdate', summary: 'broken', data: 'not json' },
];

describe('stateChanges', () => {
  it('reads StateUpdate items oldest first and skips the rest', () => {
    expect(stateChanges(history)).toEqual([
      { timestamp: 100, from: 'INSUFFICIENT_DATA', to: 'OK' },
      { timestamp: 200, from: 'OK', to: 'ALARM' },
      { timestamp: 300, from: 'ALARM', to: 'OK' },
    ]);
  });
});

describe('stateStretches', () => {
  const changes = stateChanges(history);

  it('covers the range, starting in the old state of the first change', () => {
    expect(stateStretches(changes, 'OK', 0, 400)).toEqual([
      { start: 0, end: 100, state: 'INSUFFICIENT_DATA' },
      { start: 100, end: 200, state: 'OK' },
      { start: 200, end: 300, state: 'ALARM' },
      { start: 300, end: 400, state: 'OK' },
    ]);
  });

  it('starts in the state of the last change before the range and stops at changes after it', () => {
    expect(stateStretches(changes, 'OK', 150, 250)).toEqual([
      { start: 150, end: 200, state: 'OK' },
      { start: 200, end: 250, state: 'ALARM' },
    ]);
  });

  it('trusts the alarm’s state of now after the last change, and with no history at all', () => {
    expect(stateStretches(changes, 'ALARM', 250, 400)).toEqual([
      { start: 250, end: 300, state: 'ALARM' },
      { start: 300, end: 400, state: 'ALARM' },
    ]);
    expect(stateStretches([], 'INSUFFICIENT_DATA', 0, 10)).toEqual([{ start: 0, end: 10, state: 'INSUFFICIENT_DATA' }]);
  });
});

describe('breachWindow', () => {
  it('runs from the evaluation range before the last ALARM until the alarm left it', () => {
    expect(breachWindow(stateChanges(history), { state: 'OK', stateUpdatedAt: 300 }, 50, 1000)).toEqual({ start: 150, end: 300 });
  });

  it('runs until now while the alarm is still in ALARM, from its transition when the history is gone', () => {
    expect(breachWindow([], { state: 'ALARM', stateTransitionedAt: 900, stateUpdatedAt: 950 }, 100, 1000)).toEqual({ start: 800, end: 1000 });
  });

  it('has none for an alarm that never fired', () => {
    expect(breachWindow([], { state: 'OK', stateUpdatedAt: 1 }, 100, 1000)).toBeUndefined();
  });
});
