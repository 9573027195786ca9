import { describe, expect, it } from 'vitest';
import { whoChangedHash } from './trail';

describe('whoChangedHash', () => {
  it('opens the writes to a resource over the whole of event history', () => {
    const hash = whoChangedHash({ name: '/aws/lambda/orders api', type: 'AWS::Logs::LogGroup' });
    expect(hash.startsWith('#/trail?')).toBe(true);
    const parameters = new URLSearchParams(hash.slice(hash.indexOf('?') + 1));
    expect(Object.fromEntries(parameters)).toEqual({
      attribute: 'ResourceName',
      value: '/aws/lambda/orders api',
      also: 'ResourceType=AWS::Logs::LogGroup',
      readOnly: 'false',
      range: '-90d',
    });
  });
});
