import { useEffect, useRef, type KeyboardEvent } from 'react';
import { SearchIcon } from './icons';
import { registerSearchBox } from './searchBoxes';
import './SearchField.css';

interface SearchFieldProps {
  /** The accessible name, e.g. "Search log groups". */
  readonly label: string;
  readonly value: string;
  readonly onChange: (value: string) => void;
  readonly placeholder?: string;
  /** Arrow Down from the field: move into the results. */
  readonly onArrowDown?: () => void;
  /** Enter in the field: open the first result. */
  readonly onEnter?: () => void;
}

/** A search box that "/" and Ctrl/Cmd+F reach, and Escape clears. */
export function SearchField({ label, value, onChange, placeholder, onArrowDown, onEnter }: SearchFieldProps) {
  const inputRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    const input = inputRef.current;
    return input ? registerSearchBox(input) : undefined;
  }, []);

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'Escape' && value !== '') {
      event.preventDefault();
      event.stopPropagation();
      onChange('');
    } else if (event.key === 'ArrowDown' && onArrowDown) {
      event.preventDefault();
      onArrowDown();
    } else if (event.key === 'Enter' && onEnter) {
      event.preventDefault();
      onEnter();
    }
  }

  return (
    <div className="search-field">
      <SearchIcon />
      <input
        ref={inputRef}
        type="search"
        aria-label={label}
        aria-keyshortcuts="/"
        placeholder={placeholder}
        value={value}
        spellCheck={false}
        autoComplete="off"
        onChange={(event) => onChange(event.target.value)}
        onKeyDown={onKeyDown}
      />
      {value === '' && (
        <kbd className="search-field-hint" aria-hidden="true">
          /
        </kbd>
      )}
    </div>
  );
}
