/**
 * The header's connection/region indicator and the menu that switches them. A menu button with
 * menuitemradio entries: connections under their kind's heading, then the scope's regions (default
 * first, then recently used, then the rest), then "Manage connections…". Arrow keys, Home/End and
 * type-ahead move, Enter/Space pick, Escape closes. Both lists scroll on their own, so a long list
 * of profiles never pushes the regions out of reach.
 */
import { useEffect, useId, useRef, type KeyboardEvent } from 'react';
import type { Scope } from '../../../../shared/contract';
import type { RegionInfo } from '../../../../shared/regions';
import { describeError } from '../../api/errorText';
import { ChevronDownIcon, CloudIcon, SettingsIcon, WarningIcon } from '../../components/icons';
import { groupConnections, kindLabel } from './connectionLabels';
import { useConnections, useCurrentScope, useReloadConnections, useSelectScope } from './scopeQueries';
import { useTypeahead } from './useTypeahead';
import './connections.css';
import './ScopeMenu.css';

interface ScopeMenuProps {
  readonly open: boolean;
  readonly onOpenChange: (open: boolean) => void;
  readonly onManageConnections: () => void;
}

const ITEMS = '[role="menuitemradio"], [role="menuitem"]';

/** The regions to offer, in main's order; the current one is kept even if main left it out. */
function regionsOf(scope: Scope): readonly RegionInfo[] {
  return scope.regions.some((region) => region.code === scope.region)
    ? scope.regions
    : [{ code: scope.region, name: scope.region }, ...scope.regions];
}

export function ScopeMenu({ open, onOpenChange, onManageConnections }: ScopeMenuProps) {
  const current = useCurrentScope();
  const connections = useConnections();
  const select = useSelectScope();
  const buttonRef = useRef<HTMLButtonElement>(null);
  const menuRef = useRef<HTMLDivElement>(null);
  const menuId = useId();
  const typeahead = useTypeahead();
  const reloadConnections = useReloadConnections();

  const scope = current.data;
  const problemIds = useId();
  const items = () => [...(menuRef.current?.querySelectorAll<HTMLElement>(ITEMS) ?? [])];

  // Opening focuses the current region: switching region is what the menu is mostly for. The
  // current connection is scrolled into view too, in its own list.
  useEffect(() => {
    if (!open) return;
    // New profiles (an edited ~/.aws/config) show up the next time the menu opens.
    void reloadConnections();
    menuRef.current?.querySelector<HTMLElement>('.menu-connections [aria-checked="true"]')?.scrollIntoView({ block: 'nearest' });
    const currentRegion = menuRef.current?.querySelector<HTMLElement>('.menu-regions [aria-checked="true"]');
    (currentRegion ?? items()[0])?.focus();
  }, [open, reloadConnections]);

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

  /** Without a region, main opens the connection in its own region. */
  function choose(target: { connectionId: string; region?: string }) {
    close(true);
    if (scope && target.connectionId === scope.connection.id && (target.region ?? scope.region) === scope.region) return;
    select.mutate(target);
  }

  function manage() {
    close(true);
    onManageConnections();
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
          <div className="menu-section menu-connections">
            {groupConnections(connections.data?.connections ?? [scope.connection]).map((group) => (
              <div key={group.id} role="group" aria-label={group.heading}>
                <div className="menu-heading" aria-hidden="true">
                  {group.heading}
                </div>
                {group.connections.map((connection, index) => {
                  const problemId = `${problemIds}-${group.id}-${index}`;
                  return (
                    <button
                      key={connection.id}
                      type="button"
                      role="menuitemradio"
                      aria-checked={connection.id === scope.connection.id}
                      aria-describedby={connection.problem ? problemId : undefined}
                      tabIndex={-1}
                      className="menu-item"
                      title={[connection.endpoint, connection.problem].filter(Boolean).join('\n') || undefined}
                      onClick={() => choose({ connectionId: connection.id })}
                    >
                      <span className="menu-check" aria-hidden="true" />
                      <span className="menu-label">{connection.name}</span>
                      <span className="menu-detail">
                        {connection.problem && (
                          <span className="menu-warning">
                            <WarningIcon />
                          </span>
                        )}
                        <span className="kind-tag">{kindLabel(connection)}</span>
                      </span>
                      {connection.problem && (
                        <span id={problemId} hidden>
                          {connection.problem}
                        </span>
                      )}
                    </button>
                  );
                })}
              </div>
            ))}
          </div>
          <div role="group" aria-label="Region" className="menu-section menu-regions">
            <div className="menu-heading" aria-hidden="true">
              Region
            </div>
            {regionsOf(scope).map((region) => (
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
                <span className="menu-detail">
                  {region.name !== region.code ? region.name : ''}
                  {region.code === scope.connection.defaultRegion && <span className="menu-tag"> default</span>}
                </span>
              </button>
            ))}
          </div>
          <div className="menu-footer">
            <button type="button" role="menuitem" tabIndex={-1} className="menu-item menu-action" onClick={manage}>
              <SettingsIcon />
              <span className="menu-label">Manage connections…</span>
            </button>
          </div>
        </div>
      )}
    </div>
  );
}
