/**
 * A parsed JSON message as the rows of an expandable tree: which rows show for the nodes that are
 * expanded, how far into a long object or array, and what each row says about its value.
 */
import { formatJsonPath, type JsonPath } from '../event-table/jsonPath';

export type JsonKind = 'object' | 'array' | 'string' | 'number' | 'boolean' | 'null';

export type TreeRow =
  | {
      readonly type: 'node';
      /** Stable across renders: the path as a selector. */
      readonly id: string;
      readonly path: JsonPath;
      /** 1 for the root's fields. */
      readonly depth: number;
      /** The key in its object, or the index in its array. */
      readonly name: string | number;
      readonly value: unknown;
      readonly kind: JsonKind;
      /** Fields or items, for objects and arrays. */
      readonly size: number;
      readonly expanded: boolean;
      /** The id of the row it is inside, for moving left; undefined at the top. */
      readonly parentId: string | undefined;
    }
  /** More fields or items of the node `parentId` than are shown yet. */
  | { readonly type: 'more'; readonly id: string; readonly parentId: string; readonly depth: number; readonly hidden: number };

/** A node shows this many of its fields or items at first, and this many more each time asked. */
export const CHILDREN_PAGE = 200;

export function kindOf(value: unknown): JsonKind {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  switch (typeof value) {
    case 'object':
      return 'object';
    case 'string':
      return 'string';
    case 'number':
      return 'number';
    default:
      return 'boolean';
  }
}

function entriesOf(value: unknown): [string | number, unknown][] {
  if (Array.isArray(value)) return value.map((item, index) => [index, item as unknown]);
  if (typeof value === 'object' && value !== null) return Object.entries(value);
  return [];
}

/**
 * The rows to show, in order: the fields of `root`, and inside each expanded node its fields, up
 * to `shown.get(id)` (default CHILDREN_PAGE) of them and a "more" row for the rest.
 */
export function treeRows(root: unknown, expanded: ReadonlySet<string>, shown: ReadonlyMap<string, number> = new Map()): TreeRow[] {
  const rows: TreeRow[] = [];
  // An explicit stack rather than recursion: a hostile message may nest thousands deep.
  const stack: { value: unknown; path: JsonPath; depth: number; parentId: string | undefined; from: number }[] = [
    { value: root, path: [], depth: 1, parentId: undefined, from: 0 },
  ];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const entries = entriesOf(frame.value);
    const limit = frame.parentId === undefined ? Infinity : (shown.get(frame.parentId) ?? CHILDREN_PAGE);
    if (frame.from >= entries.length || frame.from >= limit) {
      stack.pop();
      if (frame.from < entries.length && frame.parentId !== undefined) {
        rows.push({ type: 'more', id: `${frame.parentId}…`, parentId: frame.parentId, depth: frame.depth, hidden: entries.length - frame.from });
      }
      continue;
    }
    const [name, value] = entries[frame.from]!;
    frame.from++;
    const path = [...frame.path, name];
    const id = formatJsonPath(path);
    const kind = kindOf(value);
    const size = entriesOf(value).length;
    const isOpen = (kind === 'object' || kind === 'array') && expanded.has(id);
    rows.push({ type: 'node', id, path, depth: frame.depth, name, value, kind, size, expanded: isOpen, parentId: frame.parentId });
    if (isOpen) stack.push({ value, path, depth: frame.depth + 1, parentId: id, from: 0 });
  }
  return rows;
}

/** The nodes open at first: the top-level objects and arrays, when there are not too many fields to show. */
export function initiallyExpanded(root: unknown, budget = 60): Set<string> {
  const expanded = new Set<string>();
  let rows = entriesOf(root).length;
  for (const [name, value] of entriesOf(root)) {
    const size = entriesOf(value).length;
    if (size === 0 || rows + size > budget) continue;
    expanded.add(formatJsonPath([name]));
    rows += size;
  }
  return expanded;
}

/** What a collapsed object or array says about itself: "{…} 3 fields", "[…] 1 item". */
export function containerSummary(kind: 'object' | 'array', size: number): string {
  if (kind === 'object') return size === 0 ? '{}' : `{…} ${size} ${size === 1 ? 'field' : 'fields'}`;
  return size === 0 ? '[]' : `[…] ${size} ${size === 1 ? 'item' : 'items'}`;
}

/** A value for the clipboard: strings as they are, everything else as indented JSON. */
export function valueForCopy(value: unknown): string {
  return typeof value === 'string' ? value : JSON.stringify(value, null, 2);
}
