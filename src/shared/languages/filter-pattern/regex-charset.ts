/**
 * Sets of characters for the regex engine. Filter pattern regexes may only name ASCII characters,
 * so a set is an exact table for the 128 ASCII code units plus one flag shared by every other code unit.
 */
export interface CharSet {
  readonly ascii: Uint8Array;
  readonly nonAscii: boolean;
}

export function charSet(has: (code: number) => boolean, nonAscii: boolean): CharSet {
  const ascii = new Uint8Array(128);
  for (let code = 0; code < 128; code++) ascii[code] = has(code) ? 1 : 0;
  return { ascii, nonAscii };
}

export function singleChar(code: number): CharSet {
  return charSet((c) => c === code, false);
}

export function charRange(from: number, to: number): CharSet {
  return charSet((c) => c >= from && c <= to, false);
}

export function union(sets: readonly CharSet[]): CharSet {
  return charSet(
    (c) => sets.some((set) => set.ascii[c] === 1),
    sets.some((set) => set.nonAscii),
  );
}

export function negate(set: CharSet): CharSet {
  return charSet((c) => set.ascii[c] !== 1, !set.nonAscii);
}

export function contains(set: CharSet, code: number): boolean {
  return code < 128 ? set.ascii[code] === 1 : set.nonAscii;
}

const isDigit = (c: number): boolean => c >= 0x30 && c <= 0x39;
const isWord = (c: number): boolean =>
  isDigit(c) || (c >= 0x41 && c <= 0x5a) || (c >= 0x61 && c <= 0x7a) || c === 0x5f;
// The AWS docs name tab, space and newline; the other ASCII whitespace characters are included too.
const isSpace = (c: number): boolean => c === 0x20 || (c >= 0x09 && c <= 0x0d);

export const DIGIT = charSet(isDigit, false);
export const WORD = charSet(isWord, false);
export const SPACE = charSet(isSpace, false);
/** `.` matches any character except a line break, as in most regex engines. */
export const ANY_BUT_LINE_BREAK = charSet((c) => c !== 0x0a && c !== 0x0d, true);
