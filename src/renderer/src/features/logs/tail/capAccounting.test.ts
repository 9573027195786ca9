import { describe, expect, it } from 'vitest';
import { capPlan } from './capAccounting';

describe('capPlan', () => {
  it('leaves everything alone up to the cap', () => {
    expect(capPlan(0, 0, 100)).toEqual({ tableKeeps: undefined, bufferDrops: 0 });
    expect(capPlan(60, 40, 100)).toEqual({ tableKeeps: undefined, bufferDrops: 0 });
  });

  it('drops the table’s oldest first, as waiting events are newer', () => {
    expect(capPlan(100, 0, 100)).toEqual({ tableKeeps: undefined, bufferDrops: 0 });
    expect(capPlan(101, 0, 100)).toEqual({ tableKeeps: 100, bufferDrops: 0 });
    expect(capPlan(90, 30, 100)).toEqual({ tableKeeps: 70, bufferDrops: 0 });
  });

  it('empties the table and then drops waiting events when more are waiting than fit', () => {
    expect(capPlan(90, 100, 100)).toEqual({ tableKeeps: 0, bufferDrops: 0 });
    expect(capPlan(90, 130, 100)).toEqual({ tableKeeps: 0, bufferDrops: 30 });
    expect(capPlan(0, 130, 100)).toEqual({ tableKeeps: 0, bufferDrops: 30 });
  });
});
