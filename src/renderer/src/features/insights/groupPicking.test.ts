import { describe, expect, it } from 'vitest';
import { addGroups, suggestions, withPrefix } from './groupPicking';

const names = ['/aws/lambda/orders', '/aws/lambda/payments', '/app/orders-api', '/nginx/access'];

describe('group picking', () => {
  it('suggests names that start with the text first, then names containing it, without the chosen ones', () => {
    expect(suggestions(names, 'ORDERS', [])).toEqual(['/aws/lambda/orders', '/app/orders-api']);
    expect(suggestions(names, '/a', ['/aws/lambda/orders'])).toEqual(['/aws/lambda/payments', '/app/orders-api', '/nginx/access']);
    expect(suggestions(names, ' ', [])).toEqual([]);
  });

  it('selects every group with a prefix', () => {
    expect(withPrefix(names, '/aws/lambda/', ['/aws/lambda/payments'])).toEqual(['/aws/lambda/orders']);
    expect(withPrefix(names, '', [])).toEqual([]);
  });

  it('adds up to the per-query limit and says how many did not fit', () => {
    expect(addGroups(['a'], ['b', 'a', 'c', 'd'], 3)).toEqual({ groups: ['a', 'b', 'c'], leftOut: 1 });
  });
});
