/**
 * The graphed metrics: one row per series with what can be changed — shown or only an input, colour,
 * id, label (dynamic labels too), statistic, period and Y axis — and a field to add a metric math
 * expression, checked as it is typed. Text is applied on Enter or when the field is left, and only
 * when it passes its check; the mistake is shown under the field until then.
 */
import { useId, useState, type ReactNode } from 'react';
import { STANDARD_UNITS, type StandardUnit } from '../../../../../shared/contract';
import { formatPeriod, PERIOD_CHOICES } from '../../../../../shared/metric-periods';
import type { ResolvedRange } from '../../../../../shared/time-range';
import { seriesColor } from '../../../components/chart/chartOption';
import { PlusIcon, TrashIcon, WarningIcon } from '../../../components/icons';
import { MistakeMarker } from '../../../components/MistakeMarker';
import { addExpression, removeSeries, updateSeries, type AxisSide, type Graph, type GraphSeries } from './graph';
import { seriesPeriod } from './graphPeriods';
import { checkExpression, checkId, checkStatistic, SUGGESTED_STATISTICS, type FieldMistake } from './seriesChecks';

interface SeriesTableProps {
  readonly graph: Graph;
  readonly onChange: (graph: Graph) => void;
  readonly range: ResolvedRange;
  readonly now: number;
}

export function SeriesTable({ graph, onChange, range, now }: SeriesTableProps) {
  const statsListId = useId();
  return (
    <div className="series-editor">
      <datalist id={statsListId}>
        {SUGGESTED_STATISTICS.map((stat) => (
          <option key={stat} value={stat} />
        ))}
      </datalist>
      {graph.series.length === 0 ? (
        <p className="series-empty">No series yet. Add metrics from Browse, or an expression below.</p>
      ) : (
        <table className="series-table">
          <thead>
            <tr>
              <th scope="col">Show</th>
              <th scope="col">Colour</th>
              <th scope="col">Id</th>
              <th scope="col">Label</th>
              <th scope="col">Details</th>
              <th scope="col">Statistic</th>
              <th scope="col">Period</th>
              <th scope="col">Y axis</th>
              <th scope="col">
                <span className="visually-hidden">Remove</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {graph.series.map((series, index) => (
              <SeriesRow key={series.id} graph={graph} series={series} index={index} onChange={onChange} statsListId={statsListId} range={range} now={now} />
            ))}
          </tbody>
        </table>
      )}
      <AddExpression graph={graph} onChange={onChange} />
      <AxisSettingsRow graph={graph} onChange={onChange} />
    </div>
  );
}

interface SeriesRowProps {
  readonly graph: Graph;
  readonly series: GraphSeries;
  readonly index: number;
  readonly onChange: (graph: Graph) => void;
  readonly statsListId: string;
  readonly range: ResolvedRange;
  readonly now: number;
}

function SeriesRow({ graph, series, index, onChange, statsListId, range, now }: SeriesRowProps) {
  const change = (patch: Parameters<typeof updateSeries>[2]) => onChange(updateSeries(graph, series.id, patch));
  const decision = seriesPeriod(graph, series, range, now);
  const name = `series ${series.id}`;
  return (
    <tr>
      <td>
        <input type="checkbox" aria-label={`Show ${name}`} checked={series.visible} onChange={(event) => change({ visible: event.target.checked })} />
      </td>
      <td>
        <input type="color" className="series-colour" aria-label={`Colour of ${name}`} value={series.color || seriesColor({}, index)} onChange={(event) => change({ color: event.target.value })} />
      </td>
      <td>
        <CheckedInput label={`Id of ${name}`} value={series.id} check={(text) => checkId(text, graph, series.id)} onCommit={(id) => change({ id })} className="series-id" />
      </td>
      <td>
        <CheckedInput
          label={`Label of ${name}`}
          value={series.label}
          placeholder="Default label"
          title="A label; dynamic parts such as ${MAX}, ${LAST} or ${PROP('Dim.FunctionName')} are filled in"
          check={() => undefined}
          onCommit={(label) => change({ label })}
        />
      </td>
      <td className="series-details">
        {series.kind === 'metric' ? (
          <span className="mono" title={`${series.metric.namespace} ${series.metric.metricName}`}>
            <span className="muted">{series.metric.namespace} · </span>
            {series.metric.metricName}
            {series.metric.dimensions.map((dimension) => (
              <span key={dimension.name} className="muted">
                {' '}
                {dimension.name}=<span className="series-dimension">{dimension.value}</span>
              </span>
            ))}
          </span>
        ) : (
          <CheckedInput label={`Expression of ${name}`} value={series.expression} check={(text) => checkExpression(text, graph, series.id)} onCommit={(expression) => change({ expression })} mono />
        )}
      </td>
      <td>
        {series.kind === 'metric' ? (
          <CheckedInput label={`Statistic of ${name}`} value={series.stat} list={statsListId} check={checkStatistic} onCommit={(stat) => change({ stat: stat.trim() })} className="series-stat" />
        ) : (
          <span className="muted">—</span>
        )}
      </td>
      <td>
        <div className="series-period">
          <select
            className="select"
            aria-label={`Period of ${name}`}
            value={series.period === undefined ? 'graph' : String(series.period)}
            onChange={(event) => change({ period: event.target.value === 'graph' ? undefined : Number(event.target.value) })}
          >
            <option value="graph">Graph’s ({formatPeriod(decision.seconds)})</option>
            {PERIOD_CHOICES.map((seconds) => (
              <option key={seconds} value={seconds}>
                {formatPeriod(seconds)}
              </option>
            ))}
          </select>
          {decision.problem && series.period !== undefined && (
            <span className="series-warning" title={decision.problem} role="img" aria-label={decision.problem}>
              <WarningIcon />
            </span>
          )}
        </div>
      </td>
      <td>
        <select className="select" aria-label={`Y axis of ${name}`} value={series.axis} onChange={(event) => change({ axis: event.target.value as AxisSide })}>
          <option value="left">Left</option>
          <option value="right">Right</option>
        </select>
      </td>
      <td>
        <button type="button" className="button button-quiet icon-button" aria-label={`Remove ${name}`} title="Remove" onClick={() => onChange(removeSeries(graph, series.id))}>
          <TrashIcon />
        </button>
      </td>
    </tr>
  );
}

