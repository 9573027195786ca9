/** Colouring from the language's tokenizer: each token becomes a mark with a class per kind (styled in QueryEditor.css). */
import { RangeSetBuilder, type Extension } from '@codemirror/state';
import { Decoration, ViewPlugin, type DecorationSet, type EditorView, type ViewUpdate } from '@codemirror/view';
import type { EditorToken, QueryLanguage, TokenKind } from './language';

type Tokenize = QueryLanguage['tokenize'];

const marks = new Map<TokenKind, Decoration>();
function markOf(kind: TokenKind): Decoration {
  let mark = marks.get(kind);
  if (mark === undefined) {
    mark = Decoration.mark({ class: `cm-token-${kind}` });
    marks.set(kind, mark);
  }
  return mark;
}

/** The marks of tokens, in order, skipping empty or overlapping ones and clipping to the text. */
export function tokenRanges(tokens: readonly EditorToken[], length: number): Array<{ from: number; to: number; kind: TokenKind }> {
  const ranges: Array<{ from: number; to: number; kind: TokenKind }> = [];
  let last = 0;
  for (const token of [...tokens].sort((a, b) => a.start - b.start)) {
    const from = Math.max(token.start, last);
    const to = Math.min(token.end, length);
    if (to <= from) continue;
    ranges.push({ from, to, kind: token.kind });
    last = to;
  }
  return ranges;
}

function decorate(view: EditorView, tokenize: Tokenize): DecorationSet {
  const text = view.state.doc.toString();
  const builder = new RangeSetBuilder<Decoration>();
  for (const range of tokenRanges(tokenize(text), text.length)) builder.add(range.from, range.to, markOf(range.kind));
  return builder.finish();
}

/** Re-tokenizes the whole text on each change: queries are short (at most 10,000 characters). */
export function highlighting(tokenize: Tokenize): Extension {
  return ViewPlugin.fromClass(
    class {
      decorations: DecorationSet;
      constructor(view: EditorView) {
        this.decorations = decorate(view, tokenize);
      }
      update(update: ViewUpdate) {
        if (update.docChanged) this.decorations = decorate(update.view, tokenize);
      }
    },
    { decorations: (plugin) => plugin.decorations },
  );
}
