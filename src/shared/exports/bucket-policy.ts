/**
 * S3 bucket policies as far as CloudWatch Logs export tasks need them: evaluating whether a policy lets the
 * CloudWatch Logs service principal (`logs.<region>.amazonaws.com`) do what an export does, the policy AWS's
 * guide asks for, and merging it into an existing policy without dropping or changing any statement.
 *
 * The sandbox refuses exports with this evaluation and the app checks (and fixes) buckets with it, so the
 * two cannot disagree. What AWS's guide ("Export log data to Amazon S3 using the AWS CLI", step 3) asks for:
 * - `s3:GetBucketAcl` on `arn:aws:s3:::<bucket>`,
 * - `s3:PutObject` on `arn:aws:s3:::<bucket>/<prefix>/*` with `s3:x-amz-acl` = `bucket-owner-full-control`,
 * both for the principal `{"Service": "logs.<region>.amazonaws.com"}` and, to avoid the confused-deputy
 * problem, conditioned on `aws:SourceAccount` (the account) and `aws:SourceArn` (`arn:aws:logs:<region>:<account>:log-group:*`).
 */

export interface PolicyStatement {
  readonly Sid?: string;
  readonly Effect: string;
  readonly Principal?: unknown;
  readonly NotPrincipal?: unknown;
  readonly Action?: string | readonly string[];
  readonly NotAction?: string | readonly string[];
  readonly Resource?: string | readonly string[];
  readonly NotResource?: string | readonly string[];
  readonly Condition?: Readonly<Record<string, Readonly<Record<string, string | readonly string[]>>>>;
}

export interface BucketPolicy {
  readonly Version?: string;
  readonly Id?: string;
  readonly Statement: readonly PolicyStatement[];
}

/** What one export needs: where it writes and on whose behalf. */
export interface ExportTarget {
  readonly bucket: string;
  /** The export's destination prefix (AWS's default: `exportedlogs`). */
  readonly prefix: string;
  readonly region: string;
  readonly accountId: string;
  /** The log group exported, for `aws:SourceArn`; any group when absent. */
  readonly logGroupName?: string;
}

/** One request the policy is asked about. */
export interface PolicyRequest {
  /** E.g. `Service:logs.us-east-1.amazonaws.com`. */
  readonly principal: { readonly type: 'Service' | 'AWS'; readonly id: string };
  readonly action: string;
  readonly resource: string;
  /** Condition keys (lower case) and their values. */
  readonly context: Readonly<Record<string, string>>;
}

export type Decision =
  | { readonly effect: 'allow' }
  /** No statement allows it. */
  | { readonly effect: 'implicit-deny' }
  /** A Deny statement matches; merging can never fix that, a person must change it. */
  | { readonly effect: 'deny'; readonly statement: PolicyStatement; readonly index: number };

export const EXPORT_ACL = 'bucket-owner-full-control';
export const DEFAULT_EXPORT_PREFIX = 'exportedlogs';

export function logsServicePrincipal(region: string): string {
  return `logs.${region}.amazonaws.com`;
}

export function partitionOf(region: string): string {
  if (region.startsWith('cn-')) return 'aws-cn';
  if (region.startsWith('us-gov-')) return 'aws-us-gov';
  return 'aws';
}

export function bucketArn(bucket: string, region: string): string {
  return `arn:${partitionOf(region)}:s3:::${bucket}`;
}

/** The two requests an export makes: the ACL check on the bucket, and the writes under its prefix. */
export function exportRequests(target: ExportTarget): { readonly aclCheck: PolicyRequest; readonly write: PolicyRequest } {
  const partition = partitionOf(target.region);
  const principal = { type: 'Service', id: logsServicePrincipal(target.region) } as const;
  const context = {
    'aws:sourceaccount': target.accountId,
    'aws:sourcearn': `arn:${partition}:logs:${target.region}:${target.accountId}:log-group:${target.logGroupName ?? '*'}`,
  };
  return {
    aclCheck: { principal, action: 's3:GetBucketAcl', resource: bucketArn(target.bucket, target.region), context },
    write: {
      principal,
      action: 's3:PutObject',
      resource: `${bucketArn(target.bucket, target.region)}/${target.prefix}/aws-logs-write-test`,
      context: { ...context, 's3:x-amz-acl': EXPORT_ACL },
    },
  };
}

