import { describe, expect, it } from 'vitest';
import { appShortcuts, ariaShortcut, shortcutFor, shortcutLabel, type KeyPress } from './shortcuts';

function press(key: string, extra: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, altKey: false, shiftKey: false, inTextField: false, ...extra };
}

describe('shortcutFor', () => {
  it('switches views with Ctrl+digit, or Cmd+digit on macOS', () => {
    expect(shortcutFor(press('1', { ctrlKey: true }), false)).toEqual({ type: 'showView', index: 0 });
    expect(shortcutFor(press('6', { ctrlKey: true, inTextField: true }), false)).toEqual({ type: 'showView', index: 5 });
    expect(shortcutFor(press('2', { metaKey: true }), true)).toEqual({ type: 'showView', index: 1 });
    expect(shortcutFor(press('2', { metaKey: true }), false)).toBeUndefined();
    expect(shortcutFor(press('2', { ctrlKey: true }), true)).toBeUndefined();
    expect(shortcutFor(press('0', { ctrlKey: true }), false)).toBeUndefined();
  });

  it('focuses search with Ctrl/Cmd+F anywhere, and with "/" outside text fields', () => {
    expect(shortcutFor(press('f', { ctrlKey: true }), false)).toEqual({ type: 'focusSearch' });
    expect(shortcutFor(press('F', { metaKey: true }), true)).toEqual({ type: 'focusSearch' });
    expect(shortcutFor(press('/'), false)).toEqual({ type: 'focusSearch' });
    expect(shortcutFor(press('/', { inTextField: true }), false)).toBeUndefined();
  });

  it('goes back with Alt+Left, and Backspace outside text fields', () => {
    expect(shortcutFor(press('ArrowLeft', { altKey: true }), false)).toEqual({ type: 'back' });
    expect(shortcutFor(press('ArrowLeft', { altKey: true, inTextField: true }), true)).toEqual({ type: 'back' });
    expect(shortcutFor(press('Backspace'), false)).toEqual({ type: 'back' });
    expect(shortcutFor(press('Backspace', { inTextField: true }), false)).toBeUndefined();
    expect(shortcutFor(press('ArrowLeft'), false)).toBeUndefined();
  });

  it('leaves ordinary typing alone', () => {
    expect(shortcutFor(press('a'), false)).toBeUndefined();
    expect(shortcutFor(press('1'), false)).toBeUndefined();
    expect(shortcutFor(press('1', { ctrlKey: true, shiftKey: true }), false)).toBeUndefined();
  });
});

describe('labels', () => {
  it('names the modifier of the platform', () => {
    expect(shortcutLabel('1', false)).toBe('Ctrl+1');
    expect(shortcutLabel('1', true)).toBe('⌘1');
    expect(ariaShortcut('1', false)).toBe('Control+1');
    expect(ariaShortcut('1', true)).toBe('Meta+1');
  });
});

describe('the shortcuts help', () => {
  it('opens with ? outside text fields', () => {
    expect(shortcutFor(press('?', { shiftKey: true }), false)).toEqual({ type: 'showHelp' });
    expect(shortcutFor(press('?', { shiftKey: true, inTextField: true }), false)).toBeUndefined();
  });

  it('lists a shortcut per view, in navigation order, and the ones that work anywhere', () => {
    const listed = appShortcuts([{ title: 'Logs' }, { title: 'Insights' }], true);
    expect(listed.slice(0, 2)).toEqual([
      { group: 'Views', keys: ['⌘', '1'], description: 'Logs' },
      { group: 'Views', keys: ['⌘', '2'], description: 'Insights' },
    ]);
    expect(listed.some((shortcut) => shortcut.keys.join('') === '?')).toBe(true);
  });
});
