/**
 * Saving rows the window already holds (a live tail's events, Insights results) to a local file. Main
 * owns the file: the window never sees a path it did not pick in the save dialog, and sends the rows in
 * chunks so a large table is never one message.
 */
import { z } from 'zod';
import { response, unary } from '../rpc';
import { FileName } from './primitives';

export const SAVE_FORMATS = ['ndjson', 'csv', 'text'] as const;
export type SaveFormat = (typeof SAVE_FORMATS)[number];

/** At most this many rows per `files.saveRows` call. */
export const SAVE_ROWS_PER_CALL = 10_000;

export type SaveStarted = { readonly saveId: string; readonly fileName: string } | { readonly dismissed: true };

export interface SaveResult {
  readonly fileName: string;
  readonly rows: number;
  readonly bytes: number;
}

const SaveId = z.string().min(1).max(64);
const Cell = z.union([z.string(), z.number(), z.boolean(), z.null()]);

export const filesContract = {
  /**
   * Asks where to save (the app's save dialog) and opens a temporary file beside it. `columns` fix the
   * CSV header and the order of fields; `text` writes the `message` column (or all columns, tab-separated).
   */
  saveBegin: unary(
    z.object({
      suggestedName: FileName,
      format: z.enum(SAVE_FORMATS),
      columns: z.array(z.string().min(1).max(256)).min(1).max(200),
    }),
    response<SaveStarted>(),
  ),
  saveRows: unary(
    z.object({ saveId: SaveId, rows: z.array(z.record(z.string(), Cell)).max(SAVE_ROWS_PER_CALL) }),
    response<{ readonly rows: number; readonly bytes: number }>(),
  ),
  /** `commit`: move the finished file into place; otherwise delete it. */
  saveEnd: unary(z.object({ saveId: SaveId, commit: z.boolean() }), response<SaveResult | null>()),
} as const;
