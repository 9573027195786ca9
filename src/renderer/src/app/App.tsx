/**
 * The app frame: skip link, header with the connection/region indicator, the left navigation and the
 * views of the registry (app/views.ts). Views stay mounted while hidden so each keeps its place; all
 * of them are remounted when the scope changes, so nothing from the previous connection or region
 * survives. Around it all, the MFA and sign-in prompts any view can raise, and the "Manage
 * connections" dialog.
 */
import { useCallback, useMemo, useRef, useState } from 'react';
import { scopeKey } from '../api/queryKeys';
import { focusCurrentSearchBox } from '../components/searchBoxes';
import { ErrorState, LoadingState } from '../components/States';
import { KeyboardHelp } from '../components/keyboard-help/KeyboardHelp';
import { viewerShortcuts } from '../components/keyboard-help/shortcuts';
import { ThrottleNotice } from '../components/ThrottleNotice';
import {
  CredentialActionsProvider,
  CredentialPromptsProvider,
  ManageConnectionsDialog,
  ScopeMenu,
  useCurrentScope,
} from '../features/connections';
import { goBack } from './backNavigation';
import { Nav } from './Nav';
import { ScopeContext } from './scope';
import { appShortcuts, shortcutLabel, type ShortcutCommand } from './shortcuts';
import { isMac, useGlobalShortcuts } from './useGlobalShortcuts';
import { useViewRoute } from './viewRoute';
import { VIEWS } from './views';
import './App.css';

export function App() {
  return (
    <CredentialPromptsProvider>
      <AppFrame />
    </CredentialPromptsProvider>
  );
}

function AppFrame() {
  const mac = useMemo(() => isMac(), []);
  const [view, setView] = useViewRoute(VIEWS);
  const [scopeMenuOpen, setScopeMenuOpen] = useState(false);
  const openScopeMenu = useCallback(() => setScopeMenuOpen(true), []);
  const [manageOpen, setManageOpen] = useState(false);
  const [helpOpen, setHelpOpen] = useState(false);
  const openManage = useCallback(() => setManageOpen(true), []);
  const mainRef = useRef<HTMLElement>(null);
  const current = useCurrentScope();

  const loaded = useMemo(() => (current.data ? { scope: current.data, key: scopeKey(current.data) } : null), [current.data]);

  const run = useCallback((command: ShortcutCommand) => {
    switch (command.type) {
      case 'showView': {
        const target = VIEWS[command.index];
        if (!target) return false;
        setView(target);
        // Land in the view's search box when it has one, else on the view itself.
        requestAnimationFrame(() => {
          if (!focusCurrentSearchBox()) mainRef.current?.focus();
        });
        return true;
      }
      case 'focusSearch':
        return focusCurrentSearchBox();
      case 'back':
        return goBack();
      case 'showHelp':
        setHelpOpen(true);
        return true;
    }
  }, [setView]);
  useGlobalShortcuts(run, mac);

  const shortcutFor = useCallback(
    (viewId: string) => shortcutLabel(String(VIEWS.findIndex((candidate) => candidate.id === viewId) + 1), mac),
    [mac],
  );

  return (
    <div className="app">
      <a
        className="skip-link"
        href="#main"
        onClick={(event) => {
          event.preventDefault();
          if (!focusCurrentSearchBox()) mainRef.current?.focus();
        }}
      >
        Skip to content
      </a>
      <header className="app-header">
        <div className="brand">
          <span className="brand-mark" aria-hidden="true" />
          <span className="brand-name">Cloudscope</span>
        </div>
        <ScopeMenu open={scopeMenuOpen} onOpenChange={setScopeMenuOpen} onManageConnections={openManage} />
      </header>
      <Nav views={VIEWS} current={view} onSelect={setView} mac={mac} />
      <main id="main" ref={mainRef} className="app-main" tabIndex={-1} aria-label={view.title}>
        {loaded ? (
          <ScopeContext.Provider value={loaded}>
            <CredentialActionsProvider connection={loaded.scope.connection}>
              <ThrottleNotice region={loaded.scope.region} />
              <div className="views" key={loaded.key.join('|')}>
                {VIEWS.map((candidate) => (
                  <div key={candidate.id} className="view" hidden={candidate.id !== view.id}>
                    {candidate.element({ active: candidate.id === view.id, openScopeMenu, shortcutFor })}
                  </div>
                ))}
              </div>
            </CredentialActionsProvider>
          </ScopeContext.Provider>
        ) : current.isError ? (
          <ErrorState
            error={current.error}
            context="Could not open the connection"
            onRetry={() => void current.refetch()}
            actions={
              <button type="button" className="button button-quiet" onClick={openManage}>
                Manage connections
              </button>
            }
          />
        ) : (
          <LoadingState label="Connecting…" />
        )}
      </main>
      {manageOpen && <ManageConnectionsDialog onClose={() => setManageOpen(false)} />}
      {helpOpen && (
        <KeyboardHelp shortcuts={[...appShortcuts(VIEWS, mac), ...viewerShortcuts(mac ? '⌘' : 'Ctrl')]} onClose={() => setHelpOpen(false)} />
      )}
    </div>
  );
}
