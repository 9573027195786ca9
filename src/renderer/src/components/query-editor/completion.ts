/** The language's completions in CodeMirror's terms. */
import type { CompletionContext, CompletionResult, CompletionSource } from '@codemirror/autocomplete';
import type { Completions, QueryLanguage } from './language';

/** Characters a completed word (a command, function or field such as `@message` or `detail.status`) is made of. */
export const WORD = /^[\w@.$-]*$/;

export function toCompletionResult(completions: Completions | null): CompletionResult | null {
  if (completions === null || completions.items.length === 0) return null;
  return {
    from: completions.from,
    validFor: WORD,
    options: completions.items.map((item) => ({
      label: item.label,
      type: item.kind === 'command' ? 'keyword' : item.kind === 'field' ? 'property' : item.kind === 'function' ? 'function' : 'keyword',
      ...(item.apply === undefined ? {} : { apply: item.apply }),
      ...(item.detail === undefined ? {} : { detail: item.detail }),
      ...(item.info === undefined ? {} : { info: item.info }),
      ...(item.boost === undefined ? {} : { boost: item.boost }),
    })),
  };
}

/** Reads the language at call time, so completions follow a language that changes (e.g. newly discovered fields). */
export function completionSource(language: () => QueryLanguage): CompletionSource {
  return (context: CompletionContext) => toCompletionResult(language().complete(context.state.doc.toString(), context.pos, context.explicit));
}
