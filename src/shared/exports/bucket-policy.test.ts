import { describe, expect, it } from 'vitest';
import { checkExportPolicy, evaluate, exportRequests, mergeStatements, parsePolicy, requiredStatements, type BucketPolicy } from './bucket-policy';

const target = { bucket: 'exports', prefix: 'exportedlogs', region: 'ca-central-1', accountId: '123456789012' };

describe('the export bucket policy', () => {
  it('is the policy AWS’s guide gives: GetBucketAcl on the bucket, PutObject under the prefix with the owner’s ACL, for the account’s log groups', () => {
    expect(requiredStatements(target)).toEqual([
      {
        Sid: 'CloudWatchLogsExportAclCheck',
        Effect: 'Allow',
        Principal: { Service: 'logs.ca-central-1.amazonaws.com' },
        Action: 's3:GetBucketAcl',
        Resource: 'arn:aws:s3:::exports',
        Condition: {
          StringEquals: { 'aws:SourceAccount': ['123456789012'] },
          ArnLike: { 'aws:SourceArn': ['arn:aws:logs:ca-central-1:123456789012:log-group:*'] },
        },
      },
      {
        Sid: 'CloudWatchLogsExportWrite',
        Effect: 'Allow',
        Principal: { Service: 'logs.ca-central-1.amazonaws.com' },
        Action: 's3:PutObject',
        Resource: 'arn:aws:s3:::exports/exportedlogs/*',
        Condition: {
          StringEquals: { 's3:x-amz-acl': 'bucket-owner-full-control', 'aws:SourceAccount': ['123456789012'] },
          ArnLike: { 'aws:SourceArn': ['arn:aws:logs:ca-central-1:123456789012:log-group:*'] },
        },
      },
    ]);
    expect(checkExportPolicy({ Statement: requiredStatements(target) }, target)).toEqual({ ok: true });
  });

  it('accepts the older policy without source conditions, and wildcards in actions and resources', () => {
    const older: BucketPolicy = {
      Statement: [
        { Effect: 'Allow', Principal: { Service: ['logs.ca-central-1.amazonaws.com'] }, Action: ['s3:Get*'], Resource: 'arn:aws:s3:::exports' },
        { Effect: 'Allow', Principal: { Service: 'logs.ca-central-1.amazonaws.com' }, Action: 's3:putobject', Resource: 'arn:aws:s3:::exports/*' },
      ],
    };
    expect(checkExportPolicy(older, target)).toEqual({ ok: true });
  });

  it('does not count statements for another region’s principal, another prefix, another account or without the owner’s ACL', () => {
    const wrong = (statement: object): BucketPolicy => ({ Statement: [requiredStatements(target)[0]!, statement as never] });
    const write = requiredStatements(target)[1]!;
    for (const statement of [
      { ...write, Principal: { Service: 'logs.us-east-1.amazonaws.com' } },
      { ...write, Resource: 'arn:aws:s3:::exports/other/*' },
      { ...write, Condition: { StringEquals: { 'aws:SourceAccount': '999999999999' } } },
      { ...write, Condition: { StringEquals: { 's3:x-amz-acl': 'private' } } },
    ]) {
      expect(checkExportPolicy(wrong(statement), target)).toMatchObject({ ok: false, kind: 'missing', missing: ['write'] });
    }
  });

  it('reports a Deny that blocks the export: merging cannot fix it', () => {
    const deny = { Sid: 'NoLogs', Effect: 'Deny', Principal: '*', Action: 's3:PutObject', Resource: 'arn:aws:s3:::exports/*' };
    const policy: BucketPolicy = { Statement: [...requiredStatements(target), deny] };
    expect(checkExportPolicy(policy, target)).toEqual({ ok: false, kind: 'denied', statement: deny, index: 2 });
    const { write } = exportRequests(target);
    expect(evaluate(policy, write)).toMatchObject({ effect: 'deny' });
    expect(evaluate(undefined, write)).toEqual({ effect: 'implicit-deny' });
  });

  it('merges what is missing after every existing statement, which stay exactly as they were', () => {
    const existing: BucketPolicy = {
      Version: '2012-10-17',
      Id: 'Keep',
      Statement: [
        { Sid: 'CloudWatchLogsExportWrite', Effect: 'Allow', Principal: { AWS: 'arn:aws:iam::123456789012:root' }, Action: 's3:GetObject', Resource: 'arn:aws:s3:::exports/*' },
        requiredStatements(target)[0]!,
      ],
    };
    const check = checkExportPolicy(existing, target);
    if (check.ok || check.kind !== 'missing') throw new Error('expected a missing statement');
    expect(check.missing).toEqual(['write']);
    expect(check.merged.Id).toBe('Keep');
    expect(check.merged.Statement.slice(0, 2)).toEqual(existing.Statement);
    expect(check.merged.Statement[2]).toEqual({ ...requiredStatements(target)[1], Sid: 'CloudWatchLogsExportWrite2' });
    expect(checkExportPolicy(check.merged, target)).toEqual({ ok: true });
    expect(mergeStatements(undefined, requiredStatements(target))).toEqual({ Version: '2012-10-17', Statement: requiredStatements(target) });
  });

  it('reads policies, refusing what is not one', () => {
    expect(parsePolicy('{"Statement": {"Effect": "Allow"}}').Statement).toEqual([{ Effect: 'Allow' }]);
    expect(() => parsePolicy('{')).toThrow(/not valid JSON/);
    expect(() => parsePolicy('{}')).toThrow('Missing required field Statement');
    expect(() => parsePolicy('{"Statement": [{"Effect": "Maybe"}]}')).toThrow('Invalid effect: Maybe');
  });
});
