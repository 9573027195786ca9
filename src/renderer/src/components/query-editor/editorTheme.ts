/**
 * The editor's look, from the app's theme variables (they inherit into the editor's shadow root), so it
 * follows light and dark. It is a CodeMirror theme rather than a stylesheet because the editor lives in
 * a shadow root: there CodeMirror's styles go into adopted stylesheets, which the app's content
 * security policy (`style-src 'self'`, no inline <style>) allows, and page stylesheets do not reach.
 */
import type { Extension } from '@codemirror/state';
import { EditorView } from '@codemirror/view';

const TOKEN_COLOURS = {
  command: 'var(--accent-text)',
  keyword: 'var(--accent-text)',
  function: '#8a3ffc',
  field: 'var(--text)',
  string: 'var(--success)',
  regex: 'var(--warning)',
  number: '#b5418b',
  duration: '#b5418b',
  operator: 'var(--text-muted)',
  punctuation: 'var(--text-muted)',
  comment: 'var(--text-faint)',
  invalid: 'var(--danger)',
} as const;

const DARK_TOKEN_COLOURS = { function: '#be95ff', number: '#ff7eb6', duration: '#ff7eb6' } as const;

const tokenRules = Object.fromEntries(Object.entries(TOKEN_COLOURS).map(([kind, color]) => [`.cm-token-${kind}`, { color }]));

export const editorTheme: Extension = EditorView.theme({
  '&': {
    minHeight: '84px',
    maxHeight: '320px',
    border: '1px solid var(--border-strong)',
    borderRadius: 'var(--radius)',
    backgroundColor: 'var(--surface)',
    color: 'var(--text)',
    fontFamily: 'var(--font-mono)',
    fontSize: 'var(--font-size-mono)',
  },
  '&.cm-focused': { outline: '2px solid var(--focus)', outlineOffset: '-1px' },
  '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.55', overflow: 'auto' },
  '.cm-content': { padding: '6px 0', caretColor: 'var(--text)' },
  '.cm-line': { padding: '0 8px' },
  '.cm-cursor, .cm-dropCursor': { borderLeftColor: 'var(--text)' },
  '&.cm-focused > .cm-scroller > .cm-selectionLayer .cm-selectionBackground, .cm-selectionBackground': { backgroundColor: 'var(--accent-soft-strong)' },
  '.cm-placeholder': { color: 'var(--text-faint)' },
  ...tokenRules,
  '.cm-token-command': { color: TOKEN_COLOURS.command, fontWeight: '600' },
  '.cm-token-comment': { color: TOKEN_COLOURS.comment, fontStyle: 'italic' },
  '@media (prefers-color-scheme: dark)': Object.fromEntries(Object.entries(DARK_TOKEN_COLOURS).map(([kind, color]) => [`.cm-token-${kind}`, { color }])),
  // Mistakes: a wavy underline, as in other editors.
  '.cm-lintRange-error': { backgroundImage: 'none', textDecoration: 'underline wavy var(--danger)', textUnderlineOffset: '3px' },
  '.cm-lintRange-warning': { backgroundImage: 'none', textDecoration: 'underline wavy var(--warning)', textUnderlineOffset: '3px' },
  // The completion list, its descriptions and the mistakes' tooltips, as the app's menus.
  '.cm-tooltip': {
    border: '1px solid var(--border)',
    borderRadius: 'var(--radius)',
    backgroundColor: 'var(--surface-raised)',
    color: 'var(--text)',
    boxShadow: 'var(--shadow-menu)',
    fontFamily: 'var(--font-ui)',
    fontSize: 'var(--font-size-small)',
  },
  '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font-mono)', maxHeight: '16em' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li': { padding: '2px 8px' },
  '.cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--accent-soft-strong)', color: 'var(--text)' },
  '.cm-completionDetail': { marginLeft: '12px', color: 'var(--text-muted)', fontFamily: 'var(--font-ui)', fontStyle: 'normal' },
  '.cm-completionMatchedText': { textDecoration: 'none', fontWeight: '700' },
  '.cm-tooltip.cm-completionInfo': { maxWidth: '360px', padding: '6px 8px', whiteSpace: 'pre-wrap' },
});
