import { describe, expect, it } from 'vitest';
import { groupShortcuts, isHelpKey, viewerShortcuts } from './shortcuts';

describe('groupShortcuts', () => {
  it('keeps groups and shortcuts in the order given', () => {
    const grouped = groupShortcuts([
      { group: 'B', keys: ['1'], description: 'one' },
      { group: 'A', keys: ['2'], description: 'two' },
      { group: 'B', keys: ['3'], description: 'three' },
    ]);
    expect(grouped.map(({ group, shortcuts }) => [group, shortcuts.map((shortcut) => shortcut.description)])).toEqual([
      ['B', ['one', 'three']],
      ['A', ['two']],
    ]);
  });
});

describe('isHelpKey', () => {
  const press = { key: '?', ctrlKey: false, metaKey: false, altKey: false, inTextField: false };

  it('opens the help on "?" outside text fields only', () => {
    expect(isHelpKey(press)).toBe(true);
    expect(isHelpKey({ ...press, inTextField: true })).toBe(false);
    expect(isHelpKey({ ...press, ctrlKey: true })).toBe(false);
    expect(isHelpKey({ ...press, key: '/' })).toBe(false);
  });
});

describe('viewerShortcuts', () => {
  it('writes the command key as the platform does', () => {
    const copy = viewerShortcuts('⌘').find((shortcut) => shortcut.description === 'Copy the selected events');
    expect(copy?.keys).toEqual(['⌘', 'C']);
  });
});
