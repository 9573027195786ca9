/**
 * One query tab: groups, range, the editor, Run/Stop with status and statistics as the query runs, the
 * cost before and after, and the results as a table or a chart, with "fetch every row" when AWS's cap
 * cut them, downloads, and the record of a row. Runs keep going while another tab is on screen.
 */
import { useCallback, useEffect, useMemo, useRef, useState, type Ref } from 'react';
import type { QueryRequest, QueryRow } from '../../../../shared/contract';
import { INSIGHTS_RESULTS_CAP } from '../../../../shared/contract/insights-rules';
import { formatBytes, formatCount, plural } from '../../../../shared/format';
import { formatTimeRange, rangeProblem, resolveRange } from '../../../../shared/time-range';
import { useLogGroups } from '../../api/useLogGroups';
import { useScope } from '../../app/scope';
import type { DataGridHandle } from '../../components/DataGrid';
import { ErrorNotice } from '../../components/ErrorNotice';
import { QueryEditor, type QueryEditorHandle, type TextMistake } from '../../components/query-editor/QueryEditor';
import { EmptyState } from '../../components/States';
import { TimeRangePicker } from '../../components/time-range/TimeRangePicker';
import { resultChart, shapeOfText } from './chartData';
import { actualText, estimateText } from './costEstimate';
import { fetchAllOrder } from './fetchAllPlan';
import { GroupPicker } from './GroupPicker';
import { AccountQueries } from './AccountQueries';
import { insightsLanguage } from './insightsLanguage';
import type { QueryDraft } from './queryDraft';
import { isActive, statusText, type RunState } from './queryRun';
import { RecordPane } from './RecordPane';
import { ResultsChart } from './ResultsChart';
import { ResultsTable } from './ResultsTable';
import { SaveQueryDialog } from './SaveQueryDialog';
import { useFetchAll } from './useFetchAll';
import { useHistory } from './useHistory';
import { useGroupFields } from './useInsightsData';
import { useQueryRun } from './useQueryRun';
import { useSaveResults } from './useSaveResults';

interface QueryTabPanelProps {
  readonly draft: QueryDraft;
  readonly onChange: (draft: QueryDraft) => void;
  readonly hidden: boolean;
  /** Tells the tab strip whether this tab's query is running. */
  readonly onActivity: (id: number, running: boolean) => void;
  readonly editorRef?: Ref<QueryEditorHandle>;
  /** Changes when the tab is asked to run its query at once (a saved query or history entry chosen with Run). */
  readonly runRequest: number;
}

