import { describe, expect, it } from 'vitest';
import { parseLinkedGroups, withLink } from './linkedGroups';

describe('parseLinkedGroups', () => {
  it('reads what was stored and drops what does not read', () => {
    const raw = JSON.stringify({ 'api-5xx': { logGroupName: '/aws/lambda/api', filterPattern: 'ERROR' }, old: { logGroupName: '/g' }, broken: { filterPattern: 'x' }, worse: 3 });
    expect(parseLinkedGroups(raw)).toEqual({ 'api-5xx': { logGroupName: '/aws/lambda/api', filterPattern: 'ERROR' }, old: { logGroupName: '/g', filterPattern: '' } });
  });

  it('starts empty from nothing or garbage', () => {
    expect(parseLinkedGroups(null)).toEqual({});
    expect(parseLinkedGroups('{oops')).toEqual({});
    expect(parseLinkedGroups('[1,2]')).toEqual({});
  });
});

describe('withLink', () => {
  it('links, relinks and unlinks one alarm, leaving the others', () => {
    const one = withLink({}, 'a', { logGroupName: '/g1', filterPattern: '' });
    const two = withLink(one, 'b', { logGroupName: '/g2', filterPattern: 'ERROR' });
    expect(withLink(two, 'a', { logGroupName: '/g3', filterPattern: '' })).toEqual({ a: { logGroupName: '/g3', filterPattern: '' }, b: { logGroupName: '/g2', filterPattern: 'ERROR' } });
    expect(withLink(two, 'a', undefined)).toEqual({ b: { logGroupName: '/g2', filterPattern: 'ERROR' } });
  });
});
