import { describe, expect, it } from 'vitest';
import { alarmHash, editAlarmHash, newAlarmHash } from '../../app/links/alarms';
import { BLANK_ALARM, pageOf } from './alarmsRoute';

function parametersOf(hash: string): URLSearchParams {
  return new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
}

describe('pageOf', () => {
  it('reads what the links write', () => {
    expect(pageOf(parametersOf(alarmHash('api 5xx / prod')))).toEqual({ kind: 'alarm', name: 'api 5xx / prod' });
    expect(pageOf(parametersOf(editAlarmHash('api-5xx')))).toEqual({ kind: 'edit', name: 'api-5xx' });
    const link = { metric: { namespace: 'AWS/Lambda', metricName: 'Errors', dimensions: [] }, stat: 'Sum', period: 60 };
    expect(pageOf(parametersOf(newAlarmHash(link)))).toEqual({ kind: 'new', link });
    expect(pageOf(parametersOf(newAlarmHash(BLANK_ALARM)))).toEqual({ kind: 'new', link: BLANK_ALARM });
  });

  it('shows the list for no parameters, and says when a new alarm’s link does not read', () => {
    expect(pageOf(new URLSearchParams())).toEqual({ kind: 'list' });
    expect(pageOf(new URLSearchParams({ new: '{"metric":3}' }))).toEqual({ kind: 'badLink', text: '{"metric":3}' });
    expect(pageOf(new URLSearchParams({ new: 'oops' }))).toEqual({ kind: 'badLink', text: 'oops' });
  });
});
