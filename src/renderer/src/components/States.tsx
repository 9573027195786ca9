/** The calm full-panel states every view uses: loading, empty, and failed. */
import { useLayoutEffect, useRef, type ReactNode, type RefObject } from 'react';
import { describeError, titleInSentence } from '../api/errorText';
import { asApiError } from '../../../shared/errors';
import { useCredentialActions } from './credentialActions';
import { AlertIcon, EmptyIcon } from './icons';
import { focusCurrentSearchBox } from './searchBoxes';
import { useThrottleNotice } from './ThrottleNotice';
import './States.css';

export function LoadingState({ label, actions }: { label: string; actions?: ReactNode }) {
  return (
    <div className="state" role="status">
      <span className="spinner" aria-hidden="true" />
      <p className="state-title">{label}</p>
      {actions && <div className="state-actions">{actions}</div>}
    </div>
  );
}

interface EmptyStateProps {
  readonly title: string;
  readonly children?: ReactNode;
  readonly actions?: ReactNode;
  readonly icon?: ReactNode;
}

export function EmptyState({ title, children, actions, icon = <EmptyIcon /> }: EmptyStateProps) {
  return (
    <div className="state" role="status">
      <div className="state-icon">{icon}</div>
      <p className="state-title">{title}</p>
      {children && <div className="state-text">{children}</div>}
      {actions && <div className="state-actions">{actions}</div>}
    </div>
  );
}

interface ErrorStateProps {
  readonly error: unknown;
  /** What failed, e.g. "Could not load log groups". */
  readonly context: string;
  readonly onRetry?: () => void;
  /** A compact banner above partial results instead of a full-panel state. */
  readonly inline?: boolean;
  /** More ways out, after the built-in ones. */
  readonly actions?: ReactNode;
}

/**
 * A failure, titled and explained, with what can be done about it: Retry when trying again may work,
 * and for credential errors whatever the app put in the credential actions slot.
 */
export function ErrorState({ error, context, onRetry, inline = false, actions }: ErrorStateProps) {
  const throttlingExplainedAbove = useThrottleNotice(asApiError(error).details?.region ?? '') !== undefined;
  const text = describeError(error, { throttlingExplainedAbove });
  const credentialActions = useCredentialActions(error);
  const retry = text.retryable && onRetry;
  const ref = useRef<HTMLDivElement>(null);
  useKeepFocusInView(ref);
  return (
    <div ref={ref} className={inline ? 'error-banner' : 'state state-error'} role="alert">
      <div className="state-icon">
        <AlertIcon />
      </div>
      <div className="error-body">
        <p className="state-title">
          {context}: {titleInSentence(text.title)}
        </p>
        <p className="state-text">{text.message}</p>
        {text.reference && <p className="state-reference">{text.reference}</p>}
      </div>
      {(credentialActions || retry || actions) && (
        <div className="state-actions">
          {credentialActions}
          {retry && (
            <button type="button" className={credentialActions ? 'button button-quiet' : 'button'} onClick={onRetry}>
              Retry
            </button>
          )}
          {actions}
        </div>
      )}
    </div>
  );
}

/**
 * When an error state that holds the keyboard focus goes away (its Retry, Sign in or MFA action
 * worked), focus would fall to the page: hand it to the view's search box, or the main region.
 */
function useKeepFocusInView(ref: RefObject<HTMLElement | null>) {
  useLayoutEffect(() => {
    const node = ref.current;
    return () => {
      if (!node?.contains(document.activeElement)) return;
      const main = node.closest<HTMLElement>('main');
      if (!main) return;
      queueMicrotask(() => {
        if (document.activeElement && document.activeElement !== document.body) return;
        if (!focusCurrentSearchBox()) main.focus();
      });
    };
  }, [ref]);
}
