/**
 * What the query editor needs to know about a language: how to colour it (a tokenizer), what to offer
 * while typing (completions at a position) and what is wrong with it (mistakes at positions). Logs
 * Insights gives one; metric math can give another and reuse the same editor.
 */
import type { InsightsTokenKind } from '../../../../shared/languages/insights';

/** Token kinds the editor colours: those of the query languages in src/shared/languages; a language may use any subset. */
export type TokenKind = InsightsTokenKind;

export interface EditorToken {
  /** Character offsets, end exclusive. */
  readonly start: number;
  readonly end: number;
  readonly kind: TokenKind;
}

export interface CompletionItem {
  readonly label: string;
  /** What the editor inserts, when it differs from the label (e.g. `count(` for `count`). */
  readonly apply?: string;
  /** Shown beside the label: a signature, a field's share of events. */
  readonly detail?: string;
  /** A longer description, shown beside the list for the selected item. */
  readonly info?: string;
  readonly kind: 'command' | 'function' | 'field' | 'keyword';
  /** Higher comes first among equally good matches (e.g. a field's share of events). */
  readonly boost?: number;
}

export interface Completions {
  /** Where the word being completed starts; the items replace `from`…the cursor. */
  readonly from: number;
  readonly items: readonly CompletionItem[];
}

export interface EditorMistake {
  readonly start: number;
  readonly end: number;
  readonly message: string;
  /** Something the language's own check cannot vouch for but the server may accept: shown, not blocking. */
  readonly warning?: boolean;
}

export interface QueryLanguage {
  /** For screen readers and the editor's label, e.g. "Logs Insights query". */
  readonly name: string;
  tokenize(text: string): readonly EditorToken[];
  /** What fits at `position` (the cursor); null when nothing does. `explicit`: the user asked (Ctrl+Space). */
  complete(text: string, position: number, explicit: boolean): Completions | null;
  /** The mistakes of the whole text (none when it is valid). */
  check(text: string): readonly EditorMistake[];
}
