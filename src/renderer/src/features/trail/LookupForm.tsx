/**
 * What to look up: one attribute AWS looks up, more that the app applies to what AWS returns (said
 * as such), reads and writes, an investigation preset, and a range within event history's 90 days.
 * A range over 90 days, or a second attribute for AWS, is refused here with the reason.
 */
import { useState } from 'react';
import { LOCAL_ATTRIBUTES_MAX, LOOKUP_ATTRIBUTE_KEYS, type LookupAttribute, type LookupAttributeKey } from '../../../../shared/contract';
import { CloseIcon, PlusIcon, SearchIcon } from '../../components/icons';
import { TimeRangePicker } from '../../components/time-range/TimeRangePicker';
import { ATTRIBUTE_LABELS, isAttributeKey, lookupProblem, type LookupState, type ReadOnlyChoice } from './lookupState';
import { presetOf, PRESETS } from './presets';

interface LookupFormProps {
  readonly initial: LookupState;
  /** Why the lookup in the link could not be taken as it was: the form does not look up until it is resolved. */
  readonly refused?: { readonly reason: string; readonly extra: readonly LookupAttribute[] };
  readonly onLookup: (state: LookupState) => void;
}

const PLACEHOLDERS: Readonly<Record<LookupAttributeKey, string>> = {
  EventName: 'PutRetentionPolicy',
  Username: 'priya.natarajan',
  ResourceName: '/aws/lambda/orders-api',
  ResourceType: 'AWS::Logs::LogGroup',
  EventSource: 'logs.amazonaws.com',
  ReadOnly: 'false',
  AccessKeyId: 'AKIA…',
  EventId: '2f0d…',
};

export function LookupForm({ initial, refused, onLookup }: LookupFormProps) {
  const [state, setState] = useState(initial);
  const [refusal, setRefusal] = useState(refused);
  // The form checks the range against the time it opened; a lookup resolves it when it runs.
  const [openedAt] = useState(Date.now);
  const problem = refusal?.reason ?? lookupProblem(state, openedAt);
  const preset = presetOf(state.preset);

  const change = (next: Partial<LookupState>) => setState((current) => ({ ...current, ...next }));
  const changeAlso = (index: number, attribute: LookupAttribute | undefined) =>
    setState((current) => ({
      ...current,
      also: attribute === undefined ? current.also.filter((_, at) => at !== index) : current.also.map((existing, at) => (at === index ? attribute : existing)),
    }));

  return (
    // Not a <form>: the time-range picker's popover holds a form of its own, and forms do not nest.
    <div
      role="form"
      className="search-form trail-form"
      aria-label="Look up events"
    >
      <div className="trail-presets" role="group" aria-label="Investigate">
        <span className="field-label">Investigate</span>
        {PRESETS.map((candidate) => (
          <button
            key={candidate.id}
            type="button"
            className="trail-preset"
            aria-pressed={state.preset === candidate.id}
            title={candidate.description}
            onClick={() => {
              const next: LookupState = { ...state, preset: state.preset === candidate.id ? undefined : candidate.id, ...(candidate.attribute ? { attribute: undefined } : {}) };
              setState(next);
              if (!lookupProblem(next, openedAt)) onLookup(next);
            }}
          >
            {candidate.label}
          </button>
        ))}
      </div>
      <div className="search-form-row">
        <AttributeFields
          label="Look up"
          attribute={state.attribute}
          disabledReason={preset?.attribute ? `The preset “${preset.label}” looks up ${ATTRIBUTE_LABELS[preset.attribute.key]}: ${preset.attribute.value}` : undefined}
          onChange={(attribute) => change({ attribute })}
          onEnter={submit}
        />
        <div className="segmented" role="group" aria-label="Reads and writes">
          {(
            [
              ['all', 'All events'],
              ['writes', 'Writes only'],
              ['reads', 'Reads only'],
            ] as const satisfies readonly (readonly [ReadOnlyChoice, string])[]
          ).map(([choice, label]) => (
            <button key={choice} type="button" aria-pressed={state.readOnly === choice} onClick={() => change({ readOnly: choice })}>
              {label}
            </button>
          ))}
        </div>
        <TimeRangePicker value={state.range} onChange={(range) => change({ range })} />
        <button type="button" className="button" aria-disabled={problem !== undefined || undefined} title={problem} onClick={submit}>
          <SearchIcon />
          Look up
        </button>
      </div>
      {state.also.length > 0 && (
        <div className="trail-also">
          <p className="field-hint">AWS looks up one attribute at a time. Cloudscope applies these to the events AWS returns:</p>
          {state.also.map((attribute, index) => (
            <div key={index} className="trail-also-row">
              <AttributeFields
                label={`Also require (${index + 1})`}
                attribute={attribute}
                onChange={(changed) => changeAlso(index, changed ?? { key: attribute.key, value: '' })}
                onEnter={submit}
              />
              <button type="button" className="icon-button" aria-label={`Remove ${ATTRIBUTE_LABELS[attribute.key]}`} title="Remove" onClick={() => changeAlso(index, undefined)}>
                <CloseIcon />
              </button>
            </div>
          ))}
        </div>
      )}
      <div className="trail-form-notes">
        {state.also.length < LOCAL_ATTRIBUTES_MAX && (
          <button type="button" className="link-button" onClick={() => change({ also: [...state.also, { key: 'EventName', value: '' }] })}>
            <PlusIcon />
            Add an attribute (applied by Cloudscope)
          </button>
        )}
        {preset?.check && <span className="field-hint">Preset: Cloudscope keeps the events where {preset.check.words}.</span>}
      </div>
      {problem && (
        <div className="trail-problem">
          <p className="field-error" role="alert">
            {problem}
          </p>
          {refusal && (
            <button
              type="button"
              className="button button-quiet"
              onClick={() => {
                setState((current) => ({ ...current, also: [...current.also, ...refusal.extra] }));
                setRefusal(undefined);
              }}
            >
              Let Cloudscope apply {refusal.extra.map((attribute) => ATTRIBUTE_LABELS[attribute.key]).join(', ')}
            </button>
          )}
        </div>
      )}
    </div>
  );

  function submit() {
    if (!problem) onLookup(state);
  }
}

