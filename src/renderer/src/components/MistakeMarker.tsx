/** The typed text under a field with its mistake marked, and the sentence saying what is wrong. */
import { AlertIcon } from './icons';
import { MessageText } from './message/MessageText';
import { mistakeExcerpt } from './mistakeExcerpt';
import './MistakeMarker.css';

interface MistakeMarkerProps {
  readonly id: string;
  readonly text: string;
  readonly message: string;
  readonly position: number;
  readonly length: number;
}

export function MistakeMarker({ id, text, message, position, length }: MistakeMarkerProps) {
  const excerpt = mistakeExcerpt(text, position, length);
  return (
    <div id={id} className="mistake" role="alert">
      <p className="field-error">
        <AlertIcon />
        <span>
          {message} <span className="mistake-where">(character {position + 1})</span>
        </span>
      </p>
      <p className="mistake-text" aria-hidden="true">
        {excerpt.cutStart && <span className="muted">…</span>}
        <MessageText text={excerpt.before} wrap={false} />
        <mark className="mistake-mark" data-empty={excerpt.mistake === '' || undefined}>
          <MessageText text={excerpt.mistake === '' ? ' ' : excerpt.mistake} wrap={false} />
        </mark>
        <MessageText text={excerpt.after} wrap={false} />
        {excerpt.cutEnd && <span className="muted">…</span>}
      </p>
    </div>
  );
}
