/** Input rules, error shapes and log-group resolution shared by the CloudWatch Logs operations. */
import { LOG_GROUP_IDENTIFIER, LOG_GROUP_NAME } from '../../../shared/contract/logs-rules';
import type { RequestContext } from '../../core/context';
import { ServiceError } from '../../core/errors';
import { InputReader } from '../../core/validation';
import { LOGS_STORE, type LogGroup } from './store';

/** CloudWatch Logs reports constraint violations as `InvalidParameterException`. */
export function readLogsInput(body: unknown): InputReader {
  return InputReader.of(body, 'InvalidParameterException');
}

export const LOG_GROUP_CLASSES = ['STANDARD', 'INFREQUENT_ACCESS', 'DELIVERY'] as const;

export function invalidParameter(message: string): ServiceError {
  return new ServiceError('InvalidParameterException', message);
}

export function logGroupNotFound(): ServiceError {
  return new ServiceError('ResourceNotFoundException', 'The specified log group does not exist.');
}

export function logStreamNotFound(): ServiceError {
  return new ServiceError('ResourceNotFoundException', 'The specified log stream does not exist.');
}

export function invalidNextToken(): ServiceError {
  return invalidParameter('The specified nextToken is invalid.');
}

/** Reads `logGroupName` for operations that take only a name. */
export function requireGroup(context: RequestContext, name: string | undefined): LogGroup {
  const group = name === undefined ? undefined : context.state.store(LOGS_STORE).group(name);
  if (group === undefined) throw logGroupNotFound();
  return group;
}

/**
 * Reads the `logGroupName` / `logGroupIdentifier` pair that reading operations accept: exactly one of
 * them, the identifier being a name or an ARN (without `:*`) in this account and region.
 */
export function readGroupReference(input: InputReader): { readonly name?: string; readonly identifier?: string } {
  const name = input.string('logGroupName', LOG_GROUP_NAME);
  const identifier = input.string('logGroupIdentifier', LOG_GROUP_IDENTIFIER);
  return { ...(name === undefined ? {} : { name }), ...(identifier === undefined ? {} : { identifier }) };
}

export function resolveGroupReference(
  context: RequestContext,
  reference: { readonly name?: string; readonly identifier?: string },
): LogGroup {
  if (reference.name !== undefined && reference.identifier !== undefined) {
    throw new ServiceError('ValidationException', 'LogGroup name and LogGroup ARN are mutually exclusive parameters.');
  }
  if (reference.name !== undefined) return requireGroup(context, reference.name);
  if (reference.identifier === undefined) {
    throw invalidParameter('Either logGroupName or logGroupIdentifier must be specified.');
  }
  return requireGroup(context, groupNameFromIdentifier(context, reference.identifier));
}

/** The group name an identifier refers to, or undefined for an ARN of another account or region. */
export function groupNameFromIdentifier(context: RequestContext, identifier: string): string | undefined {
  if (!identifier.startsWith('arn:')) return identifier;
  const match = /^arn:[^:]+:logs:([^:]*):([^:]*):log-group:(.+)$/.exec(identifier);
  if (match === null) throw invalidParameter(`Invalid log group identifier: ${identifier}`);
  const [, region, account, name] = match;
  if (region !== context.region || account !== context.accountId) return undefined;
  return name;
}
