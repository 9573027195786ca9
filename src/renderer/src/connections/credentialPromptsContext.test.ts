import { describe, expect, it } from 'vitest';
import type { Scope } from '../../../shared/contract';
import { apiError } from '../../../shared/errors';
import { connectionsKey, logsKeys } from '../api/queryKeys';
import { automaticMfaRequest } from './credentialPromptsContext';

const scope: Scope = {
  connection: { id: 'profile:prod-admin', name: 'prod-admin', kind: 'profile', defaultRegion: 'us-east-1' },
  region: 'us-east-1',
  regions: [],
};
const mfa = apiError('MfaRequired', 'This role needs a code from your MFA device (arn:aws:iam::1:mfa/alice).');

describe('automaticMfaRequest', () => {
  it('asks for the code when a query of the connection in use needs one, with the error naming the device', () => {
    expect(automaticMfaRequest(logsKeys.groups(['scoped', 'profile:prod-admin', 'eu-west-1']), mfa, scope)).toEqual({
      connectionId: 'profile:prod-admin',
      connectionName: 'prod-admin',
      message: mfa.message,
    });
  });

  it('stays quiet for other errors, other connections, unscoped queries and before a scope is loaded', () => {
    const key = logsKeys.groups(['scoped', 'profile:prod-admin', 'us-east-1']);
    expect(automaticMfaRequest(key, apiError('SignInRequired', 'Sign in.'), scope)).toBeUndefined();
    expect(automaticMfaRequest(logsKeys.groups(['scoped', 'demo', 'us-east-1']), mfa, scope)).toBeUndefined();
    expect(automaticMfaRequest(connectionsKey, mfa, scope)).toBeUndefined();
    expect(automaticMfaRequest(key, mfa, undefined)).toBeUndefined();
  });
});
