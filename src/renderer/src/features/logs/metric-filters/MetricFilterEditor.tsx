/**
 * Creates or edits a metric filter: its pattern checked as it is typed (the mistake's position marked) and
 * tested against the group's real events; its metric (namespace, name, value, default, unit, up to three
 * dimensions), the value and dimensions checked against the pattern with the reason AWS would give. Saving
 * sends PutMetricFilter, which replaces a filter of the same name: a new filter cannot take an existing name.
 */
import { useMemo, useState } from 'react';
import type { LogGroup, MetricFilter } from '../../../../../shared/contract';
import { METRIC_FILTER_MAX_DIMENSIONS } from '../../../../../shared/contract/logs-rules';
import type { PublishedValueRules } from '../../../../../shared/languages/filter-pattern';
import { Dialog, DialogBody, DialogFooter } from '../../../components/Dialog';
import { ErrorNotice } from '../../../components/ErrorNotice';
import { Field } from '../../../components/Field';
import { FilterPatternInput } from '../../../components/filter-pattern/FilterPatternInput';
import { PlusIcon, TrashIcon, WarningIcon } from '../../../components/icons';
import { FilterHistoryPreview } from './FilterHistoryPreview';
import { FilterTester } from './FilterTester';
import { checkDraft, draftOf, emptyDraft, FILTER_UNITS, type DimensionDraft, type DraftField, type MetricFilterDraft } from './metricFilterForm';
import { readMetricFilter, usePutMetricFilter } from './useMetricFilters';

interface MetricFilterEditorProps {
  readonly logGroupName: string;
  /** The filter edited; undefined: a new one. */
  readonly filter?: MetricFilter;
  readonly existingNames: ReadonlySet<string>;
  readonly onClose: () => void;
  readonly onSaved: (filterName: string) => void;
  readonly onGroupChanged: (group: LogGroup) => void;
}

/** Required fields left empty are said only once the person tries to save. */
const EMPTY_REQUIRED = new Set<DraftField>(['filterName', 'metricName', 'metricNamespace']);

