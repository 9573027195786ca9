/**
 * JSON as CloudWatch's Java service writes it in alarm history and notifications: compact, keys in
 * insertion order, numbers as Java doubles (`70.0`) unless marked as integers (`"period":60`), embedded JSON
 * documents (StateReasonData) kept as they were written, `undefined` members left out, `null` kept.
 */
import { javaDouble } from '../../../../shared/alarms';

export class JsonInteger {
  constructor(readonly value: number) {}
}

export class RawJson {
  constructor(readonly text: string) {}
}

export type AlarmJson =
  | string
  | number
  | boolean
  | null
  | JsonInteger
  | RawJson
  | readonly AlarmJson[]
  | { readonly [key: string]: AlarmJson | undefined };

export function jsonInteger(value: number | undefined): JsonInteger | undefined {
  return value === undefined ? undefined : new JsonInteger(value);
}

export function stringifyAlarmJson(value: AlarmJson): string {
  if (value === null) return 'null';
  if (typeof value === 'string' || typeof value === 'boolean') return JSON.stringify(value);
  if (typeof value === 'number') return Number.isFinite(value) ? javaDouble(value) : 'null';
  if (value instanceof JsonInteger) return String(value.value);
  if (value instanceof RawJson) return value.text;
  if (Array.isArray(value)) return `[${value.map((item: AlarmJson) => stringifyAlarmJson(item)).join(',')}]`;
  const entries = Object.entries(value as { readonly [key: string]: AlarmJson | undefined }).filter((entry): entry is [string, AlarmJson] => entry[1] !== undefined);
  return `{${entries.map(([key, item]) => `${JSON.stringify(key)}:${stringifyAlarmJson(item)}`).join(',')}}`;
}
