/**
 * AWS STS (query protocol, version 2011-06-15): GetCallerIdentity, AssumeRole and
 * AssumeRoleWithWebIdentity (which AWS, and so the sandbox, accepts unsigned).
 */
import type { QueryService } from '../../protocols/query';
import { assumeRole } from './assume-role';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity';
import { getCallerIdentity } from './get-caller-identity';

export { SANDBOX_USER_ID, SANDBOX_USER_NAME } from '../../identity/store';

export const sts: QueryService = {
  signingName: 'sts',
  version: '2011-06-15',
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  throttlingCode: 'Throttling',
  operations: {
    AssumeRole: assumeRole,
    AssumeRoleWithWebIdentity: assumeRoleWithWebIdentity,
    GetCallerIdentity: getCallerIdentity,
  },
  unsignedOperations: ['AssumeRoleWithWebIdentity'],
  // "No permissions are required to perform this operation", even with an explicit deny.
  alwaysAllowed: ['GetCallerIdentity'],
  resourceArn: (operation, parameters) => (operation.startsWith('AssumeRole') ? (parameters.get('RoleArn') ?? '*') : '*'),
};
