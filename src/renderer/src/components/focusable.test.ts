import { describe, expect, it } from 'vitest';
import { trapTarget } from './focusable';

describe('trapTarget', () => {
  it('wraps from the last element to the first and back', () => {
    expect(trapTarget(2, 3, false)).toBe(0);
    expect(trapTarget(0, 3, true)).toBe(2);
  });

  it('lets the browser move focus inside the list', () => {
    expect(trapTarget(0, 3, false)).toBeUndefined();
    expect(trapTarget(2, 3, true)).toBeUndefined();
  });

  it('brings focus that escaped back in, and does nothing without elements', () => {
    expect(trapTarget(-1, 3, false)).toBe(0);
    expect(trapTarget(-1, 3, true)).toBe(2);
    expect(trapTarget(-1, 0, false)).toBeUndefined();
  });
});
