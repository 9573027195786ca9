/** Where saving loaded rows to a file stands (`files.saveBegin/saveRows/saveEnd`), for the line that says so. */
export type SaveState =
  | { readonly status: 'idle' }
  /** The save dialog is open. */
  | { readonly status: 'choosing' }
  | { readonly status: 'saving'; readonly fileName: string; readonly written: number; readonly total: number }
  | { readonly status: 'saved'; readonly fileName: string; readonly rows: number }
  | { readonly status: 'failed'; readonly error: unknown };
