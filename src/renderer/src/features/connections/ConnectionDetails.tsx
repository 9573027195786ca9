/**
 * One connection in the connections dialog: what it is (never a secret), its problem if any, and what
 * can be done with it: use it, check who it signs in as, sign in (SSO), edit or delete (connections
 * created in the app).
 */
import type { RefObject } from 'react';
import type { Connection } from '../../../../shared/contract';
import type { ApiError } from '../../../../shared/errors';
import { formatTimestamp } from '../../../../shared/format';
import { describeError, titleInSentence } from '../../api/errorText';
import { AlertIcon, CheckIcon, WarningIcon } from '../../components/icons';
import { useTimeZone } from '../../components/TimeZone';
import { canSignIn, detailRows, isEditable, kindLabel } from './connectionLabels';
import type { CheckState } from './useConnectionChecks';

interface ConnectionDetailsProps {
  readonly connection: Connection;
  readonly inUse: boolean;
  readonly check: CheckState | undefined;
  readonly onUse: () => void;
  readonly usePending: boolean;
  readonly useError: unknown;
  readonly onCheck: () => void;
  readonly onSignIn: () => void;
  readonly onEnterMfaCode: (error: ApiError) => void;
  readonly onEdit: () => void;
  readonly onDelete: () => void;
  readonly headingRef?: RefObject<HTMLHeadingElement | null>;
  readonly editRef?: RefObject<HTMLButtonElement | null>;
}

export function ConnectionDetails(props: ConnectionDetailsProps) {
  const { connection, inUse, check, onUse, usePending, useError, onCheck, onSignIn, onEnterMfaCode, onEdit, onDelete, headingRef, editRef } = props;
  const signIn = canSignIn(connection);
  const editable = isEditable(connection);
  const useErrorText = useError ? describeError(useError) : undefined;

  return (
    <section className="conn-details" aria-labelledby={`conn-title-${connection.id}`}>
      <header className="conn-details-header">
        <h3 id={`conn-title-${connection.id}`} ref={headingRef} tabIndex={-1} className="conn-pane-title">
          {connection.name}
        </h3>
        <span className="kind-tag">{kindLabel(connection)}</span>
        {inUse && <span className="menu-tag">in use</span>}
      </header>

      {connection.problem && (
        <div className="notice notice-warning" role="note">
          <WarningIcon />
          <div className="notice-body">
            <p className="notice-title">This connection cannot be used as configured</p>
            <p>{connection.problem}</p>
          </div>
        </div>
      )}

      <div className="conn-actions" role="group" aria-label="Actions">
        {/* Busy buttons stay focusable (aria-disabled): disabling them would drop the keyboard focus. */}
        <button type="button" className="button" onClick={() => !usePending && onUse()} disabled={inUse} aria-disabled={usePending || undefined}>
          {usePending && <span className="spinner spinner-small" aria-hidden="true" />}
          {inUse ? 'In use' : 'Use'}
        </button>
        <button
          type="button"
          className="button button-quiet"
          onClick={() => check?.status !== 'checking' && onCheck()}
          aria-disabled={check?.status === 'checking' || undefined}
        >
          Check connection
        </button>
        {signIn && (
          <button type="button" className="button button-quiet" onClick={onSignIn}>
            Sign in
          </button>
        )}
        {editable && (
          <>
            <button ref={editRef} type="button" className="button button-quiet" onClick={onEdit}>
              Edit
            </button>
            <button type="button" className="button button-quiet button-danger-quiet" onClick={onDelete}>
              Delete
            </button>
          </>
        )}
      </div>

      {useErrorText && (
        <div className="notice notice-error" role="alert">
          <AlertIcon />
          <div className="notice-body">
            <p className="notice-title">Could not switch to {connection.name}: {titleInSentence(useErrorText.title)}</p>
            <p>{useErrorText.message}</p>
          </div>
        </div>
      )}

      <div className="conn-check" role="status" aria-live="polite" aria-label="Connection check">
        {check && (
          <CheckResult check={check} offersSignIn={signIn} onCheck={onCheck} onSignIn={onSignIn} onEnterMfaCode={onEnterMfaCode} />
        )}
      </div>

      <dl className="conn-detail-list">
        {detailRows(connection).map((row) => (
          <div key={row.label}>
            <dt>{row.label}</dt>
            <dd className={row.mono ? 'mono' : undefined}>{row.value}</dd>
          </div>
        ))}
      </dl>
    </section>
  );
}

interface CheckResultProps {
  readonly check: CheckState;
  readonly offersSignIn: boolean;
  readonly onCheck: () => void;
  readonly onSignIn: () => void;
  readonly onEnterMfaCode: (error: ApiError) => void;
}

function CheckResult({ check, offersSignIn, onCheck, onSignIn, onEnterMfaCode }: CheckResultProps) {
  const { zone } = useTimeZone();
  if (check.status === 'checking') {
    return (
      <p className="conn-checking">
        <span className="spinner spinner-small" aria-hidden="true" /> Checking who this connection signs in as…
      </p>
    );
  }
  const at = formatTimestamp(check.at, zone, 'second').slice(11);
  if (check.status === 'ok') {
    return (
      <div className="notice notice-success">
        <CheckIcon />
        <div className="notice-body">
          <p className="notice-title">The connection works</p>
          <dl className="conn-identity">
            <div>
              <dt>Account</dt>
              <dd className="mono">{check.identity.account}</dd>
            </div>
            <div>
              <dt>Signed in as</dt>
              <dd className="mono">{check.identity.arn}</dd>
            </div>
            <div>
              <dt>User ID</dt>
              <dd className="mono">{check.identity.userId}</dd>
            </div>
          </dl>
          <p className="muted">Checked at {at}</p>
        </div>
      </div>
    );
  }
  const text = describeError(check.error);
  const code = check.error.code;
  return (
    <div className="notice notice-error">
      <AlertIcon />
      <div className="notice-body">
        <p className="notice-title">Check failed: {titleInSentence(text.title)}</p>
        <p>{text.message}</p>
        {text.reference && <p className="state-reference">{text.reference}</p>}
        {code === 'SignInRequired' && offersSignIn && <p>Use Sign in above, then check again.</p>}
        <div className="notice-actions">
          {code === 'SignInRequired' && !offersSignIn && (
            <button type="button" className="button" onClick={onSignIn}>
              Sign in
            </button>
          )}
          {code === 'MfaRequired' && (
            <button type="button" className="button" onClick={() => onEnterMfaCode(check.error)}>
              Enter MFA code
            </button>
          )}
          <button type="button" className="button button-quiet" onClick={onCheck}>
            Check again
          </button>
        </div>
        <p className="muted">Checked at {at}</p>
      </div>
    </div>
  );
}
