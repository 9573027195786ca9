import { describe, expect, it } from 'vitest';
import type { Scope } from '../../../../shared/contract';
import { apiError } from '../../../../shared/errors';
import { connectionKeys } from './connectionKeys';
import { automaticMfaRequest } from './credentialPromptsContext';

const scope: Scope = {
  connection: { id: 'profile:prod-admin', name: 'prod-admin', kind: 'profile', defaultRegion: 'us-east-1' },
  region: 'us-east-1',
  regions: [],
};
/** A key of some view's AWS data, e.g. the log groups. */
const dataOf = (connectionId: string, region: string) => ['scoped', connectionId, region, 'logs', 'groups'];
const mfa = apiError('MfaRequired', 'This role needs a code from your MFA device (arn:aws:iam::1:mfa/alice).');

describe('automaticMfaRequest', () => {
  it('asks for the code when a query of the connection in use needs one, with the error naming the device', () => {
    expect(automaticMfaRequest(dataOf('profile:prod-admin', 'eu-west-1'), mfa, scope)).toEqual({
      connectionId: 'profile:prod-admin',
      connectionName: 'prod-admin',
      message: mfa.message,
    });
  });

  it('stays quiet for other errors, other connections, unscoped queries and before a scope is loaded', () => {
    const key = dataOf('profile:prod-admin', 'us-east-1');
    expect(automaticMfaRequest(key, apiError('SignInRequired', 'Sign in.'), scope)).toBeUndefined();
    expect(automaticMfaRequest(dataOf('demo', 'us-east-1'), mfa, scope)).toBeUndefined();
    expect(automaticMfaRequest(connectionKeys.list, mfa, scope)).toBeUndefined();
    expect(automaticMfaRequest(key, mfa, undefined)).toBeUndefined();
  });
});
