/**
 * Adds a connection with access keys, or edits one created in the app. The secret access key and the
 * session token live only in their password fields: they are read when the form is submitted, sent
 * once, and the fields are emptied as soon as main has stored them. They never enter React state,
 * the query cache or storage. On edit the secret field starts empty and is sent only when typed in.
 */
import { useId, useRef, useState, type FormEvent, type RefObject } from 'react';
import type { Connection, ConnectionList } from '../../../../shared/contract';
import { asApiError } from '../../../../shared/errors';
import { COMMERCIAL_REGIONS } from '../../../../shared/regions';
import { describeError, titleInSentence } from '../../api/errorText';
import { Field } from '../../components/Field';
import { AlertIcon, WarningIcon } from '../../components/icons';
import {
  createRequest,
  firstInvalidField,
  initialValues,
  updateRequest,
  type ConnectionFormValues,
  type FieldErrors,
  type FieldName,
} from './connectionForm';
import { useSaveConnection, type SaveConnection } from './connectionMutations';

/** Secrets are typed, never shown, suggested, corrected or remembered; the inputs start empty even on edit. */
const SECRET_INPUT = {
  className: 'input mono',
  type: 'password',
  autoComplete: 'off',
  autoCapitalize: 'off',
  autoCorrect: 'off',
  spellCheck: false,
  defaultValue: '',
} as const;

interface ConnectionFormProps {
  /** Absent to add a connection. */
  readonly connection?: Connection;
  readonly list: ConnectionList;
  /** The region being looked at, for a new connection's default. */
  readonly currentRegion: string;
  readonly onSaved: (connection: Connection) => void;
  readonly onCancel: () => void;
  readonly headingRef?: RefObject<HTMLHeadingElement | null>;
}

