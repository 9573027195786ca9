import { describe, expect, it } from 'vitest';
import type { Connection } from '../../../../shared/contract';
import { createRequest, firstInvalidField, initialValues, mfaCodeError, sentence, updateRequest } from './connectionForm';

const KEY_ID = 'AKIAIOSFODNN7EXAMPLE';
const noSecrets = { secretAccessKey: '', sessionToken: '' };

const stored: Connection = {
  id: 'keys:1',
  name: 'LocalStack',
  kind: 'keys',
  defaultRegion: 'us-east-1',
  endpoint: 'http://localhost:4566',
  accessKeyId: KEY_ID,
  hasSessionToken: true,
};

describe('initialValues', () => {
  it('starts a new connection empty, in the region being looked at', () => {
    expect(initialValues(undefined, 'eu-west-1')).toEqual({ name: '', accessKeyId: '', defaultRegion: 'eu-west-1', endpoint: '' });
    expect(initialValues(undefined, 'local-1').defaultRegion).toBe('us-east-1');
  });

  it('starts an edit with the connection, without any secret', () => {
    expect(initialValues(stored, 'eu-west-1')).toEqual({
      name: 'LocalStack',
      accessKeyId: KEY_ID,
      defaultRegion: 'us-east-1',
      endpoint: 'http://localhost:4566',
    });
  });
});

describe('createRequest', () => {
  const values = { name: ' Staging ', accessKeyId: KEY_ID, defaultRegion: 'eu-west-1', endpoint: '' };

  it('builds a trimmed request and leaves out empty optional fields', () => {
    expect(createRequest(values, { secretAccessKey: 's3cret', sessionToken: '  ' })).toEqual({
      ok: true,
      request: { name: 'Staging', accessKeyId: KEY_ID, secretAccessKey: 's3cret', defaultRegion: 'eu-west-1' },
    });
    const withAll = createRequest({ ...values, endpoint: 'http://localhost:4566' }, { secretAccessKey: 's', sessionToken: 'tok' });
    expect(withAll.ok && withAll.request).toMatchObject({ endpoint: 'http://localhost:4566', sessionToken: 'tok' });
  });

  it('reports each field’s problem as a sentence, using the contract’s messages', () => {
    const result = createRequest({ name: '', accessKeyId: 'akia-lower', defaultRegion: 'eu-west-1', endpoint: 'localhost:4566' }, noSecrets);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.errors).toEqual({
      name: 'Name is required.',
      accessKeyId: 'Access key ID must be 16 or more capital letters and digits, like AKIAIOSFODNN7EXAMPLE.',
      secretAccessKey: 'Secret access key is required.',
      endpoint: 'Endpoint must start with http:// or https://.',
    });
    expect(firstInvalidField(result.errors)).toBe('name');
  });

  it('never puts the secret into an error message', () => {
    const result = createRequest({ ...values, accessKeyId: 'nope' }, { secretAccessKey: 'x'.repeat(300), sessionToken: '' });
    expect(result.ok).toBe(false);
    expect(JSON.stringify(result)).not.toContain('xxxx');
  });
});

describe('updateRequest', () => {
  const same = initialValues(stored, 'us-east-1');

  it('sends only what changed, and no secret unless one was typed', () => {
    expect(updateRequest(stored, same, noSecrets)).toEqual({ ok: true, request: { connectionId: 'keys:1' } });
    expect(updateRequest(stored, { ...same, name: 'LS', defaultRegion: 'eu-west-1' }, noSecrets)).toEqual({
      ok: true,
      request: { connectionId: 'keys:1', name: 'LS', defaultRegion: 'eu-west-1' },
    });
    expect(updateRequest(stored, same, { secretAccessKey: 'new', sessionToken: '' })).toEqual({
      ok: true,
      request: { connectionId: 'keys:1', secretAccessKey: 'new' },
    });
  });

  it('removes the endpoint when emptied, and the session token when asked', () => {
    expect(updateRequest(stored, { ...same, endpoint: ' ' }, { ...noSecrets, removeSessionToken: true })).toEqual({
      ok: true,
      request: { connectionId: 'keys:1', endpoint: null, sessionToken: null },
    });
    const replaced = updateRequest(stored, same, { secretAccessKey: '', sessionToken: 'fresh' });
    expect(replaced.ok && replaced.request).toEqual({ connectionId: 'keys:1', sessionToken: 'fresh' });
  });

  it('asks for the secret of a new access key id', () => {
    const result = updateRequest(stored, { ...same, accessKeyId: 'AKIANEWKEY0000000001' }, noSecrets);
    expect(result).toEqual({
      ok: false,
      errors: { secretAccessKey: 'Enter the secret access key that belongs to the new access key ID.' },
    });
    const withSecret = updateRequest(stored, { ...same, accessKeyId: 'AKIANEWKEY0000000001' }, { secretAccessKey: 'k', sessionToken: '' });
    expect(withSecret.ok).toBe(true);
  });

  it('validates changed fields with the contract', () => {
    const result = updateRequest(stored, { ...same, name: '  ', endpoint: 'ftp://x' }, noSecrets);
    expect(result.ok).toBe(false);
    if (!result.ok) expect(result.errors).toEqual({ name: 'Name is required.', endpoint: 'Endpoint must start with http:// or https://.' });
  });
});

describe('mfaCodeError', () => {
  it('accepts six digits and explains anything else', () => {
    expect(mfaCodeError('profile:prod', '123456')).toBeUndefined();
    expect(mfaCodeError('profile:prod', ' 123456 ')).toBeUndefined();
    expect(mfaCodeError('profile:prod', '12345')).toBe('MFA code must be the 6 digits your MFA device shows.');
  });
});

describe('sentence', () => {
  it('joins a predicate to the field name, and keeps a full message as it is', () => {
    expect(sentence('Name', 'is required')).toBe('Name is required.');
    expect(sentence('Name', 'Too big: expected string to have <=100 characters')).toBe(
      'Name: Too big: expected string to have <=100 characters.',
    );
    expect(sentence('Name', 'is required.')).toBe('Name is required.');
  });
});
