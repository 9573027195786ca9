/** A failure inside a dialog or pane, next to what the person was doing: what failed, why, what to do. */
import { describeError, titleInSentence } from '../api/errorText';
import { AlertIcon } from './icons';

interface ErrorNoticeProps {
  readonly error: unknown;
  /** What failed, e.g. "Could not delete". */
  readonly context: string;
}

export function ErrorNotice({ error, context }: ErrorNoticeProps) {
  const text = describeError(error);
  return (
    <div className="notice notice-error" role="alert">
      <AlertIcon />
      <div className="notice-body">
        <p className="notice-title">
          {context}: {titleInSentence(text.title)}
        </p>
        <p>{text.message}</p>
      </div>
    </div>
  );
}
