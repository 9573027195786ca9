/** AWS STS (query protocol, version 2011-06-15): GetCallerIdentity for the sandbox's one identity. */
import type { RequestContext } from '../../core/context';
import { partitionOf } from '../../core/partition';
import { escapeXml } from '../../core/xml';
import type { QueryService } from '../../protocols/query';

/** The IAM user every sandbox request acts as. */
export const SANDBOX_USER_NAME = 'sandbox';
/** An IAM user's unique ID (AIDA…), fixed so responses are deterministic. */
export const SANDBOX_USER_ID = 'AIDASANDBOXUSER0EXAMPLE';

function getCallerIdentity(_parameters: URLSearchParams, context: RequestContext): string {
  const arn = `arn:${partitionOf(context.region)}:iam::${context.accountId}:user/${SANDBOX_USER_NAME}`;
  return (
    `<Arn>${escapeXml(arn)}</Arn>` +
    `<UserId>${SANDBOX_USER_ID}</UserId>` +
    `<Account>${escapeXml(context.accountId)}</Account>`
  );
}

export const sts: QueryService = {
  signingName: 'sts',
  version: '2011-06-15',
  xmlNamespace: 'https://sts.amazonaws.com/doc/2011-06-15/',
  throttlingCode: 'Throttling',
  operations: { GetCallerIdentity: getCallerIdentity },
};
