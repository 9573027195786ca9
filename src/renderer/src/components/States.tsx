/** The calm full-panel states every view uses: loading, empty, and failed. */
import type { ReactNode } from 'react';
import { describeError } from '../api/errorText';
import { AlertIcon, EmptyIcon } from './icons';
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
}

export function ErrorState({ error, context, onRetry, inline = false }: ErrorStateProps) {
  const text = describeError(error);
  return (
    <div className={inline ? 'error-banner' : 'state state-error'} role="alert">
      <div className="state-icon">
        <AlertIcon />
      </div>
      <div className="error-body">
        <p className="state-title">
          {context}: {text.title.toLowerCase()}
        </p>
        <p className="state-text">{text.message}</p>
        {text.reference && <p className="state-reference">{text.reference}</p>}
      </div>
      {text.retryable && onRetry && (
        <div className="state-actions">
          <button type="button" className="button" onClick={onRetry}>
            Retry
          </button>
        </div>
      )}
    </div>
  );
}
