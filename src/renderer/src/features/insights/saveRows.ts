/** Result rows in chunks for `files.saveRows`: at most its row count per call, and around a few MB of text. */
import { SAVE_ROWS_PER_CALL } from '../../../../shared/contract/files';
import type { QueryRow } from '../../../../shared/contract';

export const SAVE_CHUNK_CHARS = 4 * 1_048_576;

export function* rowChunks(rows: readonly QueryRow[]): Generator<readonly QueryRow[]> {
  let from = 0;
  while (from < rows.length) {
    let to = from;
    let chars = 0;
    while (to < rows.length && to - from < SAVE_ROWS_PER_CALL && (to === from || chars < SAVE_CHUNK_CHARS)) {
      for (const value of Object.values(rows[to] ?? {})) chars += value.length;
      to += 1;
    }
    yield rows.slice(from, to);
    from = to;
  }
}
