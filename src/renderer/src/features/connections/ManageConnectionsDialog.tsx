/**
 * "Manage connections": every connection (the demo, environment keys, each AWS profile and those
 * created in the app) in a filterable list, the selected one's details and actions beside it, the
 * config files' problems above, and where profiles come from and whether the keychain works below.
 */
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import type { Connection, ConnectionList } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';
import { plural } from '../../../../shared/format';
import { Dialog } from '../../components/Dialog';
import { PlusIcon, RefreshIcon, SearchIcon, WarningIcon } from '../../components/icons';
import { ErrorState, LoadingState } from '../../components/States';
import { matchesAllTerms, searchTerms } from '../../components/textMatch';
import { ConnectionDetails } from './ConnectionDetails';
import { ConnectionForm } from './ConnectionForm';
import { groupConnections, searchText } from './connectionLabels';
import { ConnectionListbox, type ConnectionListboxHandle } from './ConnectionListbox';
import { useCredentialPrompts } from './credentialPromptsContext';
import { DeleteConnectionDialog } from './DeleteConnectionDialog';
import { useAfterConnectionChanged, useConnections, useCurrentScope, useReloadConnections, useSelectScope } from './scopeQueries';
import { useConnectionChecks } from './useConnectionChecks';
import './connections.css';
import './ManageConnections.css';

type Mode = { readonly kind: 'view' } | { readonly kind: 'add' } | { readonly kind: 'edit'; readonly connection: Connection };

export function ManageConnectionsDialog({ onClose }: { onClose: () => void }) {
  const list = useConnections();
  const reloadConnections = useReloadConnections();
  const filterRef = useRef<HTMLInputElement>(null);
  // Profiles may have been edited (or `aws configure sso` run) since the list was read.
  useEffect(() => {
    void reloadConnections();
  }, [reloadConnections]);
  return (
    <Dialog title="Manage connections" size="large" onClose={onClose} className="manage-connections" initialFocusRef={filterRef}>
      {list.data ? (
        <ManageConnections list={list.data} reloading={list.isFetching} onClose={onClose} filterRef={filterRef} />
      ) : list.isError ? (
        <ErrorState error={list.error} context="Could not list the connections" onRetry={() => void list.refetch()} />
      ) : (
        <LoadingState label="Loading connections…" />
      )}
    </Dialog>
  );
}

interface ManageConnectionsProps {
  readonly list: ConnectionList;
  readonly reloading: boolean;
  readonly onClose: () => void;
  readonly filterRef: RefObject<HTMLInputElement | null>;
}

