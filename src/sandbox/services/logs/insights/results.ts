/** Rows as GetQueryResults returns them: arrays of `{field, value}` with text values, and `@ptr` for events. */
import type { CompiledQuery } from './compile-query';
import { encodeRecordPointer } from './record-pointer';
import type { Row } from './row';
import { formatResult } from './values';

export interface ResultField {
  readonly field: string;
  readonly value: string;
}

export function formatRows(rows: readonly Row[], query: CompiledQuery): ResultField[][] {
  return rows.map((row) => formatRow(row, query));
}

function formatRow(row: Row, query: CompiledQuery): ResultField[] {
  const fields: ResultField[] = [];
  const entries = query.columns === undefined ? row.entries() : query.columns.map((name) => [name, row.get(name)] as const);
  for (const [field, raw] of entries) {
    const value = formatResult(raw, query.types.get(field));
    if (value !== undefined) fields.push({ field, value });
  }
  if (row.origin !== undefined) fields.push({ field: '@ptr', value: encodeRecordPointer(row.origin) });
  return fields;
}

