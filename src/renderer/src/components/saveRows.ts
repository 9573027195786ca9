/**
 * Saves rows the window holds to a file the person picks: main opens the save dialog and owns the
 * file; the rows go over in chunks (`files.saveRows`), and a cancelled save removes the half-written file.
 */
import { SAVE_ROWS_PER_CALL, type SaveFormat, type SaveResult } from '../../../shared/contract/files';

type Cell = string | number | boolean | null;
export type SavedRow = Readonly<Record<string, Cell>>;

export interface SaveRowsOptions {
  readonly suggestedName: string;
  readonly format: SaveFormat;
  /** The file's columns, in order. */
  readonly columns: readonly string[];
  readonly count: number;
  readonly rowAt: (index: number) => SavedRow;
  /** The file was chosen (`written` 0), then after each chunk. */
  readonly onProgress: (fileName: string, written: number) => void;
  readonly cancelled: () => boolean;
}

/** The saved file, or undefined when the dialog was closed or the save cancelled. */
export async function saveRows({ suggestedName, format, columns, count, rowAt, onProgress, cancelled }: SaveRowsOptions): Promise<SaveResult | undefined> {
  const started = await window.api.files.saveBegin({ suggestedName, format, columns: [...columns] });
  if ('dismissed' in started) return undefined;
  const { saveId } = started;
  try {
    onProgress(started.fileName, 0);
    for (let from = 0; from < count && !cancelled(); from += SAVE_ROWS_PER_CALL) {
      const to = Math.min(count, from + SAVE_ROWS_PER_CALL);
      const rows: SavedRow[] = [];
      for (let index = from; index < to; index++) rows.push(rowAt(index));
      await window.api.files.saveRows({ saveId, rows });
      onProgress(started.fileName, to);
    }
    return (await window.api.files.saveEnd({ saveId, commit: !cancelled() })) ?? undefined;
  } catch (error) {
    await window.api.files.saveEnd({ saveId, commit: false }).catch(() => undefined);
    throw error;
  }
}
