import { describe, expect, it } from 'vitest';
import { linkedLogsKey, parseLinkedLogs } from './linkedLogs';

describe('linked log groups', () => {
  it('are kept per connection and region', () => {
    expect(linkedLogsKey('demo', 'eu-south-2')).toBe('cloudscope.alarms.linkedLogs.demo.eu-south-2');
  });

  it('read back what was written, and nothing from a broken or foreign value', () => {
    const stored = { 'api errors': { logGroupName: '/aws/lambda/api', pattern: '{ $.level = "ERROR" }', filterName: 'errors' }, broken: { pattern: 'x' } };
    expect(parseLinkedLogs(JSON.stringify(stored))).toEqual({ 'api errors': stored['api errors'] });
    expect(parseLinkedLogs('not json')).toEqual({});
    expect(parseLinkedLogs('[1]')).toEqual({});
    expect(parseLinkedLogs(null)).toEqual({});
  });
});
