import { describe, expect, it } from 'vitest';
import { CHILDREN_PAGE, containerSummary, initiallyExpanded, kindOf, treeRows, valueForCopy, type TreeRow } from './jsonTree';

/** Rows as "  name: kind" lines, indented by depth, to read the tree at a glance. */
function outline(rows: readonly TreeRow[]): string[] {
  return rows.map((row) => `${'  '.repeat(row.depth - 1)}${row.type === 'more' ? `… ${row.hidden} more` : `${row.name}: ${row.kind}${row.expanded ? ' (open)' : ''}`}`);
}

const event = { level: 'info', http: { status: 200, headers: { host: 'a' } }, tags: ['x', 'y'], ok: true, none: null };

describe('treeRows', () => {
  it('shows the top-level fields, and the fields of the nodes that are open', () => {
    expect(outline(treeRows(event, new Set()))).toEqual(['level: string', 'http: object', 'tags: array', 'ok: boolean', 'none: null']);
    expect(outline(treeRows(event, new Set(['$.http', '$.http.headers', '$.tags'])))).toEqual([
      'level: string',
      'http: object (open)',
      '  status: number',
      '  headers: object (open)',
      '    host: string',
      'tags: array (open)',
      '  0: string',
      '  1: string',
      'ok: boolean',
      'none: null',
    ]);
  });

  it('gives every row its path, depth and parent', () => {
    const rows = treeRows(event, new Set(['$.http']));
    expect(rows[2]).toMatchObject({ type: 'node', id: '$.http.status', path: ['http', 'status'], depth: 2, parentId: '$.http', value: 200 });
  });

  it('shows a long array a page at a time, with a row for the rest', () => {
    const long = { items: Array.from({ length: CHILDREN_PAGE + 50 }, (_, i) => i) };
    const rows = treeRows(long, new Set(['$.items']));
    expect(rows).toHaveLength(1 + CHILDREN_PAGE + 1);
    expect(rows[rows.length - 1]).toEqual({ type: 'more', id: '$.items…', parentId: '$.items', depth: 2, hidden: 50 });
    expect(treeRows(long, new Set(['$.items']), new Map([['$.items', CHILDREN_PAGE * 2]]))).toHaveLength(1 + CHILDREN_PAGE + 50);
  });

  it('copes with very deep nesting without running out of stack', () => {
    let deep: unknown = 'bottom';
    const expanded = new Set<string>();
    for (let i = 0; i < 5000; i++) deep = { a: deep };
    let id = '$';
    for (let i = 0; i < 5000; i++) {
      id += '.a';
      expanded.add(id);
    }
    expect(treeRows(deep, expanded)).toHaveLength(5000);
  });

  it('shows the items of a message that is an array', () => {
    expect(outline(treeRows([1, 'two'], new Set()))).toEqual(['0: number', '1: string']);
  });
});

describe('initiallyExpanded', () => {
  it('opens small top-level objects and arrays and leaves big ones closed', () => {
    expect([...initiallyExpanded(event)]).toEqual(['$.http', '$.tags']);
    expect([...initiallyExpanded({ big: Array.from({ length: 500 }, () => 0), small: { a: 1 } })]).toEqual(['$.small']);
  });
});

describe('descriptions', () => {
  it('names kinds, summarises containers and copies values', () => {
    expect([null, [], {}, 's', 1, false].map(kindOf)).toEqual(['null', 'array', 'object', 'string', 'number', 'boolean']);
    expect(containerSummary('object', 1)).toBe('{…} 1 field');
    expect(containerSummary('array', 3)).toBe('[…] 3 items');
    expect(containerSummary('array', 0)).toBe('[]');
    expect(valueForCopy('text "quoted"')).toBe('text "quoted"');
    expect(valueForCopy({ a: [1] })).toBe('{\n  "a": [\n    1\n  ]\n}');
  });
});
