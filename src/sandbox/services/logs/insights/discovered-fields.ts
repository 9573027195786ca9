/**
 * The fields Logs Insights discovers in a log event's message, as the "Supported logs and discovered
 * fields" page describes them: every field of a JSON message flattened with dots (`a.b.0.c`, at most
 * 200 per event); Lambda's START/END/REPORT lines (`@type`, `@requestId`, `@duration`, `@billedDuration`,
 * `@memorySize` and `@maxMemoryUsed` in bytes, `@initDuration`); VPC flow log records in the default format.
 */
import type { Value } from './values';

/** AWS extracts at most this many fields from one JSON event. */
export const MAX_JSON_FIELDS = 200;

export type DiscoveredFields = Map<string, Value>;

/** Log groups whose events are Lambda's: `/aws/lambda/<function>`. */
export function isLambdaGroup(groupName: string): boolean {
  return groupName.startsWith('/aws/lambda/');
}

export function discoverFields(message: string, lambda: boolean): DiscoveredFields {
  const fields: DiscoveredFields = new Map();
  const first = firstNonSpace(message);
  if (first === '{') flattenJson(message, fields);
  else if (lambda) lambdaFields(message, fields);
  else if (first >= '0' && first <= '9') flowLogFields(message, fields);
  return fields;
}

function firstNonSpace(text: string): string {
  for (let index = 0; index < text.length; index++) {
    const c = text[index] as string;
    if (c !== ' ' && c !== '\t' && c !== '\n' && c !== '\r') return c;
  }
  return '';
}

function flattenJson(message: string, fields: DiscoveredFields): void {
  let parsed: unknown;
  try {
    parsed = JSON.parse(message);
  } catch {
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return;
  const visit = (value: unknown, path: string): void => {
    if (fields.size >= MAX_JSON_FIELDS) return;
    if (typeof value === 'object' && value !== null) {
      const entries = Array.isArray(value) ? value.map((item, index) => [String(index), item] as const) : Object.entries(value);
      for (const [key, item] of entries) visit(item, path === '' ? key : `${path}.${key}`);
      return;
    }
    if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') fields.set(path, value);
    else if (value === null) fields.set(path, null);
  };
  visit(parsed, '');
}

const LAMBDA_LINE = /^(START|END|REPORT) RequestId: (\S+)/;
const REPORT_FIELDS: ReadonlyArray<readonly [label: string, field: string, scale: number]> = [
  ['Duration', '@duration', 1],
  ['Billed Duration', '@billedDuration', 1],
  ['Memory Size', '@memorySize', 1_000_000],
  ['Max Memory Used', '@maxMemoryUsed', 1_000_000],
  ['Init Duration', '@initDuration', 1],
];

function lambdaFields(message: string, fields: DiscoveredFields): void {
  const match = LAMBDA_LINE.exec(message);
  if (match === null) return;
  fields.set('@type', match[1] as string);
  fields.set('@requestId', match[2] as string);
  if (match[1] !== 'REPORT') return;
  for (const part of message.split('\t')) {
    const colon = part.indexOf(': ');
    if (colon === -1) continue;
    const label = part.slice(0, colon);
    const entry = REPORT_FIELDS.find(([name]) => name === label);
    if (entry === undefined) continue;
    const amount = Number.parseFloat(part.slice(colon + 2));
    if (Number.isFinite(amount)) fields.set(entry[1], amount * entry[2]);
  }
}

/** The default (version 2) flow log format's fields, named as Logs Insights names them. */
const FLOW_LOG_FIELDS = [
  'version',
  'accountId',
  'interfaceId',
  'srcAddr',
  'dstAddr',
  'srcPort',
  'dstPort',
  'protocol',
  'packets',
  'bytes',
  'start',
  'end',
  'action',
  'logStatus',
] as const;
const FLOW_LOG_NAMES: Readonly<Record<string, string>> = { start: 'startTime', end: 'endTime' };
/** Counters and ports are numbers; the account ID stays text (it may start with 0). */
const FLOW_LOG_NUMBERS: ReadonlySet<string> = new Set(['version', 'srcPort', 'dstPort', 'protocol', 'packets', 'bytes', 'start', 'end']);

function flowLogFields(message: string, fields: DiscoveredFields): void {
  const parts = message.trimEnd().split(' ');
  if (parts.length !== FLOW_LOG_FIELDS.length) return;
  if (!(parts[2] as string).startsWith('eni-') && parts[2] !== '-') return;
  if (!['OK', 'NODATA', 'SKIPDATA'].includes(parts[13] as string)) return;
  FLOW_LOG_FIELDS.forEach((name, index) => {
    const text = parts[index] as string;
    if (text === '-') return;
    fields.set(FLOW_LOG_NAMES[name] ?? name, FLOW_LOG_NUMBERS.has(name) && /^\d+$/.test(text) ? Number(text) : text);
  });
}
