import { describe, expect, it } from 'vitest';
import type { TrailEvent } from '../../../../shared/contract';
import { presetOf, PRESETS } from './presets';

function event(fields: Partial<TrailEvent>): TrailEvent {
  return { eventId: 'e', eventTime: 0, eventName: 'DescribeThings', eventSource: 's', resources: [], record: '{}', ...fields };
}

describe('investigation presets', () => {
  it('each has an id, words for what it checks, and something for AWS or the app to go by', () => {
    expect(new Set(PRESETS.map((preset) => preset.id)).size).toBe(PRESETS.length);
    for (const preset of PRESETS) expect(preset.attribute !== undefined || preset.check !== undefined, preset.id).toBe(true);
    expect(presetOf('nope')).toBeUndefined();
  });

  it('keeps denied calls, security-group changes and deletes', () => {
    const denied = presetOf('denied')?.check?.test;
    expect(denied?.(event({ errorCode: 'AccessDenied' }))).toBe(true);
    // As CloudWatch Logs names it, and as the sandbox records the user's own denied writes.
    expect(denied?.(event({ errorCode: 'AccessDeniedException' }))).toBe(true);
    expect(denied?.(event({ errorCode: 'Client.UnauthorizedOperation' }))).toBe(true);
    expect(denied?.(event({ errorCode: 'ResourceNotFoundException' }))).toBe(false);
    expect(denied?.(event({}))).toBe(false);

    const securityGroups = presetOf('security-groups')?.check?.test;
    expect(securityGroups?.(event({ eventName: 'AuthorizeSecurityGroupIngress' }))).toBe(true);
    expect(securityGroups?.(event({ eventName: 'RevokeSecurityGroupEgress' }))).toBe(true);
    expect(securityGroups?.(event({ eventName: 'DescribeSecurityGroups' }))).toBe(false);

    const deletes = presetOf('deletes')?.check?.test;
    expect(deletes?.(event({ eventName: 'DeleteLogGroup' }))).toBe(true);
    expect(deletes?.(event({ eventName: 'CreateLogGroup' }))).toBe(false);
    expect(presetOf('deletes')?.attribute).toEqual({ key: 'ReadOnly', value: 'false' });
  });
});
