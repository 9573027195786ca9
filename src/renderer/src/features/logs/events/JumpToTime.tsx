/**
 * "Go to time": a button that opens a small popover where a time is typed (`2026-11-30 10:00:05`,
 * `10:00`, `-2h`; checked as typed, the mistake marked) or picked, or the start of the stream chosen.
 * Escape closes it and focus goes back to the button; focus moving elsewhere closes it too.
 */
import { useId, useRef, useState } from 'react';
import { formatTimestamp } from '../../../../../shared/format';
import { TypedField } from '../../../components/TypedField';
import { fromInputValue, toInputValue } from '../../../components/time-range/timeRangeDraft';
import { useTimeZone } from '../../../components/TimeZone';
import { parseJumpTime } from './jumpTime';
import type { StreamStart } from './streamReader';

interface JumpToTimeProps {
  readonly onGo: (start: StreamStart) => void;
  readonly disabled?: boolean;
}

export function JumpToTime({ onGo, disabled = false }: JumpToTimeProps) {
  const [open, setOpen] = useState(false);
  const [text, setText] = useState('');
  const buttonRef = useRef<HTMLButtonElement>(null);
  const rootRef = useRef<HTMLDivElement>(null);

  function close() {
    setOpen(false);
    buttonRef.current?.focus();
  }

  function go(start: StreamStart) {
    setOpen(false);
    onGo(start);
  }

  return (
    <div
      className="jump-time"
      ref={rootRef}
      onBlur={(event) => {
        // Focus went elsewhere (a press outside, or Tab out of the popover): close it.
        if (open && !rootRef.current?.contains(event.relatedTarget as Node | null)) setOpen(false);
      }}
    >
      <button
        ref={buttonRef}
        type="button"
        className="button button-quiet"
        aria-haspopup="dialog"
        aria-expanded={open}
        disabled={disabled}
        onClick={() => setOpen((wasOpen) => !wasOpen)}
      >
        Go to time…
      </button>
      {open && <JumpPopover text={text} onTextChange={setText} onGo={go} onCancel={close} />}
    </div>
  );
}

interface JumpPopoverProps {
  readonly text: string;
  readonly onTextChange: (text: string) => void;
  readonly onGo: (start: StreamStart) => void;
  readonly onCancel: () => void;
}

function JumpPopover({ text, onTextChange, onGo, onCancel }: JumpPopoverProps) {
  const { zone } = useTimeZone();
  // Times like -2h are read against the moment the popover opened.
  const [now] = useState(() => Date.now());
  const ids = { text: useId(), picker: useId() };
  const check = parseJumpTime(text, zone, now);
  // Nothing typed yet is not a mistake to point at.
  const showMistake = !check.ok && text.trim() !== '';

  return (
    <form
      className="jump-time-popover"
      role="dialog"
      aria-label="Go to a time in this stream"
      // A press on the popover itself keeps the focus inside, so it does not close it.
      tabIndex={-1}
      onKeyDown={(event) => {
        if (event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          onCancel();
        }
      }}
      onSubmit={(event) => {
        event.preventDefault();
        if (check.ok) onGo({ kind: 'time', time: check.time });
      }}
    >
      <TypedField
        id={ids.text}
        label="Time"
        value={text}
        onChange={onTextChange}
        // The popover opens to be typed in.
        autoFocus
        placeholder="2026-11-30 10:00:05, 10:00 or -2h"
        mistake={showMistake && !check.ok ? check : undefined}
        hint={check.ok ? `The first event at or after ${formatTimestamp(check.time, zone)}${zone === 'utc' ? ' UTC' : ''}` : 'In the time zone shown in the table, unless it ends in Z.'}
      />
      <div className="field">
        <label className="field-label" htmlFor={ids.picker}>
          Or pick
        </label>
        <input
          id={ids.picker}
          className="input"
          type="datetime-local"
          step={1}
          value={check.ok ? toInputValue(check.time, zone) : ''}
          onChange={(event) => {
            const picked = fromInputValue(event.target.value, zone);
            if (picked !== undefined) onTextChange(toInputValue(picked, zone).replace('T', ' '));
          }}
        />
      </div>
      <div className="jump-time-footer">
        <button type="button" className="button button-quiet" onClick={() => onGo({ kind: 'oldest' })}>
          Start of stream
        </button>
        <span className="toolbar-spacer" />
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
        <button type="submit" className="button" disabled={!check.ok}>
          Go
        </button>
      </div>
    </form>
  );
}