/** The statements AWS's guide asks for, for exports under `prefix` from any log group of the account in `region`. */
export function requiredStatements(target: Omit<ExportTarget, 'logGroupName'>): PolicyStatement[] {
  const partition = partitionOf(target.region);
  const principal = { Service: logsServicePrincipal(target.region) };
  const sourceConditions = {
    StringEquals: { 'aws:SourceAccount': [target.accountId] },
    ArnLike: { 'aws:SourceArn': [`arn:${partition}:logs:${target.region}:${target.accountId}:log-group:*`] },
  };
  return [
    {
      Sid: 'CloudWatchLogsExportAclCheck',
      Effect: 'Allow',
      Principal: principal,
      Action: 's3:GetBucketAcl',
      Resource: bucketArn(target.bucket, target.region),
      Condition: sourceConditions,
    },
    {
      Sid: 'CloudWatchLogsExportWrite',
      Effect: 'Allow',
      Principal: principal,
      Action: 's3:PutObject',
      Resource: `${bucketArn(target.bucket, target.region)}/${target.prefix}/*`,
      Condition: {
        StringEquals: { 's3:x-amz-acl': EXPORT_ACL, 'aws:SourceAccount': [target.accountId] },
        ArnLike: sourceConditions.ArnLike,
      },
    },
  ];
}

export class PolicyParseError extends Error {}

/** Reads a policy document; throws `PolicyParseError` with what is wrong. */
export function parsePolicy(text: string): BucketPolicy {
  let value: unknown;
  try {
    value = JSON.parse(text) as unknown;
  } catch (error) {
    throw new PolicyParseError(`The policy is not valid JSON: ${(error as Error).message}`);
  }
  if (!isRecord(value)) throw new PolicyParseError('The policy must be a JSON object.');
  const statements = value.Statement;
  const list = Array.isArray(statements) ? statements : statements === undefined ? undefined : [statements];
  if (list === undefined) throw new PolicyParseError('Missing required field Statement');
  list.forEach((statement, index) => {
    if (!isRecord(statement)) throw new PolicyParseError(`Statement ${index + 1} must be a JSON object.`);
    if (statement.Effect !== 'Allow' && statement.Effect !== 'Deny') throw new PolicyParseError(`Invalid effect: ${String(statement.Effect)}`);
  });
  return { ...(value as object), Statement: list as PolicyStatement[] } as BucketPolicy;
}

/** Whether the policy lets the request through: an explicit Deny wins over any Allow. */
export function evaluate(policy: BucketPolicy | undefined, request: PolicyRequest): Decision {
  let allowed = false;
  for (const [index, statement] of (policy?.Statement ?? []).entries()) {
    if (!statementMatches(statement, request)) continue;
    if (statement.Effect === 'Deny') return { effect: 'deny', statement, index };
    if (statement.Effect === 'Allow') allowed = true;
  }
  return allowed ? { effect: 'allow' } : { effect: 'implicit-deny' };
}

export type ExportPolicyCheck =
  | { readonly ok: true }
  /** Statements are missing: `merged` is the existing policy with them added (nothing dropped or changed). */
  | { readonly ok: false; readonly kind: 'missing'; readonly missing: readonly ('aclCheck' | 'write')[]; readonly merged: BucketPolicy }
  /** A Deny statement blocks the export: merging cannot fix it. */
  | { readonly ok: false; readonly kind: 'denied'; readonly statement: PolicyStatement; readonly index: number };

/** Checks a bucket's policy (undefined: it has none) for an export, and proposes the fix. */
export function checkExportPolicy(policy: BucketPolicy | undefined, target: Omit<ExportTarget, 'logGroupName'>): ExportPolicyCheck {
  const requests = exportRequests(target);
  const decisions = { aclCheck: evaluate(policy, requests.aclCheck), write: evaluate(policy, requests.write) };
  for (const decision of Object.values(decisions)) {
    if (decision.effect === 'deny') return { ok: false, kind: 'denied', statement: decision.statement, index: decision.index };
  }
  const missing = (['aclCheck', 'write'] as const).filter((name) => decisions[name].effect !== 'allow');
  if (missing.length === 0) return { ok: true };
  const [aclStatement, writeStatement] = requiredStatements(target) as [PolicyStatement, PolicyStatement];
  const added = missing.map((name) => (name === 'aclCheck' ? aclStatement : writeStatement));
  return { ok: false, kind: 'missing', missing, merged: mergeStatements(policy, added) };
}

