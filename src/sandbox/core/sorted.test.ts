import { describe, expect, it } from 'vitest';
import { partitionPoint, SortedNames } from './sorted';

describe('partitionPoint', () => {
  it('finds the first item for which the predicate fails', () => {
    const items = [1, 3, 3, 5, 8];
    expect(partitionPoint(items, (n) => n < 3)).toBe(1);
    expect(partitionPoint(items, (n) => n <= 3)).toBe(3);
    expect(partitionPoint(items, (n) => n < 100)).toBe(5);
    expect(partitionPoint(items, () => false)).toBe(0);
    expect(partitionPoint([], () => true)).toBe(0);
  });

  it('searches only within [from, to)', () => {
    expect(partitionPoint([1, 2, 3, 4], (n) => n < 10, 1, 3)).toBe(3);
  });
});

describe('SortedNames', () => {
  it('keeps names in code-unit (ASCII) order as they are inserted and removed', () => {
    const names = new SortedNames();
    for (const name of ['b', '/aws/x', 'B', 'a', 'a-1', 'a/1']) names.insert(name);
    expect(names.view()).toEqual(['/aws/x', 'B', 'a', 'a-1', 'a/1', 'b']);
    names.remove('a-1');
    names.remove('missing');
    expect(names.view()).toEqual(['/aws/x', 'B', 'a', 'a/1', 'b']);
  });

  it('sorts a bulk insert once, then keeps order for single inserts', () => {
    const names = new SortedNames();
    names.insertMany(['z', 'm', 'a']);
    names.insert('n');
    expect(names.view()).toEqual(['a', 'm', 'n', 'z']);
    names.insert('b');
    expect(names.view()).toEqual(['a', 'b', 'm', 'n', 'z']);
  });

  it('finds positions before and after a name', () => {
    const names = new SortedNames();
    names.insertMany(['a', 'c', 'e']);
    expect(names.indexOf('c')).toBe(1);
    expect(names.indexAfter('c')).toBe(2);
    expect(names.indexOf('d')).toBe(2);
    expect(names.indexAfter('d')).toBe(2);
    expect(names.size).toBe(3);
  });
});
