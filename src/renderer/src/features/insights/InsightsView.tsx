/**
 * The Insights view: saved queries and history on the side, query tabs beside them. Each tab runs on
 * its own (several queries at once, within AWS's concurrency quota, which main enforces and says).
 */
import { useCallback, useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { parseTimeRange } from '../../../../shared/time-range';
import { parametersOf, useViewParameters } from '../../app/viewParameters';
import { CloseIcon, PlusIcon } from '../../components/icons';
import type { QueryEditorHandle } from '../../components/query-editor/QueryEditor';
import { Library, type OpenedQuery } from './Library';
import { draftFromParameters, draftParameters, draftTitle, newDraft, type QueryDraft } from './queryDraft';
import { QueryTabPanel } from './QueryTabPanel';
import './insights.css';

let nextDraftId = 1;

export function InsightsView({ active }: { readonly active: boolean }) {
  // A query in the location hash (a reload, a link) opens in the first tab; it is not run until asked.
  const [drafts, setDrafts] = useState<readonly QueryDraft[]>(() => [newDraft(nextDraftId++, draftFromParameters(parametersOf(window.location.hash, '/insights'), Date.now()))]);
  const [activeId, setActiveId] = useState(() => drafts[0]?.id ?? 0);
  const [running, setRunning] = useState<ReadonlySet<number>>(new Set());
  const [runRequests, setRunRequests] = useState<ReadonlyMap<number, number>>(new Map());
  const editor = useRef<QueryEditorHandle>(null);
  const [, setParameters] = useViewParameters('/insights');
  const shown = drafts.find((draft) => draft.id === activeId);
  // The tab on screen is kept in the hash while the view is (the frame drops it when another view shows).
  useEffect(() => {
    if (active && shown) setParameters(draftParameters(shown));
  }, [active, shown, setParameters]);

  const change = useCallback((draft: QueryDraft) => setDrafts((all) => all.map((other) => (other.id === draft.id ? draft : other))), []);
  const onActivity = useCallback((id: number, isRunning: boolean) => {
    setRunning((current) => {
      const next = new Set(current);
      if (isRunning) next.add(id);
      else next.delete(id);
      return next;
    });
  }, []);

  function addTab(from: Partial<Omit<QueryDraft, 'id'>> = {}): number {
    const draft = newDraft(nextDraftId++, from);
    setDrafts((all) => [...all, draft]);
    setActiveId(draft.id);
    return draft.id;
  }

  function closeTab(id: number) {
    const index = drafts.findIndex((draft) => draft.id === id);
    const rest = drafts.filter((draft) => draft.id !== id);
    if (rest.length === 0) {
      const fresh = newDraft(nextDraftId++);
      setDrafts([fresh]);
      setActiveId(fresh.id);
      return;
    }
    setDrafts(rest);
    if (id === activeId) setActiveId((rest[Math.max(0, index - 1)] ?? rest[0])?.id ?? 0);
  }

  function open(query: OpenedQuery, run: boolean) {
    const parsed = query.range === undefined ? undefined : parseTimeRange(query.range, 'utc', Date.now());
    const from = {
      queryString: query.queryString,
      logGroupNames: query.logGroupNames,
      ...(parsed?.ok ? { range: parsed.range } : {}),
      ...(query.definition ? { definition: query.definition } : {}),
    };
    const current = drafts.find((draft) => draft.id === activeId);
    let id: number;
    if (current && !running.has(current.id)) {
      id = current.id;
      const { definition: _previous, ...rest } = current;
      change({ ...rest, ...from });
    } else {
      id = addTab(from);
    }
    if (run) setRunRequests((requests) => new Map(requests).set(id, (requests.get(id) ?? 0) + 1));
    else editor.current?.focus();
  }

  function onTabKeyDown(event: KeyboardEvent<HTMLButtonElement>, index: number) {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0;
    if (step === 0) return;
    event.preventDefault();
    const next = drafts[(index + step + drafts.length) % drafts.length];
    if (next) {
      setActiveId(next.id);
      document.getElementById(`insights-tab-${next.id}`)?.focus();
    }
  }

  return (
    <div className="insights-view">
      <h1 className="visually-hidden">Insights</h1>
      <Library onOpen={open} />
      <div className="insights-main">
        <div className="insights-tabs">
          <div role="tablist" aria-label="Queries">
            {drafts.map((draft, index) => (
              <span key={draft.id} className="insights-tab-label" data-active={draft.id === activeId || undefined}>
                <button
                  type="button"
                  role="tab"
                  id={`insights-tab-${draft.id}`}
                  aria-selected={draft.id === activeId}
                  tabIndex={draft.id === activeId ? 0 : -1}
                  onClick={() => setActiveId(draft.id)}
                  onKeyDown={(event) => onTabKeyDown(event, index)}
                >
                  {running.has(draft.id) && <span className="spinner spinner-small" aria-label="running" />}
                  <span className="mono">{draftTitle(draft, index)}</span>
                </button>
                <button type="button" className="chip-remove" aria-label={`Close ${draftTitle(draft, index)}`} onClick={() => closeTab(draft.id)}>
                  <CloseIcon />
                </button>
              </span>
            ))}
          </div>
          <button type="button" className="icon-button" aria-label="New query tab" title="New query tab" onClick={() => addTab()}>
            <PlusIcon />
          </button>
        </div>
        {drafts.map((draft) => (
          <QueryTabPanel
            key={draft.id}
            draft={draft}
            onChange={change}
            hidden={draft.id !== activeId}
            onActivity={onActivity}
            editorRef={draft.id === activeId ? editor : undefined}
            runRequest={runRequests.get(draft.id) ?? 0}
          />
        ))}
      </div>
    </div>
  );
}
