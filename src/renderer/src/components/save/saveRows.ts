/**
 * Saves rows the window holds to a file the person picks: main opens the save dialog and owns the
 * file; the rows go over in chunks (`files.saveRows`) small enough for one call each, and a cancelled
 * save removes the half-written file.
 */
import { SAVE_ROWS_PER_CALL, type SaveFormat, type SaveResult } from '../../../../shared/contract/files';

type Cell = string | number | boolean | null;
export type SavedRow = Readonly<Record<string, Cell>>;

/** A call stays around this many bytes of text, whatever the size of the rows. */
export const SAVE_CHUNK_BYTES = 4 * 1_048_576;

export interface SaveRowsOptions {
  readonly suggestedName: string;
  readonly format: SaveFormat;
  /** The file's columns, in order. */
  readonly columns: readonly string[];
  readonly count: number;
  readonly rowAt: (index: number) => SavedRow;
  /** About how many bytes a row's text takes, for keeping calls small. */
  readonly sizeAt: (index: number) => number;
  /** The file was chosen (`written` 0), then after each chunk. */
  readonly onProgress: (fileName: string, written: number) => void;
  readonly cancelled: () => boolean;
}

/** Splits `count` rows into [from, to) chunks by row count and size. */
export function* chunksOf(count: number, sizeAt: (index: number) => number): Generator<readonly [number, number]> {
  let from = 0;
  while (from < count) {
    let to = from;
    let bytes = 0;
    while (to < count && to - from < SAVE_ROWS_PER_CALL && (to === from || bytes < SAVE_CHUNK_BYTES)) {
      bytes += sizeAt(to);
      to += 1;
    }
    yield [from, to];
    from = to;
  }
}

/** The saved file, or undefined when the dialog was closed or the save cancelled. */
export async function saveRows({ suggestedName, format, columns, count, rowAt, sizeAt, onProgress, cancelled }: SaveRowsOptions): Promise<SaveResult | undefined> {
  const started = await window.api.files.saveBegin({ suggestedName, format, columns: [...columns] });
  if ('dismissed' in started) return undefined;
  const { saveId } = started;
  try {
    onProgress(started.fileName, 0);
    for (const [from, to] of chunksOf(count, sizeAt)) {
      if (cancelled()) break;
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
