/**
 * The connections dialog's list: a listbox of connections grouped by kind, where selection follows
 * focus. Arrow keys, Page Up/Down, Home/End and type-ahead move; the selected connection's details
 * show beside it.
 */
import { useId, useImperativeHandle, useRef, type KeyboardEvent, type Ref } from 'react';
import { WarningIcon } from '../../components/icons';
import { targetRow } from '../../components/rowNavigation';
import { kindLabel, type ConnectionGroup } from './connectionLabels';
import { useTypeahead } from './useTypeahead';

export interface ConnectionListboxHandle {
  /** Focuses the selected option (or the first); false when the list is empty. */
  focusSelected(): boolean;
}

interface ConnectionListboxProps {
  readonly groups: readonly ConnectionGroup[];
  readonly selectedId: string | undefined;
  readonly currentId: string | undefined;
  readonly onSelect: (connectionId: string) => void;
  readonly handleRef?: Ref<ConnectionListboxHandle>;
}

const PAGE_SIZE = 8;

export function ConnectionListbox({ groups, selectedId, currentId, onSelect, handleRef }: ConnectionListboxProps) {
  const listRef = useRef<HTMLDivElement>(null);
  const ids = useId();
  const typeahead = useTypeahead();
  const options = () => [...(listRef.current?.querySelectorAll<HTMLElement>('[role="option"]') ?? [])];
  const all = groups.flatMap((group) => group.connections);
  const tabStop = all.some((connection) => connection.id === selectedId) ? selectedId : all[0]?.id;

  useImperativeHandle(handleRef, () => ({
    focusSelected() {
      const list = options();
      const target = list.find((option) => option.dataset.connectionId === tabStop) ?? list[0];
      if (!target) return false;
      target.focus();
      if (target.dataset.connectionId && target.dataset.connectionId !== selectedId) onSelect(target.dataset.connectionId);
      return true;
    },
  }));

  function moveTo(option: HTMLElement | undefined) {
    if (!option) return;
    option.focus();
    option.scrollIntoView({ block: 'nearest' });
    const id = option.dataset.connectionId;
    if (id) onSelect(id);
  }

  function onKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const list = options();
    const index = list.indexOf(document.activeElement as HTMLElement);
    const to = targetRow(event.key, index, list.length, PAGE_SIZE);
    if (to !== undefined) {
      event.preventDefault();
      moveTo(list[to]);
      return;
    }
    if (event.key.length !== 1 || event.key === ' ' || event.ctrlKey || event.metaKey || event.altKey) return;
    const found = typeahead(event.key, list.map((option) => option.dataset.name ?? ''), index);
    if (found !== undefined) {
      event.preventDefault();
      moveTo(list[found]);
    }
  }

  return (
    <div ref={listRef} className="conn-listbox" role="listbox" aria-label="Connections" onKeyDown={onKeyDown}>
      {groups.map((group) => (
        <div key={group.id} role="group" aria-label={group.heading} className="conn-group">
          <div className="conn-group-heading" aria-hidden="true">
            {group.heading}
          </div>
          {group.connections.map((connection, index) => {
            const problemId = `${ids}-${group.id}-${index}`;
            const selected = connection.id === selectedId;
            return (
              <div
                key={connection.id}
                role="option"
                aria-selected={selected}
                aria-describedby={connection.problem ? problemId : undefined}
                tabIndex={connection.id === tabStop ? 0 : -1}
                className="conn-option"
                data-connection-id={connection.id}
                data-name={connection.name}
                onClick={(event) => moveTo(event.currentTarget)}
              >
                <span className="conn-option-name">{connection.name}</span>
                {connection.problem && (
                  <span className="conn-option-warning" title={connection.problem}>
                    <WarningIcon />
                  </span>
                )}
                {connection.id === currentId && <span className="menu-tag">in use</span>}
                <span className="kind-tag">{kindLabel(connection)}</span>
                {connection.problem && (
                  <span id={problemId} hidden>
                    {connection.problem}
                  </span>
                )}
              </div>
            );
          })}
        </div>
      ))}
    </div>
  );
}