function AttributeFields({
  label,
  attribute,
  disabledReason,
  onChange,
  onEnter,
}: {
  readonly label: string;
  readonly attribute: LookupAttribute | undefined;
  readonly disabledReason?: string;
  readonly onChange: (attribute: LookupAttribute | undefined) => void;
  /** Enter in the value: look up. */
  readonly onEnter: () => void;
}) {
  const key = attribute?.key;
  return (
    <fieldset className="trail-attribute" disabled={disabledReason !== undefined} title={disabledReason}>
      <legend className="field-label">{label}</legend>
      <select
        className="select"
        aria-label={`${label}: attribute`}
        value={key ?? ''}
        onChange={(event) => {
          const chosen = event.target.value;
          onChange(isAttributeKey(chosen) ? { key: chosen, value: chosen === 'ReadOnly' ? 'false' : (attribute?.value ?? '') } : undefined);
        }}
      >
        <option value="">Any event</option>
        {LOOKUP_ATTRIBUTE_KEYS.map((candidate) => (
          <option key={candidate} value={candidate}>
            {ATTRIBUTE_LABELS[candidate]}
          </option>
        ))}
      </select>
      {key === 'ReadOnly' ? (
        <select className="select" aria-label={`${label}: value`} value={attribute?.value ?? 'false'} onChange={(event) => onChange({ key, value: event.target.value })}>
          <option value="false">false (writes)</option>
          <option value="true">true (reads)</option>
        </select>
      ) : (
        key !== undefined && (
          <input
            className="input mono"
            aria-label={`${label}: value`}
            placeholder={PLACEHOLDERS[key]}
            value={attribute?.value ?? ''}
            spellCheck={false}
            autoComplete="off"
            maxLength={2000}
            onChange={(event) => onChange({ key, value: event.target.value })}
            onKeyDown={(event) => {
              if (event.key === 'Enter') {
                event.preventDefault();
                onEnter();
              }
            }}
          />
        )
      )}
    </fieldset>
  );
}

