/**
 * Creating and editing a metric alarm on its chart, with a live backtest: the metric's last 14 days at the
 * alarm's period on top, the threshold a line to drag (or the anomaly band), the periods the alarm would have
 * spent in ALARM shaded and counted — recomputed with the shared engine on every change, from data fetched
 * only when the metric, statistic or period change. Save sends the whole definition read with only what
 * the form changed, and never overwrites someone else's change without asking.
 */
import { useDeferredValue, useMemo, useState } from 'react';
import { alarmConfigProblems, TREAT_MISSING_DATA, type ComparisonOperator, type TreatMissingData } from '../../../../../shared/alarms';
import { isApiError } from '../../../../../shared/errors';
import type { MetricAlarm } from '../../../../../shared/contract';
import { formatPeriod } from '../../../../../shared/metric-periods';
import { formatTimestamp, plural } from '../../../../../shared/format';
import type { NewAlarmLink } from '../../../app/links/alarms';
import { useScope } from '../../../app/scope';
import { roundToStep, thresholdStep, type ChartThreshold } from '../../../components/chart/chartOption';
import { TimeSeriesChart } from '../../../components/chart/TimeSeriesChart';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { WarningIcon } from '../../../components/icons';
import { ErrorState, LoadingState } from '../../../components/States';
import { useTimeZone } from '../../../components/TimeZone';
import { useStoredValue } from '../../../components/useStoredValue';
import { linkedGroupsKey, parseLinkedGroups, withLink } from '../linkedGroups';
import { useDebouncedValue } from '../../../components/useDebouncedValue';
import { ActionsEditor, type ActionState } from './ActionsEditor';
import {
  alarmConfigOf,
  bandOf,
  canEditStatistic,
  comparedQuery,
  DEFAULT_BAND_WIDTH,
  definitionDifferences,
  draftFromAlarm,
  draftFromLink,
  draftMetrics,
  draftPeriod,
  draftProblems,
  draftStatistic,
  draftMetricQueries,
  formatDimensions,
  hasInstanceDimension,
  isBandDraft,
  isPercentileDraft,
  isSingleMetric,
  operatorsFor,
  parseDimensions,
  setBandWidth,
  setMetric,
  setPeriod,
  setQueryStatistic,
  setStatistic,
  toBand,
  toStatic,
  type AlarmDraft,
  type DraftField,
} from './alarmDraft';
import { backtestView, historyFromData, historyRequest, resolutionProblem } from './alarmHistory';
import { ConflictDialog } from './ConflictDialog';
import { readAlarmNow, useAlarmHistoryData, useCreateTopic, usePutAlarm, useSnsTopics } from './useAlarmEditorApi';
import './AlarmEditor.css';

export type AlarmEditorStart = { readonly kind: 'edit'; readonly alarm: MetricAlarm } | { readonly kind: 'new'; readonly link: NewAlarmLink };

export interface AlarmEditorProps {
  readonly start: AlarmEditorStart;
  /** Saved: the alarm as CloudWatch describes it now. */
  readonly onSaved: (alarm: MetricAlarm) => void;
  readonly onCancel: () => void;
}

/** The periods offered: the sub-minute ones of high-resolution alarms, then whole minutes up to a day. */
const ALARM_PERIODS: readonly number[] = [10, 20, 30, 60, 120, 300, 600, 900, 1800, 3600, 7200, 10800, 21600, 43200, 86400];
const STATISTIC_SUGGESTIONS = ['Average', 'Sum', 'Minimum', 'Maximum', 'SampleCount', 'p50', 'p90', 'p95', 'p99', 'p99.9', 'tm90', 'IQM'];
const OPERATOR_LABELS: Record<ComparisonOperator, string> = {
  GreaterThanThreshold: '> threshold',
  GreaterThanOrEqualToThreshold: '≥ threshold',
  LessThanThreshold: '< threshold',
  LessThanOrEqualToThreshold: '≤ threshold',
  LessThanLowerOrGreaterThanUpperThreshold: 'Outside the band',
  GreaterThanUpperThreshold: 'Above the band',
  LessThanLowerThreshold: 'Below the band',
};
const MISSING_LABELS: Record<TreatMissingData, string> = {
  missing: 'Missing (AWS default): not enough data keeps the state INSUFFICIENT_DATA',
  ignore: 'Ignore: keep the current state',
  breaching: 'Breaching: missing data counts as over the threshold',
  notBreaching: 'Not breaching: missing data counts as within the threshold',
};
const ACTION_FIELDS: readonly { readonly state: ActionState; readonly field: 'okActions' | 'alarmActions' | 'insufficientDataActions' }[] = [
  { state: 'ALARM', field: 'alarmActions' },
  { state: 'OK', field: 'okActions' },
  { state: 'INSUFFICIENT_DATA', field: 'insufficientDataActions' },
];
const ALARM_SHADE = '#d62728';
const THRESHOLD_ID = 'threshold';
/** The backtest's ALARM periods listed under the chart (the canvas says nothing to a screen reader). */
const MAX_LISTED_PERIODS = 50;

