/**
 * A JSON message as an expandable tree (WAI-ARIA tree pattern: arrows move and open, Home/End jump),
 * with actions per field: add it as a table column, copy its value, copy its path. Keys and values
 * are shown as inert text like messages.
 */
import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { CheckIcon, ChevronDownIcon, ChevronRightIcon, CopyIcon, PlusIcon } from '../icons';
import { formatJsonPath, type JsonPath } from '../event-table/jsonPath';
import { MessageText } from '../message/MessageText';
import type { MessageLimit } from '../message/messageSegments';
import { useCopy } from '../useCopy';
import { CHILDREN_PAGE, containerSummary, initiallyExpanded, treeRows, valueForCopy, type TreeRow } from './jsonTree';

interface JsonTreeProps {
  readonly value: unknown;
  /** The tree's accessible name. */
  readonly label: string;
  /** "Add as column" for a field; left out when not given. */
  readonly onAddColumn?: (path: JsonPath) => void;
  /** Fields already shown as columns. */
  readonly hasColumn?: (path: JsonPath) => boolean;
}

const NAME_LIMIT: MessageLimit = { lines: 1, chars: 200 };
const VALUE_LIMIT: MessageLimit = { lines: 20, chars: 4000 };

export function JsonTree({ value, label, onAddColumn, hasColumn }: JsonTreeProps) {
  const [expanded, setExpanded] = useState(() => initiallyExpanded(value));
  const [shown, setShown] = useState<ReadonlyMap<string, number>>(new Map());
  const rows = useMemo(() => treeRows(value, expanded, shown), [value, expanded, shown]);
  const [activeId, setActiveId] = useState<string | undefined>(undefined);
  const activeIndex = Math.max(0, rows.findIndex((row) => row.id === activeId));
  const treeRef = useRef<HTMLDivElement>(null);
  const { copy, stateOf } = useCopy();

  function toggle(id: string, open: boolean) {
    setExpanded((current) => {
      const next = new Set(current);
      if (open) next.add(id);
      else next.delete(id);
      return next;
    });
  }

  function showMore(parentId: string) {
    setShown((current) => new Map(current).set(parentId, (current.get(parentId) ?? CHILDREN_PAGE) + CHILDREN_PAGE));
  }

  function focusRow(index: number) {
    const row = rows[Math.min(Math.max(index, 0), rows.length - 1)];
    if (!row) return;
    setActiveId(row.id);
    treeRef.current?.querySelector<HTMLElement>(`[data-row-id="${CSS.escape(row.id)}"]`)?.focus();
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>, row: TreeRow, index: number) {
    const container = row.type === 'node' && (row.kind === 'object' || row.kind === 'array') && row.size > 0;
    let handled = true;
    switch (event.key) {
      case 'ArrowDown':
        focusRow(index + 1);
        break;
      case 'ArrowUp':
        focusRow(index - 1);
        break;
      case 'Home':
        focusRow(0);
        break;
      case 'End':
        focusRow(rows.length - 1);
        break;
      case 'ArrowRight':
        if (row.type === 'node' && container && !row.expanded) toggle(row.id, true);
        else if (row.type === 'node' && row.expanded) focusRow(index + 1);
        break;
      case 'ArrowLeft':
        if (row.type === 'node' && row.expanded) toggle(row.id, false);
        else if (row.parentId !== undefined) focusRow(rows.findIndex((candidate) => candidate.id === row.parentId));
        break;
      case 'Enter':
      case ' ':
        if (row.type === 'more') showMore(row.parentId);
        else if (container) toggle(row.id, !row.expanded);
        break;
      // The row's actions, from the keyboard.
      case 'c':
        if (row.type === 'node') void copy(`value ${row.id}`, valueForCopy(row.value));
        break;
      case 'p':
        if (row.type === 'node') void copy(`path ${row.id}`, formatJsonPath(row.path));
        break;
      case 'a':
        if (row.type === 'node' && onAddColumn && !hasColumn?.(row.path)) onAddColumn(row.path);
        else handled = false;
        break;
      default:
        handled = false;
    }
    if (handled) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  if (rows.length === 0) return <p className="muted">{Array.isArray(value) ? 'An empty JSON array.' : 'An empty JSON object.'}</p>;

  return (
    <div className="json-tree" role="tree" aria-label={label} ref={treeRef}>
      {rows.map((row, index) =>
        row.type === 'more' ? (
          <div
            key={row.id}
            role="treeitem"
            aria-level={row.depth}
            data-row-id={row.id}
            tabIndex={index === activeIndex ? 0 : -1}
            className="json-row json-more"
            style={{ paddingLeft: `${row.depth * 16}px` }}
            onKeyDown={(event) => onKeyDown(event, row, index)}
            onFocus={() => setActiveId(row.id)}
          >
            <button type="button" className="link-button" tabIndex={-1} onClick={() => showMore(row.parentId)}>
              Show {Math.min(row.hidden, CHILDREN_PAGE)} more
            </button>
            <span className="muted">of {row.hidden} not shown</span>
          </div>
        ) : (
          <div
            key={row.id}
            role="treeitem"
            aria-level={row.depth}
            aria-expanded={row.kind === 'object' || row.kind === 'array' ? row.expanded : undefined}
            aria-label={`${row.name}`}
            aria-keyshortcuts={onAddColumn ? 'C P A' : 'C P'}
            data-row-id={row.id}
            tabIndex={index === activeIndex ? 0 : -1}
            className="json-row"
            style={{ paddingLeft: `${row.depth * 16}px` }}
            onKeyDown={(event) => onKeyDown(event, row, index)}
            onFocus={() => setActiveId(row.id)}
          >
            <span className="json-toggle">
              {(row.kind === 'object' || row.kind === 'array') && row.size > 0 && (
                <button type="button" className="icon-button" tabIndex={-1} aria-hidden="true" onClick={() => toggle(row.id, !row.expanded)}>
                  {row.expanded ? <ChevronDownIcon /> : <ChevronRightIcon />}
                </button>
              )}
            </span>
            <span className="json-name">{typeof row.name === 'number' ? row.name : <MessageText text={row.name} limit={NAME_LIMIT} wrap={false} />}</span>
            <span className="json-colon">:</span>
            <span className={`json-value json-${row.kind}`}>
              {row.kind === 'object' || row.kind === 'array' ? (
                <span className="muted">{containerSummary(row.kind, row.size)}</span>
              ) : row.kind === 'string' ? (
                <MessageText text={row.value as string} limit={VALUE_LIMIT} wrap />
              ) : (
                String(row.value)
              )}
            </span>
            <span className="json-actions">
              {onAddColumn && (
                <button
                  type="button"
                  className="icon-button"
                  tabIndex={-1}
                  disabled={hasColumn?.(row.path)}
                  aria-label={`Add ${formatJsonPath(row.path)} as a column`}
                  title={hasColumn?.(row.path) ? 'Already a column' : 'Add this field as a column (A)'}
                  onClick={() => onAddColumn(row.path)}
                >
                  <PlusIcon />
                </button>
              )}
              <button
                type="button"
                className="icon-button"
                tabIndex={-1}
                aria-label={`Copy the value of ${formatJsonPath(row.path)}`}
                title="Copy value (C)"
                onClick={() => void copy(`value ${row.id}`, valueForCopy(row.value))}
              >
                {stateOf(`value ${row.id}`) === 'copied' ? <CheckIcon /> : <CopyIcon />}
              </button>
              <button
                type="button"
                className="link-button json-copy-path"
                tabIndex={-1}
                title="Copy the path, as a filter-pattern selector (P)"
                onClick={() => void copy(`path ${row.id}`, formatJsonPath(row.path))}
              >
                {stateOf(`path ${row.id}`) === 'copied' ? 'Copied' : 'Copy path'}
              </button>
            </span>
          </div>
        ),
      )}
    </div>
  );
}
