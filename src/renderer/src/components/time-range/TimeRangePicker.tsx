/**
 * The time range of a view: a button that says it in words and opens a popover with the relative
 * presets, a field for typed ranges (`-2h`, `-3h to -1h`, `2026-11-30 10:00 to 12:00`) checked as
 * they are typed with the mistake marked, absolute start and end fields, and local/UTC (the app's
 * time-zone setting). An invalid or inverted range cannot be applied, and the popover says why.
 *
 * Keyboard: Enter, Space or Arrow Down on the button opens it, with focus on the presets, where the
 * arrows move and Enter applies; Escape closes it and focus goes back to the button.
 */
import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react';
import { describeTimeRange, formatTimeRange, lastDuration, RELATIVE_PRESETS, type TimeRange } from '../../../../shared/time-range';
import { ChevronDownIcon } from '../icons';
import { mistakeIdOf, TypedField } from '../TypedField';
import { targetRow } from '../rowNavigation';
import { useTimeZone } from '../TimeZone';
import { TimeZoneToggle } from '../TimeZoneToggle';
import { checkTypedRange, fieldsOf, textOfFields } from './timeRangeDraft';
import './TimeRangePicker.css';

interface TimeRangePickerProps {
  readonly value: TimeRange;
  readonly onChange: (range: TimeRange) => void;
  /** The accessible name of the button, e.g. "Time range". */
  readonly label?: string;
}

export function TimeRangePicker({ value, onChange, label = 'Time range' }: TimeRangePickerProps) {
  const { zone } = useTimeZone();
  const [open, setOpen] = useState(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  // A press outside closes the popover, as a menu would.
  useEffect(() => {
    if (!open) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!rootRef.current?.contains(event.target as Node)) setOpen(false);
    };
    document.addEventListener('pointerdown', onPointerDown);
    return () => document.removeEventListener('pointerdown', onPointerDown);
  }, [open]);

  return (
    <div className="time-range-picker" ref={rootRef}>
      <button
        ref={buttonRef}
        type="button"
        className="button button-quiet time-range-button"
        aria-haspopup="dialog"
        aria-expanded={open}
        aria-label={`${label}: ${describeTimeRange(value, zone)}`}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
        onKeyDown={(event) => {
          if (event.key === 'ArrowDown' && !open) {
            event.preventDefault();
            setOpen(true);
          }
        }}
      >
        <span>{describeTimeRange(value, zone)}</span>
        <ChevronDownIcon />
      </button>
      {open && (
        <TimeRangePopover
          value={value}
          label={label}
          onApply={(range) => {
            onChange(range);
            close();
          }}
          onCancel={close}
        />
      )}
    </div>
  );
}

interface PopoverProps {
  readonly value: TimeRange;
  readonly label: string;
  readonly onApply: (range: TimeRange) => void;
  readonly onCancel: () => void;
}

function TimeRangePopover({ value, label, onApply, onCancel }: PopoverProps) {
  const { zone } = useTimeZone();
  // Relative ranges are previewed against the moment the popover opened.
  const [now] = useState(() => Date.now());
  const [text, setText] = useState(() => formatTimeRange(value, zone));
  const [fields, setFields] = useState(() => fieldsOf(value, zone, now));
  const check = checkTypedRange(text, zone, now);
  const ids = { text: useId() };

  const selectedPreset = RELATIVE_PRESETS.findIndex((preset) => value.kind === 'relative' && value.endAgoMs === 0 && value.startAgoMs === preset.durationMs);
  const [activePreset, setActivePreset] = useState(Math.max(selectedPreset, 0));
  const presetsRef = useRef<HTMLUListElement>(null);
  // Focus goes to the presets once, when the popover opens.
  useEffect(() => {
    presetsRef.current?.querySelector<HTMLElement>('[tabindex="0"]')?.focus();
  }, []);

  // The zone changed: the fields show the same range in the new zone; typed text is read in it.
  const [fieldsZone, setFieldsZone] = useState(zone);
  if (fieldsZone !== zone) {
    setFieldsZone(zone);
    if (check.ok) setFields(fieldsOf(check.range, zone, now));
  }

  function typeText(next: string) {
    setText(next);
    const checked = checkTypedRange(next, zone, now);
    if (checked.ok) setFields(fieldsOf(checked.range, zone, now));
  }

  function editField(which: 'start' | 'end', fieldValue: string) {
    const next = { ...fields, [which]: fieldValue };
    setFields(next);
    const typed = textOfFields(next.start, next.end, zone);
    if (typed !== undefined) setText(typed);
  }

  function apply() {
    if (check.ok) onApply(check.range);
  }

  function onPresetKey(event: KeyboardEvent<HTMLLIElement>, index: number) {
    const target = targetRow(event.key, index, RELATIVE_PRESETS.length, 4);
    if (target !== undefined) {
      event.preventDefault();
      setActivePreset(target);
      presetsRef.current?.querySelectorAll<HTMLElement>('[role="option"]')[target]?.focus();
    } else if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onApply(lastDuration(RELATIVE_PRESETS[index]!.durationMs));
    }
  }

  return (
    <div
      className="time-range-popover"
      role="dialog"
      aria-label={`Choose the ${label.toLowerCase()}`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
    >
      <div className="time-range-presets">
        <p className="time-range-heading" id={`${ids.text}-presets`}>
          Last
        </p>
        <ul role="listbox" aria-labelledby={`${ids.text}-presets`} ref={presetsRef}>
          {RELATIVE_PRESETS.map((preset, index) => (
            <li
              key={preset.text}
              role="option"
              aria-selected={index === selectedPreset}
              tabIndex={index === activePreset ? 0 : -1}
              className="time-range-preset"
              onClick={() => onApply(lastDuration(preset.durationMs))}
              onKeyDown={(event) => onPresetKey(event, index)}
              onFocus={() => setActivePreset(index)}
            >
              {preset.label}
            </li>
          ))}
        </ul>
      </div>
      <form
        className="time-range-form"
        onSubmit={(event) => {
          event.preventDefault();
          apply();
        }}
      >
        <TypedField
          id={ids.text}
          label="Range"
          value={text}
          onChange={typeText}
          placeholder="-2h, -3h to -1h, 2026-11-30 10:00 to 12:00"
          mistake={check.ok ? undefined : check}
          hint={check.ok ? check.description : undefined}
        />
        <div className="time-range-fields">
          <DateTimeField label="Start" value={fields.start} onChange={(fieldValue) => editField('start', fieldValue)} />
          <DateTimeField label="End" value={fields.end} onChange={(fieldValue) => editField('end', fieldValue)} />
        </div>
        <div className="time-range-footer">
          <TimeZoneToggle />
          <span className="time-range-spacer" />
          <button type="button" className="button button-quiet" onClick={onCancel}>
            Cancel
          </button>
          {/* Disabled while the range is wrong; the reason is the mistake shown under the field. */}
          <button type="submit" className="button" disabled={!check.ok} aria-describedby={check.ok ? undefined : mistakeIdOf(ids.text)} title={check.ok ? undefined : check.message}>
            Apply
          </button>
        </div>
      </form>
    </div>
  );
}

function DateTimeField({ label, value, onChange }: { label: string; value: string; onChange: (value: string) => void }) {
  const id = useId();
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input id={id} className="input" type="datetime-local" step={1} value={value} onChange={(event) => onChange(event.target.value)} />
    </div>
  );
}