/**
 * The policy with `added` appended after every existing statement, which stay exactly as they were. A new
 * statement whose Sid is taken gets a numbered one (Sids must be unique within a policy).
 */
export function mergeStatements(policy: BucketPolicy | undefined, added: readonly PolicyStatement[]): BucketPolicy {
  const existing = policy?.Statement ?? [];
  const sids = new Set(existing.map((statement) => statement.Sid).filter((sid): sid is string => sid !== undefined));
  const renamed = added.map((statement) => {
    if (statement.Sid === undefined || !sids.has(statement.Sid)) {
      if (statement.Sid !== undefined) sids.add(statement.Sid);
      return statement;
    }
    let number = 2;
    while (sids.has(`${statement.Sid}${number}`)) number++;
    const sid = `${statement.Sid}${number}`;
    sids.add(sid);
    return { ...statement, Sid: sid };
  });
  return { ...policy, Version: policy?.Version ?? '2012-10-17', Statement: [...existing, ...renamed] };
}

/** A policy as the app shows it and sends it: two-space JSON, keys in their written order. */
export function formatPolicy(policy: BucketPolicy): string {
  return JSON.stringify(policy, null, 2);
}

function statementMatches(statement: PolicyStatement, request: PolicyRequest): boolean {
  return (
    principalMatches(statement, request.principal) &&
    listMatches(statement.Action, statement.NotAction, request.action, false) &&
    listMatches(statement.Resource, statement.NotResource, request.resource, true) &&
    conditionsHold(statement.Condition, request.context)
  );
}

function principalMatches(statement: PolicyStatement, principal: PolicyRequest['principal']): boolean {
  if (statement.NotPrincipal !== undefined) return !principalIn(statement.NotPrincipal, principal);
  return statement.Principal !== undefined && principalIn(statement.Principal, principal);
}

function principalIn(value: unknown, principal: PolicyRequest['principal']): boolean {
  if (value === '*') return true;
  if (!isRecord(value)) return false;
  if (asList(value.AWS).includes('*')) return true;
  return asList(value[principal.type]).includes(principal.id);
}

/** Actions are matched case-insensitively, resources case-sensitively; both take `*` and `?` wildcards. */
function listMatches(
  positive: string | readonly string[] | undefined,
  negative: string | readonly string[] | undefined,
  value: string,
  caseSensitive: boolean,
): boolean {
  if (negative !== undefined) return !asList(negative).some((pattern) => wildcardMatch(pattern, value, caseSensitive));
  return positive !== undefined && asList(positive).some((pattern) => wildcardMatch(pattern, value, caseSensitive));
}

/** The condition operators a bucket policy for log delivery uses; an unknown operator never holds. */
function conditionsHold(conditions: PolicyStatement['Condition'], context: Readonly<Record<string, string>>): boolean {
  if (conditions === undefined) return true;
  return Object.entries(conditions).every(([operator, entries]) =>
    Object.entries(entries).every(([key, expected]) => conditionHolds(operator, context[key.toLowerCase()], asList(expected))),
  );
}

function conditionHolds(operator: string, actual: string | undefined, expected: readonly string[]): boolean {
  const ifExists = operator.endsWith('IfExists');
  const name = ifExists ? operator.slice(0, -'IfExists'.length) : operator;
  if (actual === undefined) return ifExists || name.startsWith('StringNot') || name.startsWith('ArnNot');
  switch (name) {
    case 'StringEquals':
    case 'ArnEquals':
      return expected.includes(actual);
    case 'StringEqualsIgnoreCase':
      return expected.some((value) => value.toLowerCase() === actual.toLowerCase());
    case 'StringLike':
    case 'ArnLike':
      return expected.some((pattern) => wildcardMatch(pattern, actual, true));
    case 'StringNotEquals':
    case 'ArnNotEquals':
      return !expected.includes(actual);
    case 'StringNotLike':
    case 'ArnNotLike':
      return !expected.some((pattern) => wildcardMatch(pattern, actual, true));
    default:
      return false;
  }
}

export function wildcardMatch(pattern: string, value: string, caseSensitive: boolean): boolean {
  const source = pattern.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${source}$`, caseSensitive ? 's' : 'si').test(value);
}

function asList(value: unknown): readonly string[] {
  if (typeof value === 'string') return [value];
  if (Array.isArray(value)) return value.filter((item): item is string => typeof item === 'string');
  return [];
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
