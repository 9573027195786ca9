/**
 * A CloudWatch filter pattern field: checked with the shared parser as it is typed (shortly after
 * the last key), the mistake shown under it with its position marked (the caret stays where it is),
 * the kind of pattern said beside it, and Enter submits only a pattern that parses.
 */
import { useId, useState, type KeyboardEvent } from 'react';
import { parseFilterPattern, type FilterPattern, type FilterPatternParseResult } from '../../../../shared/languages/filter-pattern';
import { MistakeMarker } from '../MistakeMarker';
import { useDebouncedValue } from '../useDebouncedValue';
import { patternKindLabel } from './patternKind';
import './FilterPatternInput.css';

interface FilterPatternInputProps {
  readonly value: string;
  readonly onChange: (value: string) => void;
  /** Enter, with a pattern that parses. */
  readonly onSubmit: (value: string, pattern: FilterPattern) => void;
  /** The field's label, e.g. "Filter pattern". */
  readonly label?: string;
  readonly placeholder?: string;
}

/** Checking waits this long after the last key, so a half-typed pattern is not called wrong. */
const CHECK_DELAY_MS = 250;

export function FilterPatternInput({ value, onChange, onSubmit, label = 'Filter pattern', placeholder = 'ERROR, "disk full", { $.status >= 500 }, [ip, user, ..., status = 5*], %regex%' }: FilterPatternInputProps) {
  const ids = { input: useId(), mistake: useId(), kind: useId() };
  const settled = useDebouncedValue(value, CHECK_DELAY_MS);
  // Enter checks at once; what it found stands until the text changes.
  const [checkedNow, setCheckedNow] = useState<{ text: string; result: FilterPatternParseResult } | undefined>(undefined);
  const checkedText = checkedNow?.text === value ? value : settled;
  const result = checkedNow?.text === value ? checkedNow.result : parseFilterPattern(settled);
  const current = checkedText === value;

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter') return;
    event.preventDefault();
    const parsed = parseFilterPattern(value);
    setCheckedNow({ text: value, result: parsed });
    if (parsed.ok) onSubmit(value, parsed.pattern);
  }

  const invalid = !result.ok && current;
  return (
    <div className="field filter-pattern">
      <div className="filter-pattern-label">
        <label className="field-label" htmlFor={ids.input}>
          {label}
        </label>
        {result.ok && (
          <span id={ids.kind} className="filter-pattern-kind" data-stale={!current || undefined}>
            {patternKindLabel(result.pattern)}
          </span>
        )}
      </div>
      <input
        id={ids.input}
        className="input mono"
        value={value}
        placeholder={placeholder}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={invalid}
        aria-describedby={!result.ok ? ids.mistake : ids.kind}
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {!result.ok && (
        <MistakeMarker id={ids.mistake} text={checkedText} message={result.error.message} position={result.error.offset} length={result.error.length} />
      )}
    </div>
  );
}
