/**
 * `files.*`: saving rows the window already holds (a live tail's events, search results) to a file the
 * user picks. The window sends the rows in chunks; main formats and appends them to a temporary file
 * that becomes the chosen file only when the window says the save is complete.
 */
import { randomUUID } from 'node:crypto';
import type { CloudscopeHandlers } from '../../../shared/contract';
import { apiError } from '../../../shared/errors';
import type { Session } from '../session';
import { rowFormatter, type Formatter, type Row } from './formats';
import { SaveTarget } from './save-target';

/** A save the window stops sending rows to (closed, crashed) is abandoned after this long. */
export const ABANDONED_SAVE_MS = 10 * 60 * 1000;

interface OpenSave {
  readonly target: SaveTarget;
  readonly formatter: Formatter<Row>;
  rows: number;
  /** Writes of one save happen one after another, in the order the calls came. */
  queue: Promise<unknown>;
  timer: NodeJS.Timeout;
}

export interface FilesApi {
  readonly handlers: CloudscopeHandlers['files'];
  /** Removes the temporary files of saves still open. */
  dispose(): void;
}

export function filesApi(session: Session): FilesApi {
  const saves = new Map<string, OpenSave>();

  const abandon = (saveId: string) => {
    const save = saves.get(saveId);
    if (save === undefined) return;
    saves.delete(saveId);
    clearTimeout(save.timer);
    void save.queue.finally(() => save.target.discard());
  };
  const openSave = (saveId: string): OpenSave => {
    const save = saves.get(saveId);
    if (save === undefined) throw apiError('NotFound', 'This save has already ended (or was abandoned). Save the rows again.');
    save.timer.refresh();
    return save;
  };
  const enqueue = <T>(save: OpenSave, work: () => Promise<T>): Promise<T> => {
    const result = save.queue.then(work);
    save.queue = result.catch(() => undefined);
    return result;
  };

  return {
    handlers: {
      async saveBegin(request) {
        const path = await session.chooseSaveFile({ suggestedName: request.suggestedName, format: request.format });
        if (path === undefined) return { dismissed: true };
        const target = await SaveTarget.open(path);
        const formatter = rowFormatter(request.format, request.columns);
        try {
          await target.write(formatter.header);
        } catch (error) {
          await target.discard();
          throw error;
        }
        const saveId = randomUUID();
        const timer = setTimeout(() => abandon(saveId), ABANDONED_SAVE_MS);
        timer.unref();
        saves.set(saveId, { target, formatter, rows: 0, queue: Promise.resolve(), timer });
        return { saveId, fileName: target.fileName };
      },

      async saveRows(request) {
        const save = openSave(request.saveId);
        return enqueue(save, async () => {
          try {
            await save.target.write(save.formatter.format(request.rows));
          } catch (error) {
            abandon(request.saveId);
            throw error;
          }
          save.rows += request.rows.length;
          return { rows: save.rows, bytes: save.target.bytes };
        });
      },

      async saveEnd(request) {
        const save = saves.get(request.saveId);
        if (save === undefined) {
          if (!request.commit) return null;
          throw apiError('NotFound', 'This save has already ended (or was abandoned). Save the rows again.');
        }
        saves.delete(request.saveId);
        clearTimeout(save.timer);
        return enqueue(save, async () => {
          if (!request.commit) {
            await save.target.discard();
            return null;
          }
          await save.target.commit();
          return { fileName: save.target.fileName, rows: save.rows, bytes: save.target.bytes };
        });
      },
    },
    dispose() {
      for (const saveId of [...saves.keys()]) abandon(saveId);
    },
  };
}
