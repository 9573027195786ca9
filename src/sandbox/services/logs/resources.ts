/**
 * The resource CloudWatch Logs names in access-denied messages: `arn:aws:logs:us-east-1:123456789012:
 * log-group:NAME:log-stream:STREAM`, with the parts the request does not name left empty
 * (DescribeLogGroups: `…:log-group::log-stream:`).
 */
import { partitionOf } from '../../core/partition';
import type { AuditResource } from '../service';

export function logsResourceArn(_operation: string, input: unknown, scope: { readonly region: string; readonly accountId: string }): string {
  const record = typeof input === 'object' && input !== null && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const text = (name: string): string => (typeof record[name] === 'string' ? (record[name] as string) : '');
  let group = text('logGroupName');
  const identifier = text('logGroupIdentifier');
  if (group === '' && identifier !== '') group = /:log-group:([^:]+)/.exec(identifier)?.[1] ?? identifier;
  return `arn:${partitionOf(scope.region)}:logs:${scope.region}:${scope.accountId}:log-group:${group}:log-stream:${text('logStreamName')}`;
}

/** What CloudTrail names in a write's `resources`: the log group it acts on. */
export function logsAuditResources(operation: string, input: unknown, scope: { readonly region: string; readonly accountId: string }): readonly AuditResource[] {
  const arn = logsResourceArn(operation, input, scope);
  const name = /:log-group:([^:]*):/.exec(arn)?.[1] ?? '';
  if (name === '') return [];
  return [{ type: 'AWS::Logs::LogGroup', name, arn: `arn:${partitionOf(scope.region)}:logs:${scope.region}:${scope.accountId}:log-group:${name}` }];
}
