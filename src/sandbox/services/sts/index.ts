/**
 * AWS STS (query protocol, version 2011-06-15): GetCallerIdentity, AssumeRole and
 * AssumeRoleWithWebIdentity (which AWS, and so the sandbox, accepts unsigned).
 */
import { ServiceError } from '../../core/errors';
import type { QueryOperation } from '../../protocols/query';
import { reads, type ServiceDefinition } from '../service';
import { assumeRole } from './assume-role';
import { assumeRoleWithWebIdentity } from './assume-role-with-web-identity';
import { getCallerIdentity } from './get-caller-identity';

export const sts: ServiceDefinition<QueryOperation> = {
  name: 'sts',
  signingName: 'sts',
  protocols: [{ protocol: 'query', version: '2011-06-15', xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/' }],
  // CloudTrail records role assumptions as read-only events.
  operations: {
    AssumeRole: reads(assumeRole),
    AssumeRoleWithWebIdentity: reads(assumeRoleWithWebIdentity),
    GetCallerIdentity: reads(getCallerIdentity),
  },
  throttlingError: () => new ServiceError('Throttling', 'Rate exceeded'),
  resourceArn: (operation, parameters) => (operation.startsWith('AssumeRole') ? (parameters.get('RoleArn') ?? '*') : '*'),
  unsignedOperations: ['AssumeRoleWithWebIdentity'],
  // "No permissions are required to perform this operation", even with an explicit deny.
  alwaysAllowed: ['GetCallerIdentity'],
};
