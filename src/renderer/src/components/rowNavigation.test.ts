import { describe, expect, it } from 'vitest';
import { targetRow } from './rowNavigation';

describe('targetRow', () => {
  it('moves one row with the arrows, stopping at the ends', () => {
    expect(targetRow('ArrowDown', 0, 3, 10)).toBe(1);
    expect(targetRow('ArrowDown', 2, 3, 10)).toBe(2);
    expect(targetRow('ArrowUp', 1, 3, 10)).toBe(0);
    expect(targetRow('ArrowUp', 0, 3, 10)).toBe(0);
  });

  it('moves a page at a time and jumps to the ends', () => {
    expect(targetRow('PageDown', 5, 100, 20)).toBe(25);
    expect(targetRow('PageDown', 95, 100, 20)).toBe(99);
    expect(targetRow('PageUp', 5, 100, 20)).toBe(0);
    expect(targetRow('Home', 50, 100, 20)).toBe(0);
    expect(targetRow('End', 0, 100, 20)).toBe(99);
  });

  it('recovers when the current row is out of range (the list shrank)', () => {
    expect(targetRow('ArrowDown', 40, 3, 10)).toBe(2);
    expect(targetRow('ArrowUp', -1, 3, 10)).toBe(0);
  });

  it('ignores other keys and empty lists', () => {
    expect(targetRow('Enter', 0, 3, 10)).toBeUndefined();
    expect(targetRow('a', 0, 3, 10)).toBeUndefined();
    expect(targetRow('ArrowDown', 0, 0, 10)).toBeUndefined();
  });
});