export function QueryTabPanel({ draft, onChange, hidden, onActivity, editorRef, runRequest }: QueryTabPanelProps) {
  const { scope, key } = useScope();
  const groups = useLogGroups(key);
  const fields = useGroupFields(draft.logGroupNames);
  const language = useMemo(() => insightsLanguage(fields.data ?? []), [fields.data]);
  const history = useHistory();
  const [ran, setRan] = useState<{ readonly request: QueryRequest; readonly text: string } | undefined>(undefined);
  const [problem, setProblem] = useState<string | undefined>(undefined);
  const [view, setView] = useState<'table' | 'chart'>('table');
  const [opened, setOpened] = useState<QueryRow | undefined>(undefined);
  const [saving, setSaving] = useState(false);
  const grid = useRef<DataGridHandle>(null);
  const fetchAll = useFetchAll();
  const save = useSaveResults();

  const onEnd = useCallback(
    (state: RunState, request: QueryRequest) => {
      onActivity(draft.id, false);
      history.record({
        id: `${state.startedAt ?? Date.now()}-${draft.id}`,
        queryString: request.queryString,
        logGroupNames: request.logGroupNames,
        range: formatTimeRange(draft.range, 'utc'),
        region: scope.region,
        status: state.phase === 'failed' ? 'Failed' : (state.status ?? 'Cancelled'),
        ranAt: state.startedAt ?? Date.now(),
        rows: state.rows.length,
        ...(state.statistics ? { bytesScanned: state.statistics.bytesScanned } : {}),
      });
    },
    [draft.id, draft.range, history, onActivity, scope.region],
  );
  const { state, run, stop } = useQueryRun(onEnd);
  const active = isActive(state);

  function start() {
    if (active) return;
    const text = draft.queryString;
    const blocking = language.check(text).filter((mistake) => !mistake.warning);
    const why =
      text.trim() === ''
        ? 'Write a query first.'
        : blocking.length > 0
          ? 'Correct the query first: its mistake is marked in the editor.'
          : draft.logGroupNames.length === 0
            ? 'Choose at least one log group to query.'
            : rangeProblem(draft.range);
    setProblem(why);
    if (why !== undefined) return;
    const range = resolveRange(draft.range, Date.now());
    const request: QueryRequest = { logGroupNames: [...draft.logGroupNames], queryString: text, startTime: range.start, endTime: range.end };
    setRan({ request, text });
    setOpened(undefined);
    fetchAll.reset();
    save.dismiss();
    onActivity(draft.id, true);
    run(request);
  }

  const startRef = useRef(start);
  useEffect(() => {
    startRef.current = start;
  });
  useEffect(() => {
    if (runRequest > 0) startRef.current();
  }, [runRequest]);

  const location = state.error?.details?.queryErrorLocation;
  const serverMistake: TextMistake | undefined =
    location && ran ? { text: ran.text, mistake: { start: location.start, end: Math.max(location.end, location.start + 1), message: withoutPosition(state.error?.message ?? '') } } : undefined;

  const shape = useMemo(() => (ran ? shapeOfText(ran.text) : undefined), [ran]);
  const chart = useMemo(() => (shape ? resultChart(shape, state.rows) : undefined), [shape, state.rows]);
  const fetched = fetchAll.state.phase === 'idle' ? undefined : fetchAll.state;
  const rows = fetched && fetched.phase === 'done' ? fetched.rows : state.rows;
  const resultFields = fetched && fetched.phase === 'done' && fetched.fields.length > 0 ? fetched.fields : state.fields;
  const order = ran && state.capped ? fetchAllOrder(ran.text) : undefined;

  const loaded = useMemo(() => new Map((groups.query.data ?? []).map((group) => [group.name, group])), [groups.query.data]);
  const chosen = draft.logGroupNames.flatMap((name) => loaded.get(name) ?? []);
  const [now] = useState(Date.now);
  const resolved = rangeProblem(draft.range) === undefined ? resolveRange(draft.range, now) : undefined;
  const estimate = draft.logGroupNames.length > 0 && resolved ? estimateText(chosen, draft.logGroupNames.length - chosen.length, resolved, scope.region, now) : undefined;

  return (
    <div className="insights-tab" hidden={hidden} role="tabpanel" aria-label="Query">
      <div className="insights-query">
        <div className="insights-query-head">
          <GroupPicker value={draft.logGroupNames} onChange={(logGroupNames) => onChange({ ...draft, logGroupNames })} />
          <TimeRangePicker value={draft.range} onChange={(range) => onChange({ ...draft, range })} />
        </div>
        <QueryEditor
          value={draft.queryString}
          onChange={(queryString) => onChange({ ...draft, queryString })}
          language={language}
          onRun={start}
          serverMistake={serverMistake}
          label="Logs Insights query"
          placeholder="fields @timestamp, @message | filter @message like /ERROR/"
          editorRef={editorRef}
        />
        <div className="insights-actions">
          {active ? (
            <button type="button" className="button button-danger" onClick={stop} disabled={state.phase === 'stopping'}>
              {state.phase === 'stopping' ? 'Stopping…' : 'Stop'}
            </button>
          ) : (
            <button type="button" className="button" onClick={start} title="Run (Ctrl+Enter)">
              Run query
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={() => setSaving(true)} disabled={draft.queryString.trim() === ''}>
            Save…
          </button>
          <span className="insights-cost" role="status" aria-live="polite">
            {state.statistics && !active && state.phase !== 'idle' ? actualText(state.statistics.bytesScanned, scope.region) : estimate}
            {fields.isFetching && <span className="muted"> · reading the groups’ fields…</span>}
          </span>
        </div>
        {problem && <p className="field-error" role="alert">{problem}</p>}
      </div>
      <RunStatus state={state} />
      {state.waitingFor === 'account-quota' && <AccountQueries />}
      {state.phase === 'failed' && state.error && !location && <ErrorNotice error={state.error} context="The query did not run" />}
      {state.phase !== 'idle' && state.phase !== 'failed' && (
        <div className="insights-results">
          <div className="toolbar toolbar-compact">
            <div className="segmented" role="group" aria-label="Show results as">
              <button type="button" aria-pressed={view === 'table'} onClick={() => setView('table')}>
                Table
              </button>
              <button type="button" aria-pressed={view === 'chart'} onClick={() => setView('chart')} disabled={chart === undefined} title={chart === undefined ? 'Charts show results of stats queries' : undefined}>
                Chart
              </button>
            </div>
            <span className="toolbar-count" role="status">
              {plural(rows.length, 'row')}
            </span>
            <span className="toolbar-spacer" />
            <button type="button" className="button button-quiet" disabled={rows.length === 0 || save.state.status === 'saving'} onClick={() => void save.save('csv', suggestedName('csv'), resultFields, rows)}>
              Download CSV
            </button>
            <button type="button" className="button button-quiet" disabled={rows.length === 0 || save.state.status === 'saving'} onClick={() => void save.save('ndjson', suggestedName('ndjson'), resultFields, rows)}>
              Download NDJSON
            </button>
          </div>
          <SaveLine state={save.state} onCancel={save.cancel} onDismiss={save.dismiss} />
          {state.capped && state.phase === 'done' && (
            <CapNotice order={order} fetchState={fetched} onFetch={() => ran && order && fetchAll.fetchAll(ran.request, order)} onCancel={fetchAll.cancel} />
          )}
          <div className="insights-results-body">
            {view === 'chart' && chart ? (
              <ResultsChart chart={chart} />
            ) : rows.length === 0 ? (
              <EmptyState title={active ? 'No rows yet' : 'No rows'}>{active ? 'Rows appear here as AWS finds them.' : 'Nothing matched in this range. Try a longer range, other groups or a looser filter.'}</EmptyState>
            ) : (
              <div className="insights-table-split">
                <ResultsTable fields={resultFields} rows={rows} onOpen={setOpened} selected={opened} handleRef={grid} />
                {opened && <RecordPane key={opened['@ptr'] ?? JSON.stringify(opened)} row={opened} onClose={() => setOpened(undefined)} returnFocus={() => grid.current?.focusActiveRow()} />}
              </div>
            )}
          </div>
        </div>
      )}
      {state.phase === 'idle' && (
        <EmptyState title="Ask a question of your logs">
          Choose log groups and a range, write a query (Ctrl+Space completes commands, functions and the groups’ fields), then Run or press Ctrl+Enter.
        </EmptyState>
      )}
      {saving && (
        <SaveQueryDialog
          queryString={draft.queryString}
          logGroupNames={draft.logGroupNames}
          existing={draft.definition}
          onClose={() => setSaving(false)}
          onSaved={(definition) => {
            setSaving(false);
            onChange({ ...draft, definition });
          }}
        />
      )}
    </div>
  );
}

/** The editor says where the mistake is itself. */
function withoutPosition(message: string): string {
  return message.replace(/ \(at character \d+\)/, '');
}

function suggestedName(extension: string): string {
  return `insights-results-${new Date().toISOString().slice(0, 19).replace(/[:T]/g, '-')}.${extension}`;
}

function RunStatus({ state }: { readonly state: RunState }) {
  if (state.phase === 'idle') return null;
  const statistics = state.statistics;
  const elapsed = state.startedAt === undefined || state.endedAt === undefined ? undefined : (state.endedAt - state.startedAt) / 1000;
  return (
    <div className="insights-status" role="status" aria-live="polite" data-status={state.phase === 'failed' ? 'Failed' : state.status}>
      {isActive(state) && <span className="spinner spinner-small" aria-hidden="true" />}
      <span className="insights-status-word">{statusText(state)}</span>
      {statistics && (
        <span className="muted">
          {formatCount(statistics.recordsMatched)} matched · {formatCount(statistics.recordsScanned)} scanned · {formatBytes(statistics.bytesScanned)} scanned
        </span>
      )}
      {elapsed !== undefined && !isActive(state) && <span className="muted">· {elapsed.toFixed(1)} s</span>}
      {state.waiting && <span className="insights-waiting">{state.waiting}</span>}
    </div>
  );
}

function CapNotice({
  order,
  fetchState,
  onFetch,
  onCancel,
}: {
  readonly order: string | undefined;
  readonly fetchState: ReturnType<typeof useFetchAll>['state'] | undefined;
  readonly onFetch: () => void;
  readonly onCancel: () => void;
}) {
  const phase = fetchState && fetchState.phase !== 'idle' ? fetchState : undefined;
  return (
    <div className="notice notice-warning insights-cap" role="status">
      <div className="notice-body">
        <p className="notice-title">AWS returned its most rows for one query ({formatCount(INSIGHTS_RESULTS_CAP)}): there may be more.</p>
        {order === undefined ? (
          <p>Every row can be fetched in slices of the range only when the rows are events sorted by time: add <code>| sort @timestamp desc</code> (and no stats, dedup or limit), or narrow the range or the filter.</p>
        ) : phase === undefined ? (
          <p>
            <button type="button" className="link-button" onClick={onFetch}>
              Fetch every row
            </button>{' '}
            by splitting the range into queries that each stay under the cap, merged in order (each is billed for what it scans).
          </p>
        ) : phase.phase === 'fetching' ? (
          <p>
            Fetching every row: {Math.round(phase.fraction * 100)}% of the range, {plural(phase.rows.length, 'row')}, {plural(phase.queries, 'query', 'queries')}, {formatBytes(phase.bytesScanned)} scanned.{' '}
            <button type="button" className="link-button" onClick={onCancel}>
              Cancel
            </button>
          </p>
        ) : phase.phase === 'done' ? (
          <p>
            Every row fetched: {plural(phase.rows.length, 'row')} from {plural(phase.queries, 'query', 'queries')}, {formatBytes(phase.bytesScanned)} scanned.
            {phase.incompleteSeconds.length > 0 && ` ${plural(phase.incompleteSeconds.length, 'second')} of the range held more rows than one query returns; their rows are cut at the cap.`}
          </p>
        ) : phase.phase === 'failed' ? (
          <ErrorNotice error={phase.error} context="Fetching every row failed" />
        ) : (
          <p>Fetching every row was cancelled.</p>
        )}
      </div>
    </div>
  );
}

function SaveLine({ state, onCancel, onDismiss }: { readonly state: ReturnType<typeof useSaveResults>['state']; readonly onCancel: () => void; readonly onDismiss: () => void }) {
  if (state.status === 'idle' || state.status === 'choosing') return null;
  if (state.status === 'failed') return <ErrorNotice error={state.error} context="Could not save the results" />;
  return (
    <p className="progress-line" role="status">
      {state.status === 'saving' ? (
        <>
          Saving {formatCount(state.written)} of {formatCount(state.total)} rows to {state.fileName}…{' '}
          <button type="button" className="link-button" onClick={onCancel}>
            Cancel
          </button>
        </>
      ) : (
        <>
          Saved {plural(state.rows, 'row')} to {state.fileName}.{' '}
          <button type="button" className="link-button" onClick={onDismiss}>
            Dismiss
          </button>
        </>
      )}
    </p>
  );
}