interface CheckedInputProps {
  readonly label: string;
  readonly value: string;
  readonly check: (text: string) => FieldMistake | undefined;
  readonly onCommit: (text: string) => void;
  readonly placeholder?: string;
  readonly title?: string;
  readonly list?: string;
  readonly mono?: boolean;
  readonly className?: string;
}

/** A text field that applies its text on Enter or blur when the check passes, and says why when it does not. */
function CheckedInput({ label, value, check, onCommit, placeholder, title, list, mono = false, className }: CheckedInputProps) {
  const [draft, setDraft] = useState<string | null>(null);
  const id = useId();
  const text = draft ?? value;
  const mistake = draft === null ? undefined : check(draft);
  const commit = () => {
    if (draft === null || mistake) return;
    if (draft !== value) onCommit(draft);
    setDraft(null);
  };
  return (
    <div className={['checked-input', className].filter(Boolean).join(' ')}>
      <input
        id={id}
        className={mono ? 'input mono' : 'input'}
        aria-label={label}
        value={text}
        placeholder={placeholder}
        title={title}
        list={list}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={mistake !== undefined}
        aria-describedby={mistake ? `${id}-mistake` : undefined}
        onChange={(event) => setDraft(event.target.value)}
        onBlur={commit}
        onKeyDown={(event) => {
          if (event.key === 'Enter') commit();
          if (event.key === 'Escape' && draft !== null) {
            event.preventDefault();
            setDraft(null);
          }
        }}
      />
      {mistake && <MistakeMarker id={`${id}-mistake`} text={text} message={mistake.message} position={mistake.position} length={mistake.length} />}
    </div>
  );
}

function AddExpression({ graph, onChange }: { readonly graph: Graph; readonly onChange: (graph: Graph) => void }) {
  const [text, setText] = useState('');
  const id = useId();
  const mistake = text === '' ? undefined : checkExpression(text, graph);
  const add = () => {
    if (text === '' || mistake) return;
    onChange(addExpression(graph, text));
    setText('');
  };
  return (
    <div className="add-expression">
      <label className="field-label" htmlFor={id}>
        Add a math expression
      </label>
      <div className="add-expression-row">
        <input
          id={id}
          className="input mono"
          value={text}
          placeholder="e.g. 100*m2/m1, RATE(m1), SUM(METRICS()), SEARCH('{AWS/Lambda,FunctionName} Errors', 'Sum', 300)"
          spellCheck={false}
          autoComplete="off"
          aria-invalid={mistake !== undefined}
          aria-describedby={mistake ? `${id}-mistake` : `${id}-hint`}
          onChange={(event) => setText(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') add();
          }}
        />
        <button type="button" className="button" onClick={add} disabled={text === '' || mistake !== undefined}>
          <PlusIcon />
          Add expression
        </button>
      </div>
      {mistake ? (
        <MistakeMarker id={`${id}-mistake`} text={text} message={mistake.message} position={mistake.position} length={mistake.length} />
      ) : (
        <p id={`${id}-hint`} className="field-hint">
          Refer to series by their ids. Uncheck Show on a series to use it only as an input.
        </p>
      )}
    </div>
  );
}

function AxisSettingsRow({ graph, onChange }: { readonly graph: Graph; readonly onChange: (graph: Graph) => void }) {
  const sides: readonly [AxisSide, string][] = [
    ['left', 'Left Y axis'],
    ['right', 'Right Y axis'],
  ];
  const fields: ReactNode[] = sides.map(([side, title]) => {
    const axis = graph.axes[side];
    const set = (change: Partial<typeof axis>) => onChange({ ...graph, axes: { ...graph.axes, [side]: { ...axis, ...change } } });
    return (
      <fieldset key={side} className="axis-settings">
        <legend>{title}</legend>
        <input className="input" aria-label={`${title} label`} placeholder="Label" value={axis.label} onChange={(event) => set({ label: event.target.value })} />
        <select className="select" aria-label={`${title} unit`} value={axis.unit ?? ''} onChange={(event) => set({ unit: event.target.value === '' ? undefined : (event.target.value as StandardUnit) })}>
          <option value="">No unit</option>
          {STANDARD_UNITS.filter((unit) => unit !== 'None').map((unit) => (
            <option key={unit} value={unit}>
              {unit}
            </option>
          ))}
        </select>
      </fieldset>
    );
  });
  return <div className="axis-settings-row">{fields}</div>;
}
