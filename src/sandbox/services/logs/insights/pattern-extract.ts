/** parse's patterns as regexes: a glob's `*` captures lazily (the last one, at the end, to the end); a regex's named groups capture as themselves. */
import type { ParsePattern } from '../../../../shared/languages/insights';

export interface Extractor {
  /** The field names in order, and the regex whose groups 1..n (glob) or named groups (regex) hold them. */
  readonly names: readonly string[];
  extract(text: string): Array<string | undefined> | undefined;
}

export function compileParsePattern(pattern: ParsePattern): Extractor {
  if (pattern.kind === 'regex') {
    const regex = new RegExp(pattern.source, pattern.flags);
    const names = pattern.names;
    return {
      names,
      extract: (text) => {
        const groups = regex.exec(text)?.groups;
        return groups === undefined ? undefined : names.map((name) => groups[name]);
      },
    };
  }
  const parts = pattern.text.split('*');
  const source = parts
    .map((part, index) => {
      const literal = escapeRegex(part);
      if (index === parts.length - 1) return literal;
      const last = index === parts.length - 2 && parts[parts.length - 1] === '';
      return `${literal}(${last ? '.*' : '.*?'})`;
    })
    .join('');
  const regex = new RegExp(source, 's');
  return {
    names: pattern.names.map((name) => name.name),
    extract: (text) => {
      const match = regex.exec(text);
      return match === null ? undefined : match.slice(1);
    },
  };
}

function escapeRegex(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
