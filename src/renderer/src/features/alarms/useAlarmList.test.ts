import { QueryClient } from '@tanstack/react-query';
import { describe, expect, it } from 'vitest';
import type { ScopeKey } from '../../api/queryKeys';
import { alarmsKeys } from './alarmsKeys';
import { metricAlarm } from './testAlarms';
import { addListedAlarm, applyAlarmChanges, updateListedAlarm, type AlarmList } from './useAlarmList';

const scope: ScopeKey = ['scoped', 'demo', 'us-east-1'];

function lists(): QueryClient {
  const client = new QueryClient();
  client.setQueryData<AlarmList>(alarmsKeys.list(scope, ''), { alarms: [metricAlarm({ name: 'api-latency' })], pages: 1, throttled: 0 });
  client.setQueryData<AlarmList>(alarmsKeys.list(scope, 'db-'), { alarms: [], pages: 1, throttled: 0 });
  return client;
}

function names(client: QueryClient, prefix: string): string[] {
  return client.getQueryData<AlarmList>(alarmsKeys.list(scope, prefix))?.alarms.map((alarm) => `${alarm.name}:${alarm.state}`) ?? [];
}

describe('the loaded lists after a change', () => {
  it('replaces a changed alarm in place and removes a deleted one', () => {
    const client = lists();
    updateListedAlarm(client, scope, 'api-latency', metricAlarm({ name: 'api-latency', state: 'ALARM' }));
    expect(names(client, '')).toEqual(['api-latency:ALARM']);
    updateListedAlarm(client, scope, 'api-latency', undefined);
    expect(names(client, '')).toEqual([]);
  });

  it('adds a new alarm to the lists whose prefix it has, and says whether it was listed already', () => {
    const client = lists();
    expect(addListedAlarm(client, scope, metricAlarm({ name: 'db-connections' }))).toBe(false);
    expect(names(client, '')).toEqual(['api-latency:OK', 'db-connections:OK']);
    expect(names(client, 'db-')).toEqual(['db-connections:OK']);
    expect(addListedAlarm(client, scope, metricAlarm({ name: 'api-latency' }))).toBe(true);
    expect(names(client, 'db-')).toEqual(['db-connections:OK']);
  });
});

describe('the loaded lists after a check for changes', () => {
  it('replaces changed alarms, adds new ones where their prefix fits, and removes deleted ones', () => {
    const client = lists();
    applyAlarmChanges(client, scope, {
      alarms: [metricAlarm({ name: 'api-latency', state: 'ALARM' }), metricAlarm({ name: 'db-connections', state: 'INSUFFICIENT_DATA' })],
      removed: ['gone'],
      tooMany: false,
      until: 1,
    });
    expect(names(client, '')).toEqual(['api-latency:ALARM', 'db-connections:INSUFFICIENT_DATA']);
    expect(names(client, 'db-')).toEqual(['db-connections:INSUFFICIENT_DATA']);

    applyAlarmChanges(client, scope, { alarms: [], removed: ['db-connections'], tooMany: false, until: 2 });
    expect(names(client, '')).toEqual(['api-latency:ALARM']);
    expect(names(client, 'db-')).toEqual([]);
  });

  it('lists everything again when too many changed', () => {
    const client = lists();
    applyAlarmChanges(client, scope, { alarms: [], removed: [], tooMany: true, until: 1 });
    expect(client.getQueryState(alarmsKeys.list(scope, ''))?.isInvalidated).toBe(true);
    expect(client.getQueryState(alarmsKeys.list(scope, 'db-'))?.isInvalidated).toBe(true);
    expect(names(client, '')).toEqual(['api-latency:OK']);
  });
});