export function AlarmEditor({ start, onSaved, onCancel }: AlarmEditorProps) {
  const { scope } = useScope();
  const { zone } = useTimeZone();
  const [draft, setDraft] = useState<AlarmDraft>(() => (start.kind === 'edit' ? draftFromAlarm(start.alarm) : draftFromLink(start.link)));
  /** The AlarmConfigurationUpdatedTimestamp the edit is based on; undefined for a new alarm. */
  const [basedOn, setBasedOn] = useState<number | undefined>(start.kind === 'edit' ? start.alarm.configurationUpdatedAt : undefined);
  const [now, setNow] = useState(() => Date.now());
  /** The dimensions as typed (Name=Value, …): kept while they do not read, so nothing typed is lost. */
  const [dimensionsText, setDimensionsText] = useState(() => formatDimensions(draft.dimensions));
  const [conflict, setConflict] = useState<{ readonly theirs: MetricAlarm | undefined } | null>(null);
  /** The static threshold before switching to a band, given back when switching back. */
  const [thresholdBeforeBand, setThresholdBeforeBand] = useState<number | undefined>(undefined);
  /** A Conflict whose other version could not be read (the network failed in between). */
  const [unreadConflict, setUnreadConflict] = useState<unknown>(null);
  // An alarm made from a metric filter remembers the filter's group and pattern for "why did it fire" (the alarms view's links).
  const [, updateLinkedGroups] = useStoredValue(linkedGroupsKey(scope.connection.id, scope.region), parseLinkedGroups);
  const put = usePutAlarm();

  // The data follows the metric, statistic and period, a moment after they settle; a drag changes none of them.
  const settled = useDebouncedValue(draft, 300);
  const settledProblems = useMemo(() => draftProblems(settled), [settled]);
  const request = useMemo(
    () => (settledProblems.some((problem) => problem.field === 'statistic' || problem.field === 'bandWidth') ? undefined : historyRequest(settled, now)),
    [settled, settledProblems, now],
  );
  const data = useAlarmHistoryData(request);
  const history = useMemo(() => (data.data ? historyFromData(settled, data.data) : undefined), [data.data, settled]);
  const historyRange = useMemo(() => (request ? { start: request.startTime, end: request.endTime } : undefined), [request?.startTime, request?.endTime]); // eslint-disable-line react-hooks/exhaustive-deps

  // A new alarm's threshold starts at the highest value seen (rounded), once there is a history to see it in:
  // adjusted while rendering, once, rather than in an effect (no extra pass with the old threshold drawn).
  const [suggested, setSuggested] = useState(start.kind === 'edit');
  if (!suggested && history && history.points.length > 0) {
    setSuggested(true);
    if (draft.threshold === undefined && !isBandDraft(draft)) setDraft((current) => ({ ...current, threshold: suggestedThreshold(history.datapoints) }));
  }

  const problems = useMemo(() => {
    const found = draftProblems(draft);
    const resolution = history ? resolutionProblem(draft, history) : undefined;
    if (resolution) found.push({ field: 'period', message: resolution });
    const dimensions = parseDimensions(dimensionsText);
    if ('problem' in dimensions && isSingleMetric(draft)) found.push({ field: 'metric', message: dimensions.problem });
    return found;
  }, [draft, history, dimensionsText]);
  const problemsOf = (field: DraftField) => problems.filter((problem) => problem.field === field).map((problem) => problem.message);

  // The backtest runs on the deferred draft: typing and dragging stay responsive, the shading follows.
  const tested = useDeferredValue(draft);
  const backtest = useMemo(() => {
    if (!history || !historyRange || alarmConfigProblems(alarmConfigOf(tested)).length > 0) return undefined;
    return backtestView(tested, history, historyRange, ALARM_SHADE);
  }, [tested, history, historyRange]);

  const band = isBandDraft(draft);
  const thresholds = useMemo<ChartThreshold[]>(
    () => (!band && draft.threshold !== undefined && Number.isFinite(draft.threshold) ? [{ id: THRESHOLD_ID, label: 'Threshold', value: draft.threshold, draggable: true }] : []),
    [band, draft.threshold],
  );
  const chartSeries = useMemo(() => (history ? [{ id: 'metric', label: history.label, points: history.points }] : []), [history]);
  const bands = useMemo(() => (history?.band ? [history.band] : []), [history]);

  const edit = (change: (current: AlarmDraft) => AlarmDraft) => setDraft((current) => change(current));

  const save = (expectedConfigurationUpdatedAt: number | undefined) => {
    setUnreadConflict(null);
    put.mutate(
      { alarm: draft, ...(expectedConfigurationUpdatedAt === undefined ? {} : { expectedConfigurationUpdatedAt }) },
      {
        onSuccess: ({ alarm }) => {
          setConflict(null);
          if (start.kind === 'new' && start.link.metricFilter) {
            const { logGroupName, pattern } = start.link.metricFilter;
            updateLinkedGroups((links) => withLink(links, alarm.name, { logGroupName, filterPattern: pattern }));
          }
          onSaved(alarm);
        },
        onError: (error) => {
          if (!isApiError(error) || error.code !== 'Conflict') return;
          readAlarmNow(draft.name).then(
            (theirs) => setConflict({ theirs }),
            (readError: unknown) => setUnreadConflict(readError),
          );
        },
      },
    );
  };

  const title = start.kind === 'edit' ? `Edit ${start.alarm.name}` : 'New alarm';
  const metrics = draftMetrics(draft);
  const statistic = draftStatistic(draft);
  const period = draftPeriod(draft);
  const width = bandOf(draft)?.width;
  const saveError = put.error && !(isApiError(put.error) && put.error.code === 'Conflict') ? put.error : undefined;

  return (
    <section className="alarm-editor" aria-label={title}>
      <header className="alarm-editor-header">
        <div>
          <h2>{title}</h2>
          <p className="muted alarm-editor-metric">
            {metrics.length === 0
              ? isSingleMetric(draft)
                ? 'No metric yet: name it below.'
                : 'Metric math'
              : metrics.map((metric) => [metric.namespace, metric.metricName, formatDimensions(metric.dimensions)].filter(Boolean).join(' · ')).join('; ')}
            {comparedQuery(draft)?.expression !== undefined && ` — ${comparedQuery(draft)?.expression}`}
          </p>
        </div>
        <span className="toolbar-spacer" />
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="button" className="button alarm-editor-save" disabled={problems.length > 0 || put.isPending} onClick={() => save(basedOn)}>
          {put.isPending ? 'Saving…' : problems.length > 0 ? `Save (${plural(problems.length, 'problem')} to fix)` : start.kind === 'edit' ? 'Save changes' : 'Create alarm'}
        </button>
      </header>

      <div className="alarm-editor-tuning">
        <p className="alarm-backtest" aria-live="polite" role="status">
          {backtest
            ? backtest.sentence
            : history
              ? 'Fix the problems below to see how often this alarm would have fired.'
              : request === undefined
                ? 'Name the metric, its statistic and period below to see its last 14 days and how often this alarm would have fired.'
                : ''}
        </p>
        <div className="alarm-editor-chart">
          {data.isPending && request ? (
            <LoadingState label="Reading the metric's last 14 days…" />
          ) : data.isError ? (
            <ErrorState error={data.error} context="Could not read the metric's history" onRetry={() => void data.refetch()} />
          ) : (
            <TimeSeriesChart
              series={chartSeries}
              range={historyRange ?? { start: now - 14 * 86_400_000, end: now }}
              zone={zone}
              label={`History of ${history?.label ?? 'the metric'} with the alarm's threshold and the backtest's ALARM periods`}
              thresholds={thresholds}
              bands={bands}
              intervals={backtest?.intervals}
              onThresholdDrag={(_id, value) => edit((current) => ({ ...current, threshold: value }))}
              legend={false}
            />
          )}
        </div>
        {backtest && backtest.intervals.length > 0 && (
          <details className="alarm-backtest-periods">
            <summary>When it would have been in ALARM</summary>
            <ul aria-label="Backtest ALARM periods">
              {backtest.intervals.slice(0, MAX_LISTED_PERIODS).map((interval) => (
                <li key={interval.start}>
                  {formatTimestamp(interval.start, zone, 'minute')} – {formatTimestamp(interval.end, zone, 'minute')}
                  {zone === 'utc' ? ' UTC' : ''} ({plural(Math.round((interval.end - interval.start) / 60_000), 'minute')})
                </li>
              ))}
              {backtest.intervals.length > MAX_LISTED_PERIODS && <li>and {plural(backtest.intervals.length - MAX_LISTED_PERIODS, 'more period')}</li>}
            </ul>
          </details>
        )}
        <div className="alarm-editor-chart-notes">
          {history?.messages.map((message) => (
            <p key={message} className="muted">
              {message}
            </p>
          ))}
          <button type="button" className="button button-quiet" onClick={() => setNow(Date.now())}>
            Read again up to now
          </button>
        </div>
      </div>

      <div className="alarm-editor-form">
        <fieldset className="alarm-editor-section">
          <legend>Metric</legend>
          {isSingleMetric(draft) && (
            <>
              <Field label="Namespace">
                {(aria) => <input {...aria} className="input" value={draft.namespace ?? ''} placeholder="AWS/EC2" onChange={(event) => edit((current) => setMetric(current, { namespace: event.target.value.trim(), metricName: current.metricName ?? '', dimensions: current.dimensions }))} />}
              </Field>
              <Field label="Metric name">
                {(aria) => <input {...aria} className="input" value={draft.metricName ?? ''} placeholder="CPUUtilization" onChange={(event) => edit((current) => setMetric(current, { namespace: current.namespace ?? '', metricName: event.target.value.trim(), dimensions: current.dimensions }))} />}
              </Field>
              <Field label="Dimensions" optional hint="Name=Value, separated by commas, e.g. InstanceId=i-0abc.">
                {(aria) => (
                  <input
                    {...aria}
                    className="input mono"
                    value={dimensionsText}
                    onChange={(event) => {
                      setDimensionsText(event.target.value);
                      const parsed = parseDimensions(event.target.value);
                      if ('dimensions' in parsed) edit((current) => setMetric(current, { namespace: current.namespace ?? '', metricName: current.metricName ?? '', dimensions: parsed.dimensions }));
                    }}
                  />
                )}
              </Field>
            </>
          )}
          {problemsOf('metric').map((message) => (
            <Problem key={message} message={message} />
          ))}
          {canEditStatistic(draft) ? (
            <StatisticField value={statistic ?? ''} error={joined(problemsOf('statistic'))} onChange={(stat) => edit((current) => setStatistic(current, stat))} />
          ) : (
            <>
              {draftMetricQueries(draft).map((query) => (
                <StatisticField
                  key={query.id}
                  label={`Statistic of ${query.id}`}
                  hint={[query.metric.namespace, query.metric.metricName, formatDimensions(query.metric.dimensions)].filter(Boolean).join(' · ')}
                  value={query.stat}
                  onChange={(stat) => edit((current) => setQueryStatistic(current, query.id, stat))}
                />
              ))}
              {problemsOf('statistic').map((message) => (
                <Problem key={message} message={message} />
              ))}
            </>
          )}
          <Field label="Period" error={joined(problemsOf('period'))}>
            {(aria) => (
              <select {...aria} className="select" value={period ?? ''} onChange={(event) => edit((current) => setPeriod(current, Number(event.target.value)))}>
                {period !== undefined && !ALARM_PERIODS.includes(period) && <option value={period}>{formatPeriod(period)}</option>}
                {ALARM_PERIODS.map((seconds) => (
                  <option key={seconds} value={seconds}>
                    {formatPeriod(seconds)}
                    {seconds < 60 ? ' (high-resolution metrics)' : ''}
                  </option>
                ))}
              </select>
            )}
          </Field>
        </fieldset>

        <fieldset className="alarm-editor-section">
          <legend>Condition</legend>
          <div className="segmented" role="group" aria-label="Threshold type">
            <button type="button" aria-pressed={!band} onClick={() => edit((current) => toStatic(current, current.threshold ?? thresholdBeforeBand))}>
              Static threshold
            </button>
            <button
              type="button"
              aria-pressed={band}
              onClick={() => {
                if (!band) setThresholdBeforeBand(draft.threshold);
                edit((current) => toBand(current, DEFAULT_BAND_WIDTH));
              }}
            >
              Anomaly band
            </button>
          </div>
          <Field label="Alarm when the value is" error={joined(problemsOf('comparisonOperator'))}>
            {(aria) => (
              <select {...aria} className="select" value={draft.comparisonOperator} onChange={(event) => edit((current) => ({ ...current, comparisonOperator: event.target.value as ComparisonOperator }))}>
                {operatorsFor(draft).map((operator) => (
                  <option key={operator} value={operator}>
                    {OPERATOR_LABELS[operator]}
                  </option>
                ))}
                {!operatorsFor(draft).includes(draft.comparisonOperator) && <option value={draft.comparisonOperator}>{OPERATOR_LABELS[draft.comparisonOperator]}</option>}
              </select>
            )}
          </Field>
          {band ? (
            <Field label="Band width (standard deviations)" error={joined(problemsOf('bandWidth'))} hint="Wider bands alarm less often. The sandbox's band is its own seasonal model, not AWS's.">
              {(aria) => <NumberInput aria={aria} value={width} onChange={(value) => edit((current) => setBandWidth(current, value ?? Number.NaN))} />}
            </Field>
          ) : null}
          {(!band || draft.threshold !== undefined) && (
            <Field label="Threshold" error={joined(problemsOf('threshold'))} hint={band ? undefined : 'Or drag the line on the chart (its handle takes the arrow keys).'}>
              {(aria) => <NumberInput aria={aria} value={draft.threshold} onChange={(value) => edit((current) => ({ ...current, threshold: value ?? Number.NaN }))} />}
            </Field>
          )}
          {band && draft.threshold === undefined && problemsOf('threshold').map((message) => <Problem key={message} message={message} />)}
          <div className="alarm-editor-m-of-n">
            <Field label="Datapoints to alarm (M)" error={joined(problemsOf('datapointsToAlarm'))} hint="Empty: all N.">
              {(aria) => <NumberInput aria={aria} value={draft.datapointsToAlarm} onChange={(value) => edit((current) => ({ ...current, datapointsToAlarm: value }))} />}
            </Field>
            <Field label="out of evaluation periods (N)" error={joined(problemsOf('evaluationPeriods'))}>
              {(aria) => <NumberInput aria={aria} value={draft.evaluationPeriods} onChange={(value) => edit((current) => ({ ...current, evaluationPeriods: value ?? Number.NaN }))} />}
            </Field>
          </div>
          <Field label="Missing data" error={joined(problemsOf('treatMissingData'))}>
            {(aria) => (
              <select
                {...aria}
                className="select"
                value={draft.treatMissingData ?? ''}
                onChange={(event) => edit((current) => ({ ...current, treatMissingData: event.target.value === '' ? undefined : (event.target.value as TreatMissingData) }))}
              >
                <option value="">Not set (AWS treats it as missing)</option>
                {TREAT_MISSING_DATA.map((treatment) => (
                  <option key={treatment} value={treatment}>
                    {MISSING_LABELS[treatment]}
                  </option>
                ))}
              </select>
            )}
          </Field>
          {isPercentileDraft(draft) && (
            <Field label="Percentiles with few samples" error={joined(problemsOf('evaluateLowSampleCountPercentile'))}>
              {(aria) => (
                <select
                  {...aria}
                  className="select"
                  value={draft.evaluateLowSampleCountPercentile ?? ''}
                  onChange={(event) => edit((current) => ({ ...current, evaluateLowSampleCountPercentile: event.target.value === '' ? undefined : (event.target.value as 'evaluate' | 'ignore') }))}
                >
                  <option value="">Not set (AWS evaluates them)</option>
                  <option value="evaluate">Evaluate: always compare the percentile</option>
                  <option value="ignore">Ignore: keep the state while a period has too few samples</option>
                </select>
              )}
            </Field>
          )}
        </fieldset>

        <fieldset className="alarm-editor-section alarm-editor-actions">
          <legend>Actions</legend>
          <label className="checkbox">
            <input type="checkbox" checked={draft.actionsEnabled} onChange={(event) => edit((current) => ({ ...current, actionsEnabled: event.target.checked }))} />
            Actions enabled (off: state changes are recorded, nothing is notified)
          </label>
          <TopicsAndActions draft={draft} region={scope.region} problemsOf={problemsOf} onChange={(field, actions) => edit((current) => ({ ...current, [field]: actions }))} />
        </fieldset>

        <fieldset className="alarm-editor-section">
          <legend>Name and description</legend>
          <Field label="Name" error={joined([...problemsOf('name'), ...(isApiError(put.error) && put.error.code === 'AlreadyExists' ? [put.error.message] : [])])} hint={start.kind === 'edit' ? 'Renaming is not possible: CloudWatch names are the alarm.' : undefined}>
            {(aria) => <input {...aria} className="input" value={draft.name} readOnly={start.kind === 'edit'} onChange={(event) => edit((current) => ({ ...current, name: event.target.value }))} />}
          </Field>
          <Field label="Description" error={joined(problemsOf('description'))} optional>
            {(aria) => (
              <textarea
                {...aria}
                className="input"
                rows={3}
                value={draft.description ?? ''}
                onChange={(event) => edit((current) => ({ ...current, description: event.target.value === '' ? undefined : event.target.value }))}
              />
            )}
          </Field>
        </fieldset>
      </div>

      {saveError !== undefined && saveError !== null && !(isApiError(saveError) && saveError.code === 'AlreadyExists') && <ErrorNotice error={saveError} context="Could not save the alarm" />}
      {unreadConflict !== null && <ErrorNotice error={unreadConflict} context="Someone changed this alarm since you opened it, and their version could not be read to compare" />}
      {problems.length > 0 && (
        <p className="alarm-editor-problem-count" role="status">
          <WarningIcon /> CloudWatch would refuse this alarm: {plural(problems.length, 'problem')}, each shown beside its field.
        </p>
      )}

      {conflict && (
        <ConflictDialog
          name={draft.name}
          differences={conflict.theirs ? definitionDifferences(draft, draftFromAlarm(conflict.theirs)) : undefined}
          changedAt={conflict.theirs?.configurationUpdatedAt}
          busy={put.isPending}
          onOverwrite={() => save(conflict.theirs?.configurationUpdatedAt)}
          onTakeTheirs={() => {
            if (!conflict.theirs) return;
            setDraft(draftFromAlarm(conflict.theirs));
            setDimensionsText(formatDimensions(conflict.theirs.dimensions));
            setBasedOn(conflict.theirs.configurationUpdatedAt);
            setConflict(null);
            put.reset();
          }}
          onKeepEditing={() => {
            setConflict(null);
            put.reset();
          }}
        />
      )}
    </section>
  );
}

