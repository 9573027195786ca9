/**
 * The add/edit connection form's rules, without a DOM: what the form starts with, which request a
 * submit sends (validated by the contract's own zod schemas, so the form and main agree), and the
 * message shown next to each field. Secrets come in as arguments and are never kept here.
 */
import type { z } from 'zod';
import { contract, type Connection } from '../../../../shared/contract';
import { COMMERCIAL_REGIONS } from '../../../../shared/regions';

export type CreateRequest = z.input<typeof contract.connections.create.request>;
export type UpdateRequest = z.input<typeof contract.connections.update.request>;

export type FieldName = 'name' | 'accessKeyId' | 'secretAccessKey' | 'sessionToken' | 'defaultRegion' | 'endpoint';
export type FieldErrors = Partial<Record<FieldName, string>>;

export const FIELD_LABELS: Record<FieldName, string> = {
  name: 'Name',
  accessKeyId: 'Access key ID',
  secretAccessKey: 'Secret access key',
  sessionToken: 'Session token',
  defaultRegion: 'Default region',
  endpoint: 'Endpoint',
};

/** The fields the form keeps in its state: nothing secret. */
export interface ConnectionFormValues {
  readonly name: string;
  readonly accessKeyId: string;
  readonly defaultRegion: string;
  readonly endpoint: string;
}

/** Read from the password fields at submit time only. */
export interface SecretInput {
  readonly secretAccessKey: string;
  readonly sessionToken: string;
  /** Edit only: remove the stored session token. */
  readonly removeSessionToken?: boolean;
}

export type FormResult<Request> = { readonly ok: true; readonly request: Request } | { readonly ok: false; readonly errors: FieldErrors };

const FALLBACK_REGION = 'us-east-1';

/** A new connection starts in the region being looked at (when it is an AWS region); an edit starts with the connection. */
export function initialValues(connection: Connection | undefined, currentRegion: string): ConnectionFormValues {
  if (connection) {
    return {
      name: connection.name,
      accessKeyId: connection.accessKeyId ?? '',
      defaultRegion: connection.defaultRegion,
      endpoint: connection.endpoint ?? '',
    };
  }
  const known = COMMERCIAL_REGIONS.some((region) => region.code === currentRegion);
  return { name: '', accessKeyId: '', defaultRegion: known ? currentRegion : FALLBACK_REGION, endpoint: '' };
}

export function createRequest(values: ConnectionFormValues, secrets: SecretInput): FormResult<CreateRequest> {
  const raw = {
    name: values.name,
    accessKeyId: values.accessKeyId,
    secretAccessKey: secrets.secretAccessKey,
    defaultRegion: values.defaultRegion,
    ...(secrets.sessionToken.trim() !== '' ? { sessionToken: secrets.sessionToken } : {}),
    ...(values.endpoint.trim() !== '' ? { endpoint: values.endpoint } : {}),
  };
  const parsed = contract.connections.create.request.safeParse(raw);
  return parsed.success ? { ok: true, request: parsed.data } : { ok: false, errors: fieldErrors(parsed.error.issues) };
}

/**
 * Only what changed is sent. The secret is sent only when one was typed; an empty endpoint removes a
 * stored one; the session token is replaced when one was typed, removed when asked, else kept.
 */
export function updateRequest(original: Connection, values: ConnectionFormValues, secrets: SecretInput): FormResult<UpdateRequest> {
  const raw: Record<string, unknown> = { connectionId: original.id };
  if (values.name.trim() !== original.name) raw.name = values.name;
  const accessKeyChanged = values.accessKeyId.trim() !== (original.accessKeyId ?? '');
  if (accessKeyChanged) raw.accessKeyId = values.accessKeyId;
  if (secrets.secretAccessKey !== '') raw.secretAccessKey = secrets.secretAccessKey;
  if (secrets.removeSessionToken) raw.sessionToken = null;
  else if (secrets.sessionToken.trim() !== '') raw.sessionToken = secrets.sessionToken;
  if (values.defaultRegion !== original.defaultRegion) raw.defaultRegion = values.defaultRegion;
  const endpoint = values.endpoint.trim();
  if (endpoint === '' && original.endpoint !== undefined) raw.endpoint = null;
  else if (endpoint !== '' && endpoint !== original.endpoint) raw.endpoint = values.endpoint;

  const parsed = contract.connections.update.request.safeParse(raw);
  const errors = parsed.success ? {} : fieldErrors(parsed.error.issues);
  // The stored secret belongs to the old key id: a new key id needs its own secret.
  if (accessKeyChanged && secrets.secretAccessKey === '' && !errors.secretAccessKey) {
    errors.secretAccessKey = 'Enter the secret access key that belongs to the new access key ID.';
  }
  if (parsed.success && Object.keys(errors).length === 0) return { ok: true, request: parsed.data };
  return { ok: false, errors };
}

/** Checks an MFA code with the contract's schema; the message to show, or undefined when it is fine. */
export function mfaCodeError(connectionId: string, code: string): string | undefined {
  const parsed = contract.connections.provideMfaCode.request.safeParse({ connectionId, code });
  if (parsed.success) return undefined;
  const issue = parsed.error.issues.find((candidate) => candidate.path[0] === 'code') ?? parsed.error.issues[0];
  return issue ? sentence('MFA code', issue.message) : 'Enter the 6-digit code.';
}

/** The first message for each field, as a sentence naming the field. */
export function fieldErrors(issues: readonly z.core.$ZodIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path[0];
    if (typeof field !== 'string' || !(field in FIELD_LABELS)) continue;
    const name = field as FieldName;
    errors[name] ??= sentence(FIELD_LABELS[name], issue.message);
  }
  return errors;
}

/** The contract's messages are predicates ("is required", "must be …"): put the field's name in front. */
export function sentence(label: string, message: string): string {
  const text = /^[a-z]/.test(message) ? `${label} ${message}` : `${label}: ${message}`;
  return /[.!?]$/.test(text) ? text : `${text}.`;
}

/** The fields in form order, for focusing the first one with an error. */
export const FIELD_ORDER: readonly FieldName[] = ['name', 'accessKeyId', 'secretAccessKey', 'sessionToken', 'defaultRegion', 'endpoint'];

export function firstInvalidField(errors: FieldErrors): FieldName | undefined {
  return FIELD_ORDER.find((field) => errors[field] !== undefined);
}