function ManageConnections({ list, reloading, onClose, filterRef }: ManageConnectionsProps) {
  const reloadConnections = useReloadConnections();
  const afterConnectionChanged = useAfterConnectionChanged();
  const connectionChecks = useConnectionChecks();
  const current = useCurrentScope();
  const prompts = useCredentialPrompts();
  const select = useSelectScope();
  const scope = current.data;
  const [selectedId, setSelectedId] = useState<string | undefined>(() => scope?.connection.id);
  const [mode, setMode] = useState<Mode>({ kind: 'view' });
  const [filter, setFilter] = useState('');
  const [deleting, setDeleting] = useState<Connection | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const listboxRef = useRef<ConnectionListboxHandle>(null);
  const headingRef = useRef<HTMLHeadingElement>(null);
  const addRef = useRef<HTMLButtonElement>(null);
  const editRef = useRef<HTMLButtonElement>(null);
  const focusNext = useRef<'heading' | 'add' | 'edit' | null>(null);
  const keychainNoteId = useId();
  // The dialog opened before the list had loaded: focus went to Close; the filter is where to start.
  useEffect(() => {
    if (document.activeElement?.classList.contains('dialog-close')) filterRef.current?.focus();
  }, [filterRef]);
  // A save or deletion finishing after the dialog closed must not touch its state.
  const mounted = useRef(true);
  useEffect(() => {
    mounted.current = true;
    return () => {
      mounted.current = false;
    };
  }, []);

  const terms = useMemo(() => searchTerms(filter), [filter]);
  const visible = useMemo(
    () => list.connections.filter((connection) => matchesAllTerms(searchText(connection), terms)),
    [list.connections, terms],
  );
  const groups = useMemo(() => groupConnections(visible), [visible]);
  const selected = list.connections.find((connection) => connection.id === selectedId) ?? list.connections[0];
  const inUseId = scope?.connection.id;

  // After the pane changes (form opened or closed, connection deleted), put focus where the work continues.
  useEffect(() => {
    const target = focusNext.current;
    if (!target) return;
    focusNext.current = null;
    const element = target === 'heading' ? headingRef.current : target === 'add' ? addRef.current : editRef.current;
    (element ?? headingRef.current)?.focus();
  });

  async function check(connection: Connection) {
    const result = await connectionChecks.check(connection.id);
    // The role needs an MFA code: ask right away, then check again.
    if (result?.status === 'failed' && result.error.code === 'MfaRequired') enterMfaCode(connection, result.error);
  }

  function enterMfaCode(connection: Connection, error: ApiError) {
    prompts?.askForMfaCode({
      connectionId: connection.id,
      connectionName: connection.name,
      message: error.message,
      onDone: () => void check(connection),
    });
  }

  function signIn(connection: Connection) {
    prompts?.signIn({ connectionId: connection.id, connectionName: connection.name, onDone: () => void check(connection) });
  }

  function use(connection: Connection) {
    select.mutate({ connectionId: connection.id }, { onSuccess: () => onClose() });
  }

  /** The form keeps showing "Saving…" until the list has the saved connection, so the pane never flickers. */
  async function saved(connection: Connection, added: boolean) {
    if (added) await reloadConnections();
    else await afterConnectionChanged(connection.id, false);
    if (!mounted.current) return;
    focusNext.current = 'heading';
    setMode({ kind: 'view' });
    setSelectedId(connection.id);
    setAnnouncement(added ? `Added “${connection.name}”. Checking it…` : `Saved “${connection.name}”. Checking it…`);
    // Like Grafana's "Save & test": say at once whether the keys work.
    void check(connection);
  }

  async function deleted(connection: Connection) {
    await afterConnectionChanged(connection.id, true);
    if (!mounted.current) return;
    setDeleting(null);
    connectionChecks.forget(connection.id);
    setSelectedId(undefined);
    setAnnouncement(`Deleted “${connection.name}”.`);
    focusNext.current = 'heading';
  }

  function onFilterKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'Enter') {
      if (listboxRef.current?.focusSelected()) event.preventDefault();
    } else if (event.key === 'Escape' && filter !== '') {
      event.preventDefault();
      event.stopPropagation();
      setFilter('');
    }
  }

  const addDisabled = !list.keychain.available;

  return (
    <div className="manage-body">
      {list.configProblems.length > 0 && (
        <div className="notice notice-warning manage-config-problems" role="note" aria-label="Problems in the AWS config files">
          <WarningIcon />
          <div className="notice-body">
            <p className="notice-title">
              {plural(list.configProblems.length, 'problem')} in the AWS config files; the other profiles still load
            </p>
            <ul className="config-problems">
              {list.configProblems.map((problem, index) => (
                <li key={index}>
                  <span className="mono">
                    {problem.file}:{problem.line}
                  </span>{' '}
                  — {problem.message}
                </li>
              ))}
            </ul>
          </div>
        </div>
      )}

      <div className="manage-layout">
        <div className="manage-sidebar">
          <div className="search-field manage-filter">
            <SearchIcon />
            <input
              ref={filterRef}
              type="search"
              aria-label="Filter connections"
              placeholder="Filter by name, account, role…"
              value={filter}
              spellCheck={false}
              autoComplete="off"
              onChange={(event) => setFilter(event.target.value)}
              onKeyDown={onFilterKeyDown}
            />
          </div>
          <p className="visually-hidden" role="status">
            {terms.length > 0 ? `${plural(visible.length, 'connection')} match` : ''}
          </p>
          <div className="manage-list">
            {visible.length > 0 ? (
              <ConnectionListbox
                groups={groups}
                selectedId={mode.kind === 'view' ? selected?.id : undefined}
                currentId={inUseId}
                handleRef={listboxRef}
                onSelect={(id) => {
                  setSelectedId(id);
                  setMode({ kind: 'view' });
                  setAnnouncement('');
                  select.reset();
                }}
              />
            ) : (
              <p className="manage-empty">No connections match “{filter.trim()}”.</p>
            )}
          </div>
          <div className="manage-sources">
            <button
              ref={addRef}
              type="button"
              className="button"
              disabled={addDisabled}
              aria-describedby={keychainNoteId}
              onClick={() => {
                setMode({ kind: 'add' });
                setAnnouncement('');
              }}
            >
              <PlusIcon />
              Add connection
            </button>
            <p id={keychainNoteId} className={addDisabled ? 'keychain-note keychain-note-warning' : 'keychain-note'}>
              {list.keychain.available ? (
                'Keychain available: secret keys you add are stored in the OS keychain.'
              ) : (
                <>
                  <WarningIcon />
                  <span>
                    Adding connections with keys needs the OS keychain, which is not available:{' '}
                    {list.keychain.reason ?? 'no Secret Service is running.'} Use an AWS profile instead: add it to{' '}
                    <span className="mono">{list.configFile}</span> (keys go in <span className="mono">{list.credentialsFile}</span>), then
                    reload.
                  </span>
                </>
              )}
            </p>
            <div className="config-files">
              <p className="config-files-title">Profiles are read from</p>
              <p className="mono">{list.configFile}</p>
              <p className="mono">{list.credentialsFile}</p>
              <button
                type="button"
                className="link-button"
                aria-disabled={reloading || undefined}
                onClick={() => !reloading && void reloadConnections()}
              >
                {reloading ? <span className="spinner spinner-small" aria-hidden="true" /> : <RefreshIcon />}
                Reload profiles
              </button>
            </div>
          </div>
        </div>

        <div className="manage-pane">
          <p className="visually-hidden" role="status">
            {announcement}
          </p>
          {mode.kind === 'add' ? (
            <ConnectionForm
              list={list}
              currentRegion={scope?.region ?? 'us-east-1'}
              headingRef={headingRef}
              onSaved={(connection) => void saved(connection, true)}
              onCancel={() => {
                focusNext.current = 'add';
                setMode({ kind: 'view' });
              }}
            />
          ) : mode.kind === 'edit' ? (
            <ConnectionForm
              key={mode.connection.id}
              connection={mode.connection}
              list={list}
              currentRegion={scope?.region ?? 'us-east-1'}
              headingRef={headingRef}
              onSaved={(connection) => void saved(connection, false)}
              onCancel={() => {
                focusNext.current = 'edit';
                setMode({ kind: 'view' });
              }}
            />
          ) : selected ? (
            <ConnectionDetails
              key={selected.id}
              connection={selected}
              inUse={selected.id === inUseId}
              check={connectionChecks.checks[selected.id]}
              onUse={() => use(selected)}
              usePending={select.isPending}
              useError={select.error}
              onCheck={() => void check(selected)}
              onSignIn={() => signIn(selected)}
              onEnterMfaCode={(error) => enterMfaCode(selected, error)}
              onEdit={() => {
                setAnnouncement('');
                setMode({ kind: 'edit', connection: selected });
              }}
              onDelete={() => setDeleting(selected)}
              headingRef={headingRef}
              editRef={editRef}
            />
          ) : null}
        </div>
      </div>

      {deleting && (
        <DeleteConnectionDialog
          connection={deleting}
          inUse={deleting.id === inUseId}
          onCancel={() => setDeleting(null)}
          onDeleted={() => void deleted(deleting)}
        />
      )}
    </div>
  );
}