export function MetricFilterEditor({ logGroupName, filter, existingNames, onClose, onSaved, onGroupChanged }: MetricFilterEditorProps) {
  const editing = filter !== undefined;
  const [draft, setDraft] = useState<MetricFilterDraft>(() => (filter ? draftOf(filter) : emptyDraft()));
  const [triedSave, setTriedSave] = useState(false);
  /** Set when the filter changed (or went) on the server since it was opened: saving again overwrites it. */
  const [conflict, setConflict] = useState<{ readonly current: MetricFilter | undefined } | null>(null);
  const [checking, setChecking] = useState(false);
  const save = usePutMetricFilter(logGroupName, onGroupChanged);
  const check = useMemo(() => checkDraft(draft, { logGroupName, existingNames, editing }), [draft, logGroupName, existingNames, editing]);
  const publishing = useMemo<PublishedValueRules | undefined>(() => {
    if (check.errors.metricValue || check.errors.defaultValue || check.errors.dimensions || check.dimensionErrors.size > 0) return undefined;
    const dimensions = Object.fromEntries(draft.dimensions.filter((dimension) => dimension.name !== '').map((dimension) => [dimension.name, dimension.value]));
    const defaultValue = draft.defaultValue.trim() === '' ? undefined : Number(draft.defaultValue);
    return { metricValue: draft.metricValue, ...(defaultValue === undefined ? {} : { defaultValue }), dimensions };
  }, [check, draft]);

  const change = (part: Partial<MetricFilterDraft>) => setDraft((current) => ({ ...current, ...part }));
  const changeDimension = (index: number, part: Partial<DimensionDraft>) =>
    change({ dimensions: draft.dimensions.map((dimension, at) => (at === index ? { ...dimension, ...part } : dimension)) });
  const errorOf = (field: DraftField) => {
    const error = check.errors[field];
    if (error === undefined) return undefined;
    return triedSave || !EMPTY_REQUIRED.has(field) || draft[field as keyof MetricFilterDraft] !== '' ? error : undefined;
  };

  async function submit() {
    setTriedSave(true);
    if (!check.request || save.isPending || checking) return;
    if (filter && conflict === null) {
      // PutMetricFilter replaces whatever is there: say so when someone else changed it since it was opened.
      setChecking(true);
      const current = await readMetricFilter(logGroupName, filter.filterName).then(
        (found) => ({ found }),
        () => undefined, // Unknown: the save itself will say what is wrong.
      );
      setChecking(false);
      if (current !== undefined && !sameFilter(current.found, filter)) {
        setConflict({ current: current.found });
        return;
      }
    }
    try {
      await save.mutateAsync(check.request);
    } catch {
      return; // Shown in the dialog.
    }
    onSaved(check.request.filterName);
  }

  return (
    <Dialog title={editing ? `Edit metric filter ${filter.filterName}` : 'Create metric filter'} size="large" onClose={onClose} className="metric-filter-editor" subtitle={<span className="mono">{logGroupName}</span>}>
      <DialogBody>
        <div className="notice notice-warning" role="note">
          <WarningIcon />
          <div className="notice-body">
            <p className="notice-title">Metric filters are not retroactive</p>
            <p>Only events ingested after the filter is saved publish datapoints; the events already in the group never count. Testing below publishes nothing.</p>
          </div>
        </div>
        <Field label="Filter name" error={errorOf('filterName')} hint={editing ? 'A filter keeps its name; create a new one to rename it.' : undefined}>
          {(aria) => <input {...aria} className="input" data-autofocus={editing ? undefined : true} value={draft.filterName} readOnly={editing} autoComplete="off" onChange={(event) => change({ filterName: event.target.value })} />}
        </Field>
        <FilterPatternInput
          value={draft.filterPattern}
          onChange={(filterPattern) => change({ filterPattern })}
          onSubmit={() => undefined}
          placeholder='ERROR, { $.latencyMs > 1000 }, [ip, user, ..., status = 5*, bytes]'
        />
        <FilterTester logGroupName={logGroupName} filterPattern={draft.filterPattern} publishing={publishing} />
        <fieldset className="metric-filter-metric">
          <legend>Metric</legend>
          <div className="metric-filter-grid">
            <Field label="Namespace" error={errorOf('metricNamespace')}>
              {(aria) => <input {...aria} className="input" value={draft.metricNamespace} onChange={(event) => change({ metricNamespace: event.target.value })} />}
            </Field>
            <Field label="Metric name" error={errorOf('metricName')}>
              {(aria) => <input {...aria} className="input" value={draft.metricName} onChange={(event) => change({ metricName: event.target.value })} />}
            </Field>
            <Field label="Metric value" error={errorOf('metricValue')} hint="1 counts matches; $field (space-delimited) or $.path (JSON) publishes what the event holds.">
              {(aria) => <input {...aria} className="input mono" value={draft.metricValue} spellCheck={false} onChange={(event) => change({ metricValue: event.target.value })} />}
            </Field>
            <Field label="Default value" optional error={errorOf('defaultValue')} hint="Published for each event that does not match; not with dimensions.">
              {(aria) => <input {...aria} className="input" inputMode="decimal" value={draft.defaultValue} onChange={(event) => change({ defaultValue: event.target.value })} />}
            </Field>
            <Field label="Unit" optional>
              {(aria) => (
                <select {...aria} className="select" value={draft.unit} onChange={(event) => change({ unit: event.target.value as MetricFilterDraft['unit'] })}>
                  <option value="">None</option>
                  {FILTER_UNITS.filter((unit) => unit !== 'None').map((unit) => (
                    <option key={unit} value={unit}>
                      {unit}
                    </option>
                  ))}
                </select>
              )}
            </Field>
          </div>
          <div className="metric-filter-dimensions" role="group" aria-label="Dimensions">
            <p className="field-label">
              Dimensions <span className="field-optional">(optional, up to {METRIC_FILTER_MAX_DIMENSIONS}: a field of the pattern each)</span>
            </p>
            {draft.dimensions.map((dimension, index) => (
              <div key={index} className="metric-filter-dimension">
                <Field label={`Dimension ${index + 1} name`} error={check.dimensionErrors.get(index)}>
                  {(aria) => <input {...aria} className="input" value={dimension.name} onChange={(event) => changeDimension(index, { name: event.target.value })} />}
                </Field>
                <Field label={`Dimension ${index + 1} value`}>
                  {(aria) => <input {...aria} className="input mono" placeholder="$field or $.path" spellCheck={false} value={dimension.value} onChange={(event) => changeDimension(index, { value: event.target.value })} />}
                </Field>
                <button
                  type="button"
                  className="icon-button"
                  aria-label={`Remove dimension ${index + 1}`}
                  title="Remove this dimension"
                  onClick={() => change({ dimensions: draft.dimensions.filter((_, at) => at !== index) })}
                >
                  <TrashIcon />
                </button>
              </div>
            ))}
            {check.errors.dimensions && (
              <p className="field-error" role="alert">
                <WarningIcon />
                {check.errors.dimensions}
              </p>
            )}
            <button
              type="button"
              className="button button-quiet"
              disabled={draft.dimensions.length >= METRIC_FILTER_MAX_DIMENSIONS}
              onClick={() => change({ dimensions: [...draft.dimensions, { name: '', value: '' }] })}
            >
              <PlusIcon />
              Add dimension
            </button>
          </div>
        </fieldset>
        <FilterHistoryPreview logGroupName={logGroupName} filterPattern={draft.filterPattern} metricName={draft.metricName} publishing={publishing} />
        {conflict && <ConflictNotice current={conflict.current} />}
        {save.error !== null && <ErrorNotice error={save.error} context="The metric filter was not saved" />}
      </DialogBody>
      <DialogFooter>
        <button type="button" className="button button-quiet" onClick={onClose}>
          Cancel
        </button>
        <button type="button" className="button" onClick={() => void submit()} aria-disabled={(triedSave && !check.request) || save.isPending || undefined}>
          {(save.isPending || checking) && <span className="spinner spinner-small" aria-hidden="true" />}
          {!editing ? 'Create metric filter' : conflict ? 'Overwrite with my changes' : 'Save changes'}
        </button>
      </DialogFooter>
    </Dialog>
  );
}

/** Whether the filter is still the one opened: a put gives a filter a new creation time. */
function sameFilter(current: MetricFilter | undefined, opened: MetricFilter): boolean {
  return current !== undefined && current.creationTime === opened.creationTime && current.filterPattern === opened.filterPattern;
}

function ConflictNotice({ current }: { readonly current: MetricFilter | undefined }) {
  return (
    <div className="notice notice-warning" role="alert">
      <WarningIcon />
      <div className="notice-body">
        <p className="notice-title">{current ? 'This filter changed since you opened it' : 'This filter was deleted since you opened it'}</p>
        {current ? (
          <p>
            It now has the pattern <span className="mono">{current.filterPattern || '(every event)'}</span> and publishes{' '}
            <span className="mono">{current.transformation.metricValue}</span> to{' '}
            <span className="mono">
              {current.transformation.metricNamespace} / {current.transformation.metricName}
            </span>
            . Saving replaces it with what is in this form; cancel to keep it.
          </p>
        ) : (
          <p>Saving creates it again with what is in this form; cancel to leave it deleted.</p>
        )}
      </div>
    </div>
  );
}
