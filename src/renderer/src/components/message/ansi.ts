/**
 * ANSI "select graphic rendition" (SGR) escape codes, `ESC [ … m`, as terminals apply them: colours
 * (the 16 basic ones, the 256-colour palette, 24-bit), bold, dim, italic, underline, strikethrough,
 * inverse, and their resets. Only SGR is interpreted; every other escape sequence is shown, never run.
 */

export type AnsiColor =
  /** 0–255: the 16 theme colours (0–15), the 6×6×6 cube (16–231) and the grey ramp (232–255). */
  | { readonly palette: number }
  | { readonly rgb: readonly [number, number, number] };

export interface AnsiStyle {
  readonly fg?: AnsiColor;
  readonly bg?: AnsiColor;
  readonly bold?: boolean;
  readonly dim?: boolean;
  readonly italic?: boolean;
  readonly underline?: boolean;
  readonly strike?: boolean;
  readonly inverse?: boolean;
}

export const PLAIN: AnsiStyle = {};

/** `ESC [`, parameter bytes, intermediate bytes, a final byte (ECMA-48). */
const CSI = /\x1b\[([0-?]*)([ -/]*)([@-~])/y;

export interface CsiSequence {
  /** The whole sequence's length, ESC included. */
  readonly length: number;
  /** The new style if it is SGR, else undefined (the sequence is not one to interpret). */
  readonly style: AnsiStyle | undefined;
}

/** Reads the control sequence at `at` (where an ESC is), or undefined when there is no complete one. */
export function readCsi(text: string, at: number, current: AnsiStyle): CsiSequence | undefined {
  CSI.lastIndex = at;
  const match = CSI.exec(text);
  if (match === null) return undefined;
  const [whole, params = '', intermediates = '', final] = match;
  const isSgr = final === 'm' && intermediates === '' && /^[\d;:]*$/.test(params);
  return { length: whole.length, style: isSgr ? applySgr(current, params) : undefined };
}

/** The style after the SGR parameters `params` (e.g. "1;38;5;208") are applied to `style`. */
export function applySgr(style: AnsiStyle, params: string): AnsiStyle {
  const codes = params.split(';');
  let next: { -readonly [K in keyof AnsiStyle]: AnsiStyle[K] } = { ...style };
  for (let i = 0; i < codes.length; i++) {
    const parts = codes[i]!.split(':');
    const code = parts[0] === '' ? 0 : Number(parts[0]);
    if (code === 38 || code === 48) {
      // Either colon sub-parameters in this one code (38:5:208, 38:2::r:g:b) or the next codes (38;5;208).
      const rest = parts.length > 1 ? parts.slice(1) : codes.slice(i + 1);
      const { color, used } = extendedColor(rest, parts.length > 1);
      if (parts.length === 1) i += used;
      if (color) next[code === 38 ? 'fg' : 'bg'] = color;
      continue;
    }
    switch (true) {
      case code === 0:
        next = {};
        break;
      case code === 1:
        next.bold = true;
        break;
      case code === 2:
        next.dim = true;
        break;
      case code === 3:
        next.italic = true;
        break;
      case code === 4 || code === 21:
        next.underline = true;
        break;
      case code === 7:
        next.inverse = true;
        break;
      case code === 9:
        next.strike = true;
        break;
      case code === 22:
        next.bold = undefined;
        next.dim = undefined;
        break;
      case code === 23:
        next.italic = undefined;
        break;
      case code === 24:
        next.underline = undefined;
        break;
      case code === 27:
        next.inverse = undefined;
        break;
      case code === 29:
        next.strike = undefined;
        break;
      case code >= 30 && code <= 37:
        next.fg = { palette: code - 30 };
        break;
      case code === 39:
        next.fg = undefined;
        break;
      case code >= 40 && code <= 47:
        next.bg = { palette: code - 40 };
        break;
      case code === 49:
        next.bg = undefined;
        break;
      case code >= 90 && code <= 97:
        next.fg = { palette: code - 90 + 8 };
        break;
      case code >= 100 && code <= 107:
        next.bg = { palette: code - 100 + 8 };
        break;
      // Other codes (blink, fonts, overline…) change nothing we draw.
    }
  }
  return compact(next);
}

/** `5;n` or `2;r;g;b` (with colons, `2` may be followed by an empty colour-space id). */
function extendedColor(parts: readonly string[], colonForm: boolean): { color: AnsiColor | undefined; used: number } {
  const kind = parts[0];
  if (kind === '5') {
    const index = Number(parts[1]);
    return { color: Number.isInteger(index) && index >= 0 && index <= 255 ? { palette: index } : undefined, used: 2 };
  }
  if (kind === '2') {
    const values = colonForm && parts.length >= 5 ? parts.slice(2, 5) : parts.slice(1, 4);
    const rgb = values.map(Number);
    const valid = rgb.length === 3 && rgb.every((value) => Number.isInteger(value) && value >= 0 && value <= 255);
    return { color: valid ? { rgb: rgb as [number, number, number] } : undefined, used: 4 };
  }
  return { color: undefined, used: 1 };
}

function compact(style: AnsiStyle): AnsiStyle {
  const entries = Object.entries(style).filter(([, value]) => value !== undefined);
  return entries.length === 0 ? PLAIN : (Object.fromEntries(entries) as AnsiStyle);
}

/** A colour as CSS: the 16 theme colours as variables (they differ between light and dark), the rest computed. */
export function cssColor(color: AnsiColor): string {
  if ('rgb' in color) return `rgb(${color.rgb[0]} ${color.rgb[1]} ${color.rgb[2]})`;
  const index = color.palette;
  if (index < 16) return `var(--ansi-${index})`;
  if (index >= 232) {
    const level = 8 + (index - 232) * 10;
    return `rgb(${level} ${level} ${level})`;
  }
  const cube = index - 16;
  const level = (step: number) => (step === 0 ? 0 : 55 + step * 40);
  return `rgb(${level(Math.floor(cube / 36))} ${level(Math.floor(cube / 6) % 6)} ${level(cube % 6)})`;
}

export function sameStyle(a: AnsiStyle, b: AnsiStyle): boolean {
  if (a === b) return true;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof AnsiStyle>;
  for (const key of keys) {
    const left = a[key];
    const right = b[key];
    if (typeof left === 'object' || typeof right === 'object') {
      if (JSON.stringify(left) !== JSON.stringify(right)) return false;
    } else if (left !== right) return false;
  }
  return true;
}
