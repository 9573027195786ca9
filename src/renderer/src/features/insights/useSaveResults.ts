/**
 * Saves result rows to a CSV or NDJSON file the person picks: main opens the save dialog and owns the
 * file (`files.*`, the explorer's machinery); the rows go over in chunks with progress.
 */
import { useCallback, useRef, useState } from 'react';
import type { QueryRow } from '../../../../shared/contract';
import { rowChunks } from './saveRows';
import type { SaveState } from '../../components/saveState';

export type { SaveState };

export function useSaveResults() {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const cancelled = useRef(false);

  const save = useCallback(async (format: 'csv' | 'ndjson', suggestedName: string, fields: readonly string[], rows: readonly QueryRow[]) => {
    cancelled.current = false;
    setState({ status: 'choosing' });
    let saveId: string | undefined;
    try {
      const columns = fields.length > 0 ? [...fields] : ['@message'];
      const begun = await window.api.files.saveBegin({ suggestedName, format, columns });
      if ('dismissed' in begun) {
        setState({ status: 'idle' });
        return;
      }
      saveId = begun.saveId;
      let written = 0;
      setState({ status: 'saving', fileName: begun.fileName, written, total: rows.length });
      for (const chunk of rowChunks(rows)) {
        if (cancelled.current) break;
        await window.api.files.saveRows({ saveId, rows: chunk.map((row) => ({ ...row })) });
        written += chunk.length;
        setState({ status: 'saving', fileName: begun.fileName, written, total: rows.length });
      }
      const result = await window.api.files.saveEnd({ saveId, commit: !cancelled.current });
      setState(result === null ? { status: 'idle' } : { status: 'saved', fileName: result.fileName, rows: result.rows });
    } catch (error) {
      if (saveId !== undefined) await window.api.files.saveEnd({ saveId, commit: false }).catch(() => undefined);
      setState({ status: 'failed', error });
    }
  }, []);

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);
  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, save, cancel, dismiss };
}
