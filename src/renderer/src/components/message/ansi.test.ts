import { describe, expect, it } from 'vitest';
import { applySgr, cssColor, PLAIN, readCsi, sameStyle } from './ansi';

describe('applySgr', () => {
  it('sets and resets weights and decorations', () => {
    const styled = applySgr(PLAIN, '1;3;4;9');
    expect(styled).toEqual({ bold: true, italic: true, underline: true, strike: true });
    expect(applySgr(styled, '22;23;24;29')).toEqual(PLAIN);
    expect(applySgr(styled, '0')).toEqual(PLAIN);
    expect(applySgr(styled, '')).toEqual(PLAIN);
  });

  it('reads the 16 basic colours, foreground and background', () => {
    expect(applySgr(PLAIN, '31;42')).toEqual({ fg: { palette: 1 }, bg: { palette: 2 } });
    expect(applySgr(PLAIN, '97;104')).toEqual({ fg: { palette: 15 }, bg: { palette: 12 } });
    expect(applySgr({ fg: { palette: 1 }, bg: { palette: 2 } }, '39')).toEqual({ bg: { palette: 2 } });
  });

  it('reads 256-colour and 24-bit colours, with semicolons or colons', () => {
    expect(applySgr(PLAIN, '38;5;208')).toEqual({ fg: { palette: 208 } });
    expect(applySgr(PLAIN, '48;2;10;20;30;1')).toEqual({ bg: { rgb: [10, 20, 30] }, bold: true });
    expect(applySgr(PLAIN, '38:5:208')).toEqual({ fg: { palette: 208 } });
    expect(applySgr(PLAIN, '38:2::10:20:30')).toEqual({ fg: { rgb: [10, 20, 30] } });
  });

  it('ignores colours out of range and codes it does not draw', () => {
    expect(applySgr(PLAIN, '38;5;300')).toEqual(PLAIN);
    expect(applySgr(PLAIN, '38;2;1;2;999')).toEqual(PLAIN);
    expect(applySgr(PLAIN, '5;53')).toEqual(PLAIN);
  });
});

describe('readCsi', () => {
  it('interprets SGR sequences and only those', () => {
    expect(readCsi('\x1b[1;31mred', 0, PLAIN)).toEqual({ length: 7, style: { bold: true, fg: { palette: 1 } } });
    expect(readCsi('\x1b[2J', 0, PLAIN)).toEqual({ length: 4, style: undefined });
    expect(readCsi('\x1b[?25l', 0, PLAIN)).toEqual({ length: 6, style: undefined });
    expect(readCsi('\x1b]0;title\x07', 0, PLAIN)).toBeUndefined();
    expect(readCsi('\x1b[31', 0, PLAIN)).toBeUndefined();
  });
});

describe('cssColor', () => {
  it('uses theme variables for the basic colours and computes the rest', () => {
    expect(cssColor({ palette: 3 })).toBe('var(--ansi-3)');
    expect(cssColor({ palette: 16 })).toBe('rgb(0 0 0)');
    expect(cssColor({ palette: 196 })).toBe('rgb(255 0 0)');
    expect(cssColor({ palette: 231 })).toBe('rgb(255 255 255)');
    expect(cssColor({ palette: 232 })).toBe('rgb(8 8 8)');
    expect(cssColor({ palette: 255 })).toBe('rgb(238 238 238)');
    expect(cssColor({ rgb: [1, 2, 3] })).toBe('rgb(1 2 3)');
  });
});

describe('sameStyle', () => {
  it('compares colours by value', () => {
    expect(sameStyle({ fg: { palette: 1 } }, { fg: { palette: 1 } })).toBe(true);
    expect(sameStyle({ fg: { palette: 1 } }, { fg: { palette: 2 } })).toBe(false);
    expect(sameStyle({ bold: true }, PLAIN)).toBe(false);
  });
});
