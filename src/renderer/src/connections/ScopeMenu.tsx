/**
 * The header's connection/region indicator and the menu that switches them. A menu button with
 * menuitemradio entries: arrow keys, Home/End and type-ahead move, Enter/Space pick, Escape closes.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import { describeError } from '../api/errorText';
import { ChevronDownIcon, CloudIcon } from '../components/icons';
import { regionChoices, regionName } from './regions';
import { useConnections, useCurrentScope, useSelectScope } from './scope';
import { useTypeahead } from './useTypeahead';
import './ScopeMenu.css';

interface ScopeMenuProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
}

export function ScopeMenu({ open, onOpenChange }: ScopeMenuProps) {
  const current = useCurrentScope();
  const connections = useConnections();
  const select = useSelectScope();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const typeahead = useTypeahead();

  const scope = current.data;
  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>('[role="menuitemradio"]') ?? [])];

  // Opening focuses the current region: switching region is what the menu is mostly for.
  useEffect(() => {
    if (!open) return;
    const currentRegion = menuRef.current?.querySelector<HTMLElement>('.menu-regions [aria-checked="true"]');
    (currentRegion ?? items()[0])?.focus();
  }, [open]);

  useEffect(() => {
    if (!open) return;
    const closeOnOutsideClick = (event: MouseEvent) => {
      const target = event.target as Node;
      if (!menuRef.current?.contains(target) && !buttonRef.current?.contains(target)) onOpenChange(false);
    };
    document.addEventListener('mousedown', closeOnOutsideClick);
    return () => document.removeEventListener('mousedown', closeOnOutsideClick);
  }, [open, onOpenChange]);

  function close(returnFocus: boolean) {
    onOpenChange(false);
    if (returnFocus) buttonRef.current?.focus();
  }

  function choose(target: { connectionId: string; region: string }) {
    close(true);
    if (scope && target.connectionId === scope.connection.id && target.region === scope.region) return;
    select.mutate(target);
  }

  function onMenuKeyDown(event: KeyboardEvent<HTMLDivElement>) {
    const all = items();
    const index = all.indexOf(document.activeElement as HTMLElement);
    const move = (to: number) => {
      event.preventDefault();
      all[(to + all.length) % all.length]?.focus();
    };
    switch (event.key) {
      case 'ArrowDown':
        return move(index + 1);
      case 'ArrowUp':
        return move(index - 1);
      case 'Home':
        return move(0);
      case 'End':
        return move(all.length - 1);
      case 'Escape':
        event.preventDefault();
        event.stopPropagation();
        return close(true);
      case 'Tab':
        return close(false);
      default: {
        if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
        const found = typeahead(event.key, all.map((item) => item.textContent ?? ''), index);
        if (found !== undefined) move(found);
      }
    }
  }

  function onButtonKeyDown(event: KeyboardEvent<HTMLButtonElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault();
      onOpenChange(true);
    }
  }

  const switchError = select.error ? describeError(select.error) : undefined;

  return (
    <div className="scope-menu">
      <button
        ref={buttonRef}
        type="button"
        className="scope-button"
        aria-haspopup="menu"
        aria-expanded={open}
        aria-controls={open ? menuId : undefined}
        aria-label={scope ? `Connection ${scope.connection.name}, region ${scope.region}. Change connection or region` : 'Connecting'}
        disabled={!scope}
        onClick={() => onOpenChange(!open)}
        onKeyDown={onButtonKeyDown}
      >
        <CloudIcon />
        {scope ? (
          <>
            <span className="scope-connection">{scope.connection.name}</span>
            <span className="scope-region">{scope.region}</span>
          </>
        ) : (
          <span className="scope-connection">Connecting…</span>
        )}
        {select.isPending ? <span className="spinner spinner-small" aria-label="Switching" /> : <ChevronDownIcon />}
      </button>

      {switchError && !select.isPending && (
        <p className="scope-error" role="alert">
          Could not switch: {switchError.message}
        </p>
      )}

      {open && scope && (
        <div ref={menuRef} id={menuId} className="menu" role="menu" aria-label="Connection and region" onKeyDown={onMenuKeyDown}>
          <div role="group" aria-label="Connection">
            <div className="menu-heading" aria-hidden="true">
              Connection
            </div>
            {(connections.data ?? [scope.connection]).map((connection) => (
              <button
                key={connection.id}
                type="button"
                role="menuitemradio"
                aria-checked={connection.id === scope.connection.id}
                tabIndex={-1}
                className="menu-item"
                onClick={() => choose({ connectionId: connection.id, region: connection.id === scope.connection.id ? scope.region : connection.defaultRegion })}
              >
                <span className="menu-check" aria-hidden="true" />
                <span className="menu-label">{connection.name}</span>
                <span className="menu-detail">{connection.endpoint ?? ''}</span>
              </button>
            ))}
          </div>
          <div role="group" aria-label="Region" className="menu-regions">
            <div className="menu-heading" aria-hidden="true">
              Region
            </div>
            {regionChoices(scope.region).map((region) => (
              <button
                key={region.code}
                type="button"
                role="menuitemradio"
                aria-checked={region.code === scope.region}
                tabIndex={-1}
                className="menu-item"
                onClick={() => choose({ connectionId: scope.connection.id, region: region.code })}
              >
                <span className="menu-check" aria-hidden="true" />
                <span className="menu-label mono">{region.code}</span>
                <span className="menu-detail">{regionName(region.code) ?? ''}</span>
              </button>
            ))}
          </div>
        </div>
      )}
    </div>
  );
}