export function ConnectionForm({ connection, list, currentRegion, onSaved, onCancel, headingRef }: ConnectionFormProps) {
  const editing = connection !== undefined;
  const [values, setValues] = useState<ConnectionFormValues>(() => initialValues(connection, currentRegion));
  const [removeSessionToken, setRemoveSessionToken] = useState(false);
  const [errors, setErrors] = useState<FieldErrors>({});
  const saving = useSaveConnection();
  // Once saved, the form keeps showing "Saving…" until the dialog has the new list and replaces it.
  const pending = saving.state.status === 'saving' || saving.state.status === 'saved';
  const headingId = useId();
  const refs: Record<FieldName, RefObject<HTMLInputElement | HTMLSelectElement | null>> = {
    name: useRef<HTMLInputElement>(null),
    accessKeyId: useRef<HTMLInputElement>(null),
    secretAccessKey: useRef<HTMLInputElement>(null),
    sessionToken: useRef<HTMLInputElement>(null),
    defaultRegion: useRef<HTMLSelectElement>(null),
    endpoint: useRef<HTMLInputElement>(null),
  };
  const secretInput = refs.secretAccessKey as RefObject<HTMLInputElement | null>;
  const tokenInput = refs.sessionToken as RefObject<HTMLInputElement | null>;

  const set = (field: keyof ConnectionFormValues) => (value: string) => {
    setValues((previous) => ({ ...previous, [field]: value }));
    setErrors((previous) => (previous[field] ? { ...previous, [field]: undefined } : previous));
  };

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (pending) return;
    const secrets = {
      secretAccessKey: secretInput.current?.value ?? '',
      sessionToken: removeSessionToken ? '' : (tokenInput.current?.value ?? ''),
      removeSessionToken,
    };
    let toSave: SaveConnection | undefined;
    let invalid: FieldErrors = {};
    if (connection) {
      const result = updateRequest(connection, values, secrets);
      if (result.ok) toSave = { kind: 'update', request: result.request };
      else invalid = result.errors;
    } else {
      const result = createRequest(values, secrets);
      if (result.ok) toSave = { kind: 'create', request: result.request };
      else invalid = result.errors;
    }
    setErrors(invalid);
    if (!toSave) {
      const first = firstInvalidField(invalid);
      if (first) refs[first].current?.focus();
      return;
    }
    let saved: Connection;
    try {
      saved = await saving.save(toSave);
    } catch {
      return; // The failure shows above the buttons.
    }
    // Stored: the secrets leave the page now.
    if (secretInput.current) secretInput.current.value = '';
    if (tokenInput.current) tokenInput.current.value = '';
    onSaved(saved);
  }

  const failure = saving.state.status === 'failed' ? saving.state.error : undefined;
  const failureText = failure === undefined ? undefined : describeError(failure);
  const keychainFailed = failure !== undefined && asApiError(failure).code === 'KeychainUnavailable';
  const regions = COMMERCIAL_REGIONS.some((region) => region.code === values.defaultRegion)
    ? COMMERCIAL_REGIONS
    : [{ code: values.defaultRegion, name: values.defaultRegion }, ...COMMERCIAL_REGIONS];
  const title = editing ? `Edit “${connection.name}”` : 'Add connection';

  return (
    <form className="conn-form" aria-labelledby={headingId} noValidate onSubmit={(event) => void submit(event)}>
      <h3 id={headingId} ref={headingRef} tabIndex={-1} className="conn-pane-title">
        {title}
      </h3>
      {!editing && (
        <p className="conn-form-intro">
          Access keys of an IAM user, or for LocalStack and other AWS-compatible endpoints. For IAM Identity Center (SSO) or
          roles, add a profile to <span className="mono">{list.configFile}</span> instead: Cloudscope lists every profile.
        </p>
      )}
      {!list.keychain.available && (
        <div className="notice notice-warning" role="note">
          <WarningIcon />
          <div className="notice-body">
            <p className="notice-title">The OS keychain is not available</p>
            <p>{list.keychain.reason ?? 'Secrets cannot be stored on this computer.'} Saving a secret access key will fail.</p>
          </div>
        </div>
      )}

      <Field label="Name" error={errors.name}>
        {(aria) => (
          <input
            {...aria}
            ref={refs.name as RefObject<HTMLInputElement>}
            className="input"
            type="text"
            autoComplete="off"
            spellCheck={false}
            maxLength={100}
            placeholder="e.g. staging-readonly"
            // The form replaces what was on screen: typing starts here.
            autoFocus
            value={values.name}
            onChange={(event) => set('name')(event.target.value)}
          />
        )}
      </Field>

      <Field label="Access key ID" error={errors.accessKeyId}>
        {(aria) => (
          <input
            {...aria}
            ref={refs.accessKeyId as RefObject<HTMLInputElement>}
            className="input mono"
            type="text"
            autoComplete="off"
            autoCapitalize="characters"
            spellCheck={false}
            maxLength={128}
            placeholder="AKIAIOSFODNN7EXAMPLE"
            value={values.accessKeyId}
            onChange={(event) => set('accessKeyId')(event.target.value)}
          />
        )}
      </Field>

      <Field
        label="Secret access key"
        optional={editing}
        hint={editing ? 'Leave empty to keep the stored secret.' : 'Stored in the OS keychain. Cloudscope never shows it again.'}
        error={errors.secretAccessKey}
      >
        {(aria) => (
          <input
            {...aria}
            ref={secretInput}
            {...SECRET_INPUT}
            maxLength={256}
          />
        )}
      </Field>

      <Field
        label="Session token"
        optional
        hint={
          editing && connection.hasSessionToken
            ? 'Leave empty to keep the stored session token.'
            : 'Only for temporary credentials (access key IDs that start with ASIA).'
        }
        error={errors.sessionToken}
      >
        {(aria) => (
          <input
            {...aria}
            ref={tokenInput}
            {...SECRET_INPUT}
            maxLength={8192}
            disabled={removeSessionToken}
          />
        )}
      </Field>
      {editing && connection.hasSessionToken && (
        <label className="checkbox">
          <input type="checkbox" checked={removeSessionToken} onChange={(event) => setRemoveSessionToken(event.target.checked)} />
          Remove the stored session token
        </label>
      )}

      <Field label="Default region" hint="The region the connection opens in; you can switch region at any time." error={errors.defaultRegion}>
        {(aria) => (
          <select
            {...aria}
            ref={refs.defaultRegion as RefObject<HTMLSelectElement>}
            className="select"
            value={values.defaultRegion}
            onChange={(event) => set('defaultRegion')(event.target.value)}
          >
            {regions.map((region) => (
              <option key={region.code} value={region.code}>
                {region.name === region.code ? region.code : `${region.code} — ${region.name}`}
              </option>
            ))}
          </select>
        )}
      </Field>

      <Field
        label="Endpoint"
        optional
        hint="Leave empty for AWS. LocalStack works: http://localhost:4566 (as does Cloudscope’s own sandbox, npm run sandbox)."
        error={errors.endpoint}
      >
        {(aria) => (
          <input
            {...aria}
            ref={refs.endpoint as RefObject<HTMLInputElement>}
            className="input mono"
            type="url"
            autoComplete="off"
            spellCheck={false}
            placeholder="http://localhost:4566"
            value={values.endpoint}
            onChange={(event) => set('endpoint')(event.target.value)}
          />
        )}
      </Field>

      {failureText && (
        <div className="notice notice-error" role="alert">
          <AlertIcon />
          <div className="notice-body">
            <p className="notice-title">Could not save: {titleInSentence(failureText.title)}</p>
            <p>{failureText.message}</p>
            {keychainFailed && (
              <p>
                Use an AWS profile instead: add it to <span className="mono">{list.configFile}</span> (keys go in{' '}
                <span className="mono">{list.credentialsFile}</span>).
              </p>
            )}
            {failureText.reference && <p className="state-reference">{failureText.reference}</p>}
          </div>
        </div>
      )}

      <div className="conn-form-actions">
        <button type="submit" className="button" aria-disabled={pending || undefined}>
          {pending && <span className="spinner spinner-small" aria-hidden="true" />}
          {pending ? 'Saving…' : 'Save'}
        </button>
        <button type="button" className="button button-quiet" onClick={onCancel}>
          Cancel
        </button>
      </div>
    </form>
  );
}