function suggestedThreshold(datapoints: readonly { readonly value: number }[]): number {
  let low = Number.POSITIVE_INFINITY;
  let high = Number.NEGATIVE_INFINITY;
  for (const { value } of datapoints) {
    if (value < low) low = value;
    if (value > high) high = value;
  }
  return roundToStep(high, thresholdStep(low, high));
}

interface FieldAria {
  readonly id: string;
  readonly 'aria-describedby'?: string;
  readonly 'aria-invalid'?: true;
}

/** A field's problems as its one error text (CloudWatch's sentences, each ending in a full stop). */
const STATISTIC_HINT = 'Average, Sum, Minimum, Maximum, SampleCount, p99, tm90, IQM…';

/** A statistic typed, or picked from the common ones. */
function StatisticField({ label = 'Statistic', hint = STATISTIC_HINT, value, error, onChange }: { label?: string; hint?: string; value: string; error?: string | undefined; onChange: (stat: string) => void }) {
  return (
    <Field label={label} error={error} hint={hint}>
      {(aria) => (
        <>
          <input {...aria} className="input" list={`${aria.id}-suggestions`} value={value} onChange={(event) => onChange(event.target.value.trim())} />
          <datalist id={`${aria.id}-suggestions`}>
            {STATISTIC_SUGGESTIONS.map((suggestion) => (
              <option key={suggestion} value={suggestion} />
            ))}
          </datalist>
        </>
      )}
    </Field>
  );
}

