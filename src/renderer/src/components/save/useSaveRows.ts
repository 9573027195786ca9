/** The state of saving rows to a file (see SaveButton), and the save itself with Cancel. */
import { useCallback, useRef, useState } from 'react';
import type { SaveState } from './SaveButton';
import { saveRows, type SaveRowsOptions } from './saveRows';

export type SaveRequest = Omit<SaveRowsOptions, 'onProgress' | 'cancelled'>;

export function useSaveRows() {
  const [state, setState] = useState<SaveState>({ status: 'idle' });
  const cancelled = useRef(false);

  const save = useCallback(async (request: SaveRequest) => {
    cancelled.current = false;
    setState({ status: 'choosing' });
    try {
      const result = await saveRows({
        ...request,
        onProgress: (fileName, written) => setState({ status: 'saving', fileName, written, total: request.count }),
        cancelled: () => cancelled.current,
      });
      setState(result === undefined ? { status: 'idle' } : { status: 'saved', fileName: result.fileName, rows: result.rows });
    } catch (error) {
      setState({ status: 'failed', error });
    }
  }, []);

  const cancel = useCallback(() => {
    cancelled.current = true;
  }, []);

  const dismiss = useCallback(() => setState({ status: 'idle' }), []);

  return { state, save, cancel, dismiss };
}
