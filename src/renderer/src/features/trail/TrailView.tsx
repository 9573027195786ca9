/**
 * The CloudTrail view: event history (a lookup form, then the events found) and the region's trails.
 * The lookup lives in the location hash, so a reload, a shared link or another view's "Who changed
 * this" (app/links/trail.ts) opens it and runs it.
 */
import { useCallback, useState } from 'react';
import type { LookupAttribute } from '../../../../shared/contract';
import { parametersOf, useViewParameters } from '../../app/viewParameters';
import { TRAIL_ROUTE } from '../../app/links/trail';
import { EmptyState } from '../../components/States';
import { EventHistory } from './EventHistory';
import { LookupForm } from './LookupForm';
import { fromParameters, toParameters, type LookupState, type ParsedLookup } from './lookupState';
import { PRESETS } from './presets';
import { TrailsPanel } from './TrailsPanel';
import './trail.css';

interface Run {
  readonly lookup: LookupState;
  /** The link asked for what AWS cannot do: the form says so, and nothing is looked up yet. */
  readonly refused?: { readonly reason: string; readonly extra: readonly LookupAttribute[] };
  readonly at: number;
  /** The hash text it came from. */
  readonly query: string;
  /** A new run, even of the same lookup, starts afresh. */
  readonly id: number;
}

let runs = 0;

/** A run of the lookup a hash's parameters hold, submitted now; undefined when they hold none. */
function runFromHash(query: string): Run | undefined {
  const at = Date.now();
  const parsed: ParsedLookup | undefined = fromParameters(new URLSearchParams(query), at);
  return parsed && { lookup: parsed.state, ...(parsed.refused ? { refused: { reason: parsed.refused, extra: parsed.extra ?? [] } } : {}), at, query, id: ++runs };
}

export function TrailView({ active }: { readonly active: boolean }) {
  const [query, setQuery] = useViewParameters(TRAIL_ROUTE);
  const [tab, setTab] = useState<'history' | 'trails'>('history');
  const [run, setRun] = useState<Run | undefined>(() => runFromHash(parametersOf(window.location.hash, TRAIL_ROUTE).toString()));

  // A link from another view (or the address bar) changes the hash: run what it asks for.
  const [seenQuery, setSeenQuery] = useState(query);
  if (active && query !== seenQuery) {
    setSeenQuery(query);
    const linked = query === '' || query === run?.query ? undefined : runFromHash(query);
    if (linked) {
      setRun(linked);
      setTab('history');
    }
  }

  const start = useCallback(
    (lookup: LookupState) => {
      const parameters = toParameters(lookup);
      setRun({ lookup, at: Date.now(), query: parameters.toString(), id: ++runs });
      setQuery(parameters);
    },
    [setQuery],
  );

  const lookUp = useCallback(
    (attribute: LookupAttribute) => start({ attribute, also: [], readOnly: 'all', range: run?.lookup.range ?? { kind: 'relative', startAgoMs: 86_400_000, endAgoMs: 0 } }),
    [start, run?.lookup.range],
  );

  return (
    <div className="trail-view">
      <div className="trail-head">
        <h1 className="view-title">CloudTrail</h1>
        <div className="segmented" role="group" aria-label="Show">
          <button type="button" aria-pressed={tab === 'history'} onClick={() => setTab('history')}>
            Event history
          </button>
          <button type="button" aria-pressed={tab === 'trails'} onClick={() => setTab('trails')}>
            Trails
          </button>
        </div>
      </div>
      <div className="trail-page" hidden={tab !== 'history'}>
        <LookupForm key={run?.id ?? 0} initial={run?.lookup ?? { also: [], readOnly: 'all', range: { kind: 'relative', startAgoMs: 86_400_000, endAgoMs: 0 } }} refused={run?.refused} onLookup={start} />
        {run === undefined || run.refused ? (
          <EmptyState title="Who changed what, and when">
            Look up the management events of the last 90 days in this region — by event name, user, resource, source, access key or event ID —
            or start from a question: {PRESETS.map((preset) => preset.label.toLowerCase()).join(', ')}.
          </EmptyState>
        ) : (
          <EventHistory key={run.id} lookup={run.lookup} submittedAt={run.at} onLookup={lookUp} onAgain={() => start(run.lookup)} />
        )}
      </div>
      {tab === 'trails' && <TrailsPanel />}
    </div>
  );
}
