/**
 * A small, pure INI reader for the AWS shared `config` and `credentials` files.
 *
 * It reads the syntax both AWS readers accept — botocore/the AWS CLI (Python's `RawConfigParser` plus
 * botocore's nested sub-sections) and the AWS SDK for JavaScript (`parseIni` in `@smithy/core/config`) — and
 * reports, with 1-based line numbers, every line that either of them rejects or that the two read differently.
 * Where they differ, the result is what the SDK reads, because the SDK is what resolves Cloudscope's
 * credentials; the problem message tells the user how to make both agree.
 *
 * Recovery: a bad line is skipped; after a broken section header the lines up to the next valid header are
 * skipped (the SDK would otherwise file them under the *previous* section).
 *
 * Messages never quote a line's text: a malformed line may hold a secret.
 */

export interface IniSubEntry {
  readonly key: string;
  readonly value: string;
  readonly line: number;
}

export interface IniEntry {
  readonly key: string;
  /** Trimmed; `''` for a key that opens nested settings (`s3 =`) or has no value. */
  readonly value: string;
  readonly line: number;
  /** Indented `name = value` lines that follow a key with an empty value (e.g. `s3 =`). */
  readonly subEntries: readonly IniSubEntry[];
}

export interface IniSection {
  /** The text between the brackets, exactly as written (not trimmed, no interpretation). */
  readonly header: string;
  readonly line: number;
  readonly entries: readonly IniEntry[];
}

export interface IniProblem {
  readonly line: number;
  readonly message: string;
}

export interface ParsedIni {
  /** In file order; a header written twice gives two sections (the caller decides how to merge). */
  readonly sections: readonly IniSection[];
  readonly problems: readonly IniProblem[];
}

