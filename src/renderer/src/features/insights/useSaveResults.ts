/** Saves result rows to a CSV or NDJSON file the person picks, through the shared save loop (components/save). */
import { useCallback } from 'react';
import type { QueryRow } from '../../../../shared/contract';
import { useSaveRows } from '../../components/save/useSaveRows';

export type { SaveState } from '../../components/save/SaveButton';

function textLength(row: QueryRow | undefined): number {
  let chars = 0;
  for (const value of Object.values(row ?? {})) chars += value.length;
  return chars;
}

export function useSaveResults() {
  const { save, ...rest } = useSaveRows();
  const saveResults = useCallback(
    (format: 'csv' | 'ndjson', suggestedName: string, fields: readonly string[], rows: readonly QueryRow[]) =>
      save({
        suggestedName,
        format,
        columns: fields.length > 0 ? fields : ['@message'],
        count: rows.length,
        rowAt: (index) => ({ ...rows[index] }),
        sizeAt: (index) => textLength(rows[index]),
      }),
    [save],
  );
  return { ...rest, save: saveResults };
}