function joined(problems: readonly string[]): string | undefined {
  return problems.length === 0 ? undefined : problems.join(' ');
}

function Problem({ message }: { message: string }) {
  return (
    <p className="field-error">
      <WarningIcon />
      {message}
    </p>
  );
}

/**
 * A number as typed: the text is kept while it is not a number yet (the draft gets NaN, which the form
 * refuses with its reason), and follows the value when it changes elsewhere (a drag on the chart).
 */
function NumberInput({ aria, value, onChange }: { aria: FieldAria; value: number | undefined; onChange: (value: number | undefined) => void }) {
  const [text, setText] = useState(value === undefined || Number.isNaN(value) ? '' : String(value));
  const shown = value === undefined || Number.isNaN(value) ? null : value;
  const typed = text.trim() === '' ? null : Number(text);
  if (shown !== null && typed !== shown && !Number.isNaN(shown)) setText(String(shown));
  return (
    <input
      {...aria}
      className="input numeric"
      inputMode="decimal"
      value={text}
      onChange={(event) => {
        setText(event.target.value);
        const trimmed = event.target.value.trim();
        onChange(trimmed === '' ? undefined : Number(trimmed));
      }}
    />
  );
}

function TopicsAndActions({
  draft,
  region,
  problemsOf,
  onChange,
}: {
  draft: AlarmDraft;
  region: string;
  problemsOf: (field: DraftField) => string[];
  onChange: (field: 'okActions' | 'alarmActions' | 'insufficientDataActions', actions: readonly string[]) => void;
}) {
  const topics = useSnsTopics();
  const create = useCreateTopic();
  const [name, setName] = useState('');
  const ec2 = hasInstanceDimension(draft);
  return (
    <>
      {topics.isError && <ErrorNotice error={topics.error} context="Could not list the SNS topics" />}
      {ACTION_FIELDS.map(({ state, field }) => (
        <ActionsEditor key={field} state={state} actions={draft[field]} onChange={(actions) => onChange(field, actions)} topics={topics.data?.topics ?? []} ec2={ec2} region={region} problems={problemsOf(field)} />
      ))}
      <div className="alarm-create-topic">
        <label className="field-label" htmlFor="alarm-new-topic">
          Create an SNS topic
        </label>
        <input id="alarm-new-topic" className="input" value={name} placeholder="ops-alerts" onChange={(event) => setName(event.target.value)} />
        <button
          type="button"
          className="button"
          disabled={name.trim() === '' || create.isPending}
          onClick={() =>
            create.mutate(name.trim(), {
              onSuccess: (topic) => {
                setName('');
                onChange('alarmActions', draft.alarmActions.includes(topic.arn) ? draft.alarmActions : [...draft.alarmActions, topic.arn]);
              },
            })
          }
        >
          Create topic
        </button>
        {create.isError && <ErrorNotice error={create.error} context="Could not create the topic" />}
      </div>
      {!ec2 && <p className="field-hint">EC2 actions (stop, terminate, reboot, recover) are offered for a metric with an InstanceId dimension.</p>}
    </>
  );
}