/** The AWS SDK for JavaScript treats `;` or `#` at the start of a line or after whitespace as a comment. */
const SDK_COMMENT = /(^|\s)[;#]/;

interface MutableEntry {
  key: string;
  value: string;
  line: number;
  subEntries: IniSubEntry[];
}

interface MutableSection {
  header: string;
  line: number;
  entries: MutableEntry[];
}

export function parseIni(text: string): ParsedIni {
  const sections: MutableSection[] = [];
  const problems: IniProblem[] = [];
  const problem = (line: number, message: string): void => {
    problems.push({ line, message });
  };

  let current: MutableSection | undefined;
  /** True after a broken header: the lines up to the next valid header are skipped. */
  let skipping = false;
  /** True once a setting before the first header was reported, so a block of them gives one problem. */
  let reportedOrphan = false;
  /** The last top-level key of the current section, for continuation lines. */
  let lastEntry: MutableEntry | undefined;
  /** First line of each key in each raw header (the AWS CLI rejects a key written twice in a section). */
  const keyLines = new Map<string, Map<string, number>>();
  const headerLines = new Map<string, number>();

  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  const lines = body.split(/\r?\n/);

  for (let index = 0; index < lines.length; index += 1) {
    const lineNo = index + 1;
    const raw = lines[index] ?? '';
    const trimmed = raw.trim();
    if (trimmed === '' || trimmed.startsWith('#') || trimmed.startsWith(';')) continue;

    const indented = /^\s/.test(raw);

    if (trimmed.startsWith('[')) {
      lastEntry = undefined;
      const header = readHeader(trimmed);
      if (header.kind === 'error') {
        problem(lineNo, `${header.message} The lines up to the next section header are ignored.`);
        current = undefined;
        skipping = true;
        continue;
      }
      skipping = false;
      const firstLine = headerLines.get(header.name);
      if (firstLine !== undefined) {
        problem(
          lineNo,
          `This section header repeats the one on line ${firstLine}. The AWS CLI cannot read a file with a repeated section; merge the two.`,
        );
      } else {
        headerLines.set(header.name, lineNo);
      }
      current = { header: header.name, line: lineNo, entries: [] };
      sections.push(current);
      continue;
    }

    if (skipping) continue;

    if (current === undefined) {
      if (!reportedOrphan) {
        problem(lineNo, 'Settings before the first [section] header belong to no profile and are ignored.');
        reportedOrphan = true;
      }
      continue;
    }

    // An indented line right after a key is a continuation of that key (Python's configparser).
    if (indented && lastEntry !== undefined) {
      const parent: MutableEntry = lastEntry;
      if (parent.value === '') {
        const sub = splitSetting(stripSdkComment(raw));
        if (sub === undefined || sub.key === '') {
          problem(lineNo, `Expected "name = value" in the nested settings of "${parent.key}" (line ${parent.line}).`);
          continue;
        }
        parent.subEntries.push({ key: sub.key, value: sub.value, line: lineNo });
      } else {
        problem(
          lineNo,
          `This indented line continues the value of "${parent.key}" (line ${parent.line}) for the AWS CLI but not for the AWS SDKs; remove the indentation or join the lines.`,
        );
      }
      continue;
    }

    const content = stripSdkComment(raw);
    const setting = splitSetting(content);
    if (setting === undefined) {
      if (content.includes(':')) {
        problem(lineNo, 'Use "=" between a setting\'s name and value: the AWS SDKs ignore "name: value" lines.');
      } else {
        problem(lineNo, 'Expected "name = value"; this line is ignored.');
      }
      lastEntry = undefined;
      continue;
    }
    if (setting.key === '') {
      problem(lineNo, 'A setting needs a name before "="; this line is ignored.');
      lastEntry = undefined;
      continue;
    }
    if (content.length < trimmed.length) {
      problem(
        lineNo,
        'Text after " #" or " ;" is a comment for the AWS SDKs but part of the value for the AWS CLI; put comments on their own line.',
      );
    }

    let keys = keyLines.get(current.header);
    if (keys === undefined) {
      keys = new Map();
      keyLines.set(current.header, keys);
    }
    const firstKeyLine = keys.get(setting.key);
    if (firstKeyLine !== undefined) {
      problem(
        lineNo,
        `"${setting.key}" is set again (first on line ${firstKeyLine}); the AWS SDKs use the last value and the AWS CLI cannot read the file. Keep one.`,
      );
    } else {
      keys.set(setting.key, lineNo);
    }

    const entry: MutableEntry = { key: setting.key, value: setting.value, line: lineNo, subEntries: [] };
    current.entries.push(entry);
    lastEntry = entry;
  }

  return { sections, problems };
}

type HeaderResult = { kind: 'ok'; name: string } | { kind: 'error'; message: string };

/** `trimmed` starts with `[`. */
function readHeader(trimmed: string): HeaderResult {
  const text = stripSdkComment(trimmed);
  if (!text.endsWith(']')) {
    return text.includes(']')
      ? { kind: 'error', message: 'Unexpected text after the "]" of a section header.' }
      : { kind: 'error', message: 'Section header is missing its closing "]".' };
  }
  const name = text.slice(1, -1);
  if (name.trim() === '') return { kind: 'error', message: 'Section header has no name.' };
  return { kind: 'ok', name };
}

function stripSdkComment(line: string): string {
  const match = SDK_COMMENT.exec(line);
  return (match === null ? line : line.slice(0, match.index)).trim();
}

function splitSetting(content: string): { key: string; value: string } | undefined {
  const eq = content.indexOf('=');
  if (eq === -1) return undefined;
  return { key: content.slice(0, eq).trim(), value: content.slice(eq + 1).trim() };
}

/**
 * Python's `shlex.split` (POSIX mode, no comments), which botocore uses to read `[profile NAME]` headers:
 * whitespace separates words, quotes group them, a backslash escapes. Returns `undefined` where shlex raises
 * (an unclosed quote or a trailing backslash).
 */
export function shlexSplit(input: string): string[] | undefined {
  const words: string[] = [];
  let word = '';
  let inWord = false;
  let i = 0;
  while (i < input.length) {
    const ch = input[i] as string;
    if (/\s/.test(ch)) {
      if (inWord) {
        words.push(word);
        word = '';
        inWord = false;
      }
      i += 1;
    } else if (ch === "'") {
      const end = input.indexOf("'", i + 1);
      if (end === -1) return undefined;
      word += input.slice(i + 1, end);
      inWord = true;
      i = end + 1;
    } else if (ch === '"') {
      i += 1;
      let closed = false;
      while (i < input.length) {
        const c = input[i] as string;
        if (c === '"') {
          closed = true;
          i += 1;
          break;
        }
        const next = input[i + 1];
        if (c === '\\' && next !== undefined && '\\"$`\n'.includes(next)) {
          word += next;
          i += 2;
        } else {
          word += c;
          i += 1;
        }
      }
      if (!closed) return undefined;
      inWord = true;
    } else if (ch === '\\') {
      const next = input[i + 1];
      if (next === undefined) return undefined;
      word += next;
      inWord = true;
      i += 2;
    } else {
      word += ch;
      inWord = true;
      i += 1;
    }
  }
  if (inWord) words.push(word);
  return words;
}
