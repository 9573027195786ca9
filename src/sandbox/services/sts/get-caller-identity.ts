/** GetCallerIdentity: the user, or the assumed role session, that signed the request. */
import type { RequestContext } from '../../core/context';
import { escapeXml } from '../../core/xml';

export function getCallerIdentity(_parameters: URLSearchParams, context: RequestContext): string {
  const caller = context.caller;
  // The router never lets an unsigned GetCallerIdentity through.
  if (caller.kind === 'anonymous') throw new Error('GetCallerIdentity needs a signed request');
  return `<Arn>${escapeXml(caller.arn)}</Arn><UserId>${escapeXml(caller.userId)}</UserId><Account>${escapeXml(caller.accountId)}</Account>`;
}
