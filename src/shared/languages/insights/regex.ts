/**
 * Regular expressions in queries (`/…/`) use AWS's syntax, close to JavaScript's except for inline flags:
 * a leading `(?i)` makes the whole expression case-insensitive, which JavaScript spells as a flag.
 */
export type CompiledRegexSource =
  | { readonly ok: true; readonly source: string; readonly flags: string }
  | { readonly ok: false; readonly message: string };

export function compileRegexSource(written: string): CompiledRegexSource {
  let source = written;
  let flags = '';
  const inline = /^\(\?([a-z]+)\)/.exec(source);
  if (inline !== null) {
    const letters = inline[1] as string;
    const unknown = [...letters].find((letter) => letter !== 'i' && letter !== 's' && letter !== 'm');
    if (unknown !== undefined) return { ok: false, message: `the inline flag "${unknown}" is not supported; use (?i), (?s) or (?m).` };
    flags = [...new Set(letters)].join('');
    source = source.slice(inline[0].length);
  }
  try {
    new RegExp(source, flags);
  } catch (error) {
    return { ok: false, message: (error as Error).message.replace(/^Invalid regular expression: /, '') };
  }
  return { ok: true, source, flags };
}
