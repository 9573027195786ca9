import { describe, expect, it } from 'vitest';
import { lastDuration } from '../../../../shared/time-range';
import { whoChangedHash } from '../../app/links/trail';
import { DEFAULT_LOOKUP, fromParameters, lookupProblem, requestOf, saveNameOf, toParameters, type LookupState } from './lookupState';

const NOW = Date.UTC(2026, 10, 30, 12, 0, 0);
const DAY = 86_400_000;

describe('requestOf', () => {
  it('sends one attribute to AWS and gives the rest, the read/write choice included, to main', () => {
    const state: LookupState = {
      attribute: { key: 'Username', value: 'priya' },
      also: [{ key: 'EventSource', value: 'ecs.amazonaws.com' }],
      readOnly: 'writes',
      range: lastDuration(DAY),
    };
    expect(requestOf(state, NOW)).toEqual({
      attribute: { key: 'Username', value: 'priya' },
      localAttributes: [
        { key: 'ReadOnly', value: 'false' },
        { key: 'EventSource', value: 'ecs.amazonaws.com' },
      ],
      startTime: NOW - DAY,
      endTime: NOW,
    });
  });

  it('sends the read/write choice, or a preset’s attribute, when nothing else goes to AWS', () => {
    expect(requestOf({ ...DEFAULT_LOOKUP, readOnly: 'reads' }, NOW).attribute).toEqual({ key: 'ReadOnly', value: 'true' });
    expect(requestOf({ ...DEFAULT_LOOKUP, preset: 'root', readOnly: 'writes' }, NOW)).toMatchObject({
      attribute: { key: 'Username', value: 'root' },
      localAttributes: [{ key: 'ReadOnly', value: 'false' }],
    });
  });
});

describe('lookupProblem', () => {
  it('refuses more than 90 days, a range older than event history, an empty value and two attributes for AWS', () => {
    expect(lookupProblem({ ...DEFAULT_LOOKUP, range: lastDuration(91 * DAY) }, NOW)).toMatch(/at most 90 days/);
    expect(lookupProblem({ ...DEFAULT_LOOKUP, range: lastDuration(90 * DAY) }, NOW)).toBeUndefined();
    expect(lookupProblem({ ...DEFAULT_LOOKUP, range: { kind: 'absolute', start: NOW - 200 * DAY, end: NOW - 120 * DAY } }, NOW)).toMatch(/keeps only 90 days/);
    expect(lookupProblem({ ...DEFAULT_LOOKUP, attribute: { key: 'Username', value: ' ' } }, NOW)).toMatch(/Type a value for User name/);
    expect(lookupProblem({ ...DEFAULT_LOOKUP, preset: 'sign-ins', attribute: { key: 'Username', value: 'x' } }, NOW)).toMatch(/one attribute at a time/);
  });
});

describe('the hash', () => {
  it('round-trips a lookup', () => {
    const state: LookupState = {
      attribute: { key: 'ResourceName', value: '/a b&c' },
      also: [{ key: 'EventName', value: 'PutRetentionPolicy' }],
      readOnly: 'writes',
      preset: 'deletes',
      range: lastDuration(7 * DAY),
    };
    expect(fromParameters(toParameters(state), NOW)).toEqual({ state });
  });

  it('reads the links other views build, and refuses a second attribute for AWS in words', () => {
    const hash = whoChangedHash({ name: '/ecs/orders-service', type: 'AWS::Logs::LogGroup' });
    const parsed = fromParameters(new URLSearchParams(hash.slice(hash.indexOf('?') + 1)), NOW);
    expect(parsed?.state).toEqual({
      attribute: { key: 'ResourceName', value: '/ecs/orders-service' },
      also: [{ key: 'ResourceType', value: 'AWS::Logs::LogGroup' }],
      readOnly: 'writes',
      range: lastDuration(90 * DAY),
    });
    const two = fromParameters(new URLSearchParams('attribute=Username&value=a&attribute=EventName&value=b'), NOW);
    expect(two?.refused).toMatch(/one attribute at a time.*Event name/);
    expect(two?.extra).toEqual([{ key: 'EventName', value: 'b' }]);
    expect(two?.state.attribute).toEqual({ key: 'Username', value: 'a' });
    expect(fromParameters(new URLSearchParams(''), NOW)).toBeUndefined();
  });

  it('names saved files after what was looked up', () => {
    expect(saveNameOf({ ...DEFAULT_LOOKUP, attribute: { key: 'ResourceName', value: '/ecs/orders-service' } }, NOW)).toBe('cloudtrail-ecs-orders-service-2026-11-30');
    expect(saveNameOf(DEFAULT_LOOKUP, NOW)).toBe('cloudtrail-events-2026-11-30');
  });
});
