/**
 * Exporting a graph: its image (PNG, with a legend and title drawn in) and its data (CSV, through main's
 * save dialog and the files API, in chunks, with Cancel removing the half-written file).
 */
import { useCallback, useState } from 'react';
import { SAVE_ROWS_PER_CALL } from '../../../../../shared/contract';
import type { ChartSeries } from '../../../components/chart/chartOption';
import { defaultLabel, type Graph } from './graph';
import { csvTableOf } from './graphCsv';

/** "Lambda duration" on 2026-11-30 → "lambda-duration-2026-11-30"; file-system safe. */
export function graphFileName(graph: Graph, now: number): string {
  const subject = graph.title || (graph.series[0] ? defaultLabel(graph.series[0]) : 'metrics');
  const safe = subject
    .toLowerCase()
    .replace(/[^a-z0-9._-]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
  return `${safe || 'metrics'}-${new Date(now).toISOString().slice(0, 10)}`;
}

/** Saves a PNG data URL through the browser's download (Electron shows its save dialog). */
export function downloadPng(dataUrl: string, fileName: string): void {
  const link = document.createElement('a');
  link.href = dataUrl;
  link.download = `${fileName}.png`;
  link.rel = 'noopener';
  document.body.append(link);
  link.click();
  link.remove();
}

export type CsvState =
  | { readonly status: 'idle' }
  | { readonly status: 'saving' }
  | { readonly status: 'saved'; readonly fileName: string; readonly rows: number }
  | { readonly status: 'failed'; readonly error: unknown };

export function useSaveCsv() {
  const [state, setState] = useState<CsvState>({ status: 'idle' });
  const save = useCallback(async (series: readonly ChartSeries[], suggestedName: string) => {
    const table = csvTableOf(series);
    setState({ status: 'saving' });
    let saveId: string | undefined;
    try {
      const started = await window.api.files.saveBegin({ suggestedName: `${suggestedName}.csv`, format: 'csv', columns: [...table.columns] });
      if ('dismissed' in started) {
        setState({ status: 'idle' });
        return;
      }
      saveId = started.saveId;
      for (let from = 0; from < table.rows.length; from += SAVE_ROWS_PER_CALL) {
        await window.api.files.saveRows({ saveId, rows: table.rows.slice(from, from + SAVE_ROWS_PER_CALL).map((row) => ({ ...row })) });
      }
      const result = await window.api.files.saveEnd({ saveId, commit: true });
      setState(result === null ? { status: 'idle' } : { status: 'saved', fileName: result.fileName, rows: result.rows });
    } catch (error) {
      if (saveId !== undefined) await window.api.files.saveEnd({ saveId, commit: false }).catch(() => undefined);
      setState({ status: 'failed', error });
    }
  }, []);
  const dismiss = useCallback(() => setState({ status: 'idle' }), []);
  return { state, save, dismiss };
}
