/**
 * A code editor for a query language (CodeMirror 6): colouring, completion while typing (Ctrl+Space
 * asks), the language's mistakes underlined at their positions and said below the editor, and a
 * mistake the server found (e.g. AWS's MalformedQueryException) shown the same way while the text is
 * unchanged. Ctrl/Cmd+Enter runs. Tab leaves the editor (it does not indent), so the keyboard never gets
 * stuck in it. Colours come from the app's theme variables, so it follows light and dark. The editor
 * lives in a shadow root (see editorTheme.ts for why).
 */
import { autocompletion, closeBrackets, closeBracketsKeymap, completionKeymap } from '@codemirror/autocomplete';
import { defaultKeymap, history, historyKeymap } from '@codemirror/commands';
import { setDiagnostics, type Diagnostic } from '@codemirror/lint';
import { EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder as placeholderText } from '@codemirror/view';
import { useEffect, useId, useImperativeHandle, useLayoutEffect, useMemo, useRef, type Ref } from 'react';
import { MistakeMarker } from '../MistakeMarker';
import { useDebouncedValue } from '../useDebouncedValue';
import { completionSource } from './completion';
import { editorTheme } from './editorTheme';
import { highlighting } from './highlighting';
import type { EditorMistake, QueryLanguage } from './language';
import './QueryEditor.css';

export interface QueryEditorHandle {
  focus(): void;
  /** Puts the cursor at a position (e.g. a mistake's) and the keyboard in the editor. */
  select(position: number): void;
}

/** A mistake found elsewhere (the server), about one version of the text. */
export interface TextMistake {
  readonly text: string;
  readonly mistake: EditorMistake;
}

interface QueryEditorProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly language: QueryLanguage;
  /** Ctrl/Cmd+Enter. */
  readonly onRun: () => void;
  /** Shown while the text is the one it is about. */
  readonly serverMistake?: TextMistake;
  readonly label: string;
  readonly placeholder?: string;
  readonly editorRef?: Ref<QueryEditorHandle>;
}

/** Checking waits this long after the last key, so a half-typed query is not called wrong. */
const CHECK_DELAY_MS = 300;

export function QueryEditor({ value, onChange, language, onRun, serverMistake, label, placeholder, editorRef }: QueryEditorProps) {
  const host = useRef<HTMLDivElement>(null);
  const view = useRef<EditorView | null>(null);
  const mistakeId = useId();
  // The editor is built once; these refs let its callbacks see the latest props.
  const latest = useRef({ onChange, onRun, language });
  useLayoutEffect(() => {
    latest.current = { onChange, onRun, language };
  });

  useEffect(() => {
    const element = host.current;
    if (element === null) return;
    const root = element.shadowRoot ?? element.attachShadow({ mode: 'open' });
    const created = new EditorView({
      parent: root,
      root,
      state: EditorState.create({
        doc: value,
        extensions: [
          history(),
          closeBrackets(),
          autocompletion({ override: [completionSource(() => latest.current.language)], icons: false }),
          Prec.highest(keymap.of([{ key: 'Mod-Enter', run: () => (latest.current.onRun(), true) }])),
          keymap.of([...closeBracketsKeymap, ...completionKeymap, ...historyKeymap, ...defaultKeymap]),
          highlighting((text) => latest.current.language.tokenize(text)),
          editorTheme,
          EditorView.lineWrapping,
          EditorView.contentAttributes.of({ 'aria-label': label, 'aria-multiline': 'true', 'aria-describedby': mistakeId }),
          ...(placeholder ? [placeholderText(placeholder)] : []),
          EditorView.updateListener.of((update) => {
            if (update.docChanged) latest.current.onChange(update.state.doc.toString());
          }),
        ],
      }),
    });
    view.current = created;
    return () => {
      created.destroy();
      view.current = null;
    };
    // Built once per mount; `value` changes from outside are applied below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // Text set from outside (a saved query, the history, a new tab) replaces the editor's.
  useEffect(() => {
    const current = view.current;
    if (current === null || current.state.doc.toString() === value) return;
    current.dispatch({ changes: { from: 0, to: current.state.doc.length, insert: value } });
  }, [value]);

  useImperativeHandle(editorRef, () => ({
    focus: () => view.current?.focus(),
    select: (position) => {
      const current = view.current;
      if (current === null) return;
      const anchor = Math.min(Math.max(position, 0), current.state.doc.length);
      current.dispatch({ selection: { anchor }, scrollIntoView: true });
      current.focus();
    },
  }));

  const settled = useDebouncedValue(value, CHECK_DELAY_MS);
  const localMistakes = useMemo(() => language.check(settled), [language, settled]);
  const fromServer = serverMistake !== undefined && serverMistake.text === value ? serverMistake.mistake : undefined;
  // A mistake of text since changed is not shown: it would point at the wrong characters.
  const mistakes = useMemo(
    (): readonly EditorMistake[] => [...(fromServer ? [fromServer] : []), ...(settled === value ? localMistakes : [])],
    [fromServer, settled, value, localMistakes],
  );

  useEffect(() => {
    const current = view.current;
    if (current === null) return;
    const length = current.state.doc.length;
    const diagnostics: Diagnostic[] = mistakes.map((mistake) => {
      const from = Math.min(Math.max(mistake.start, 0), length);
      return { from, to: Math.min(Math.max(mistake.end, from), length), severity: mistake.warning ? 'warning' : 'error', message: mistake.message };
    });
    current.dispatch(setDiagnostics(current.state, diagnostics));
  }, [mistakes]);

  const first = mistakes[0];
  return (
    <div className="query-editor" data-invalid={first !== undefined || undefined}>
      <div ref={host} className="query-editor-host" />
      <div id={mistakeId}>
        {first && <MistakeMarker id={`${mistakeId}-first`} text={value} message={first.message} position={first.start} length={first.end - first.start} />}
      </div>
    </div>
  );
}
