/**
 * A field for typed text that a parser checks (a time, a range): the input, and under it either a hint
 * or the mistake with its position marked. The caller decides when a mistake is shown.
 */
import type { ReactNode } from 'react';
import { MistakeMarker } from './MistakeMarker';

export interface TypedMistake {
  readonly message: string;
  readonly position: number;
  readonly length: number;
}

interface TypedFieldProps {
  /** The input's id; the mistake under it is `mistakeIdOf(id)`. */
  readonly id: string;
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly placeholder?: string;
  readonly mistake?: TypedMistake;
  readonly hint?: ReactNode;
  readonly autoFocus?: boolean;
}

export function mistakeIdOf(id: string): string {
  return `${id}-mistake`;
}

export function TypedField({ id, label, value, onChange, placeholder, mistake, hint, autoFocus }: TypedFieldProps) {
  const hintId = `${id}-hint`;
  return (
    <div className="field">
      <label className="field-label" htmlFor={id}>
        {label}
      </label>
      <input
        id={id}
        className="input mono"
        value={value}
        autoFocus={autoFocus}
        spellCheck={false}
        autoComplete="off"
        placeholder={placeholder}
        aria-invalid={mistake !== undefined}
        aria-describedby={mistake ? mistakeIdOf(id) : hint ? hintId : undefined}
        onChange={(event) => onChange(event.target.value)}
      />
      {mistake ? (
        <MistakeMarker id={mistakeIdOf(id)} text={value} message={mistake.message} position={mistake.position} length={mistake.length} />
      ) : (
        hint && (
          <p id={hintId} className="field-hint">
            {hint}
          </p>
        )
      )}
    </div>
  );
}
