/** For tests: runs a query over a store's groups to completion, synchronously, and returns its rows as records (without @ptr). */
import { parseInsightsQuery } from '../../../../shared/languages/insights';
import type { LogGroup, LogsStore } from '../store';
import { compileQuery } from './compile-query';
import { formatRows } from './results';
import { QueryScan } from './scan';

export function runQuery(store: LogsStore, groupNames: readonly string[], text: string, range: { readonly from: number; readonly to: number }, resultCap = 10_000): Array<Record<string, string>> {
  const parsed = parseInsightsQuery(text);
  if (!parsed.ok) throw new Error(`${parsed.error.message} at ${parsed.error.start}`);
  const compiled = compileQuery(parsed.query);
  const execution = compiled.start(resultCap);
  const groups = groupNames.map((name) => {
    const group = store.group(name);
    if (group === undefined) throw new Error(`no group ${name}`);
    return group as LogGroup;
  });
  const scan = new QueryScan(groups, store.accountId, range.from, range.to);
  while (!scan.step(execution, 1000));
  return formatRows(execution.results(), compiled).map((row) => Object.fromEntries(row.filter((field) => field.field !== '@ptr').map((field) => [field.field, field.value])));
}
