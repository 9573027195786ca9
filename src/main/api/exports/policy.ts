/**
 * `exports.checkPolicy` and `exports.applyPolicy`: whether a bucket can take exports from the current
 * region, the policy it needs, and adding what is missing on the person's explicit confirmation, merged
 * into the policy it has (every statement kept as it is; see shared/exports/bucket-policy.ts).
 */
import { GetBucketPolicyCommand, PutBucketPolicyCommand, S3Client } from '@aws-sdk/client-s3';
import { GetCallerIdentityCommand, STSClient } from '@aws-sdk/client-sts';
import type { CloudscopeHandlers, PolicyCheck } from '../../../shared/contract';
import { checkExportPolicy, formatPolicy, parsePolicy, PolicyParseError } from '../../../shared/exports/bucket-policy';
import { lineDiff } from '../../../shared/exports/line-diff';
import type { ScopedClient, Session } from '../session';
import { bucketRegion } from './buckets';

export function policyHandlers(session: Session): Pick<CloudscopeHandlers['exports'], 'checkPolicy' | 'applyPolicy'> {
  return {
    async checkPolicy(request, { signal }) {
      return (await inspect(session, request.bucket, request.prefix, signal)).check;
    },

    async applyPolicy(request, { signal }) {
      const inspected = await inspect(session, request.bucket, request.prefix, signal);
      const { check } = inspected;
      // Only what the person saw is applied: a policy that changed since comes back to be confirmed again.
      if (check.status !== 'needs-policy' || check.current !== request.current) return check;
      await inspected.s3.client.send(new PutBucketPolicyCommand({ Bucket: request.bucket, Policy: check.proposed }), {
        abortSignal: inspected.s3.abortSignal,
      });
      return (await inspect(session, request.bucket, request.prefix, signal)).check;
    },
  };
}

async function inspect(session: Session, bucket: string, prefix: string, signal: AbortSignal): Promise<{ check: PolicyCheck; s3: ScopedClient<S3Client> }> {
  const s3 = await session.client(S3Client, signal);
  const region = await s3.client.config.region();
  const check = await checkBucket(session, s3, { bucket, prefix, region }, signal);
  return { check, s3 };
}

async function checkBucket(
  session: Session,
  { client, abortSignal }: ScopedClient<S3Client>,
  { bucket, prefix, region }: { bucket: string; prefix: string; region: string },
  signal: AbortSignal,
): Promise<PolicyCheck> {
  let bucketRegionName: string;
  try {
    bucketRegionName = await bucketRegion(client, bucket, abortSignal);
  } catch (error) {
    if (session.describeFailure(error).awsCode === 'NoSuchBucket') return { status: 'missing', bucket, region };
    throw error;
  }
  if (bucketRegionName !== region) return { status: 'other-region', bucket, region, bucketRegion: bucketRegionName };

  let current: string | null;
  try {
    current = (await client.send(new GetBucketPolicyCommand({ Bucket: bucket }), { abortSignal })).Policy ?? null;
  } catch (error) {
    const described = session.describeFailure(error);
    if (described.awsCode === 'NoSuchBucketPolicy') current = null;
    else if (described.code === 'AccessDenied') return { status: 'unreadable', bucket, region, reason: described.message };
    else throw error;
  }
  let policy;
  try {
    policy = current === null ? undefined : parsePolicy(current);
  } catch (error) {
    if (error instanceof PolicyParseError) return { status: 'unreadable', bucket, region, reason: error.message };
    throw error;
  }
  const accountId = await callerAccount(session, signal);
  const result = checkExportPolicy(policy, { bucket, prefix, region, accountId });
  if (result.ok) return { status: 'ready', bucket, region };
  if (result.kind === 'denied') {
    return { status: 'denied', bucket, region, statement: JSON.stringify(result.statement, null, 2), ...(result.statement.Sid === undefined ? {} : { sid: result.statement.Sid }) };
  }
  const proposed = formatPolicy(result.merged);
  return {
    status: 'needs-policy',
    bucket,
    region,
    current,
    proposed,
    diff: lineDiff(policy === undefined ? '' : formatPolicy(policy), proposed),
    missing: result.missing,
  };
}

async function callerAccount(session: Session, signal: AbortSignal): Promise<string> {
  const { client, abortSignal } = await session.client(STSClient, signal);
  const { Account } = await client.send(new GetCallerIdentityCommand({}), { abortSignal });
  if (Account === undefined) throw new Error('STS GetCallerIdentity answered without an account.');
  return Account;
}
