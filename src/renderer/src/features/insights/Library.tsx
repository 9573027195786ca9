/**
 * The side panel of saved queries (AWS's query definitions, in folders) and the local history of runs,
 * each searchable; choosing one opens it in the current tab, "Run" runs it at once.
 */
import { useMemo, useState } from 'react';
import { formatTimestamp, plural } from '../../../../shared/format';
import { ErrorNotice } from '../../components/ErrorNotice';
import { ChevronDownIcon, ChevronRightIcon, TrashIcon } from '../../components/icons';
import { MessageText } from '../../components/message/MessageText';
import { SearchField } from '../../components/SearchField';
import { useTimeZone } from '../../components/TimeZone';
import { definitionTree, type DefinitionNode } from './definitionTree';
import { searchHistory, type HistoryEntry } from './queryHistory';
import { useDefinitions, useDeleteDefinition } from './useInsightsData';
import { useHistory } from './useHistory';

export interface OpenedQuery {
  readonly queryString: string;
  readonly logGroupNames: readonly string[];
  /** A history entry's range, as the picker writes it. */
  readonly range?: string;
  readonly definition?: { readonly id: string; readonly name: string };
}

interface LibraryProps {
  readonly onOpen: (query: OpenedQuery, run: boolean) => void;
}

export function Library({ onOpen }: LibraryProps) {
  const [tab, setTab] = useState<'saved' | 'history'>('saved');
  return (
    <section className="insights-library" aria-label="Saved queries and history">
      <div className="segmented" role="group" aria-label="Show">
        <button type="button" aria-pressed={tab === 'saved'} onClick={() => setTab('saved')}>
          Saved
        </button>
        <button type="button" aria-pressed={tab === 'history'} onClick={() => setTab('history')}>
          History
        </button>
      </div>
      {tab === 'saved' ? <SavedQueries onOpen={onOpen} /> : <History onOpen={onOpen} />}
    </section>
  );
}

function SavedQueries({ onOpen }: LibraryProps) {
  const definitions = useDefinitions();
  const remove = useDeleteDefinition();
  const [search, setSearch] = useState('');
  const tree = useMemo(() => definitionTree(definitions.data ?? [], search), [definitions.data, search]);
  return (
    <div className="insights-library-body">
      <SearchField label="Search saved queries" placeholder="Search saved queries" value={search} onChange={setSearch} />
      {definitions.isPending && <p className="muted">Loading saved queries…</p>}
      {definitions.isError && <ErrorNotice error={definitions.error} context="Could not list the saved queries" />}
      {remove.error !== null && <ErrorNotice error={remove.error} context="Could not delete the saved query" />}
      {definitions.data && tree.length === 0 && (
        <p className="muted">{search.trim() === '' ? 'No saved queries in this region yet. Write a query and choose Save.' : 'No saved query fits the search.'}</p>
      )}
      <ul className="insights-tree" role="tree" aria-label="Saved queries">
        {tree.map((node) => (
          <TreeNode key={node.kind === 'folder' ? `f:${node.path}` : node.definition.id} node={node} onOpen={onOpen} onDelete={(id) => remove.mutate(id)} forceOpen={search.trim() !== ''} />
        ))}
      </ul>
    </div>
  );
}

function TreeNode({ node, onOpen, onDelete, forceOpen }: { node: DefinitionNode; onOpen: LibraryProps['onOpen']; onDelete: (id: string) => void; forceOpen: boolean }) {
  const [open, setOpen] = useState(true);
  if (node.kind === 'folder') {
    const expanded = open || forceOpen;
    return (
      <li role="treeitem" aria-expanded={expanded} aria-selected={false}>
        <button type="button" className="insights-tree-folder" onClick={() => setOpen(!expanded)}>
          {expanded ? <ChevronDownIcon /> : <ChevronRightIcon />}
          <span>{node.name}</span>
        </button>
        {expanded && (
          <ul role="group">
            {node.children.map((child) => (
              <TreeNode key={child.kind === 'folder' ? `f:${child.path}` : child.definition.id} node={child} onOpen={onOpen} onDelete={onDelete} forceOpen={forceOpen} />
            ))}
          </ul>
        )}
      </li>
    );
  }
  const { definition } = node;
  const opened: OpenedQuery = { queryString: definition.queryString, logGroupNames: definition.logGroupNames, definition: { id: definition.id, name: definition.name } };
  return (
    <li role="treeitem" aria-selected={false} className="insights-library-item">
      <button type="button" className="insights-library-open" onClick={() => onOpen(opened, false)} title={definition.queryString}>
        <span className="insights-library-name">{node.name}</span>
        <span className="muted insights-library-meta">{plural(definition.logGroupNames.length, 'group')}</span>
      </button>
      <button type="button" className="link-button" onClick={() => onOpen(opened, true)} aria-label={`Run ${definition.name}`}>
        Run
      </button>
      <button type="button" className="icon-button" onClick={() => onDelete(definition.id)} aria-label={`Delete ${definition.name}`} title="Delete this saved query">
        <TrashIcon />
      </button>
    </li>
  );
}

function History({ onOpen }: LibraryProps) {
  const { zone } = useTimeZone();
  const { history, clear } = useHistory();
  const [search, setSearch] = useState('');
  const found = useMemo(() => searchHistory(history, search), [history, search]);
  const open = (entry: HistoryEntry, run: boolean) => onOpen({ queryString: entry.queryString, logGroupNames: entry.logGroupNames, range: entry.range }, run);
  return (
    <div className="insights-library-body">
      <SearchField label="Search history" placeholder="Search history" value={search} onChange={setSearch} />
      {history.length === 0 && <p className="muted">Every query you run in this region is listed here, to find and run again.</p>}
      {history.length > 0 && found.length === 0 && <p className="muted">No query in the history fits the search.</p>}
      <ul className="insights-history" aria-label="Query history">
        {found.map((entry) => (
          <li key={entry.id} className="insights-library-item">
            <button type="button" className="insights-library-open" onClick={() => open(entry, false)}>
              <MessageText text={entry.queryString} wrap={false} limit={{ lines: 2, chars: 300 }} className="mono insights-history-text" />
              <span className="muted insights-library-meta">
                {formatTimestamp(entry.ranAt, zone, 'second')} · {entry.status}
                {entry.rows !== undefined ? ` · ${plural(entry.rows, 'row')}` : ''} · {plural(entry.logGroupNames.length, 'group')} · {entry.range}
              </span>
            </button>
            <button type="button" className="link-button" onClick={() => open(entry, true)} aria-label="Run again">
              Run
            </button>
          </li>
        ))}
      </ul>
      {history.length > 0 && (
        <button type="button" className="link-button" onClick={clear}>
          Clear history
        </button>
      )}
    </div>
  );
}
