/** GetBucketPolicy, PutBucketPolicy, DeleteBucketPolicy: the policy is kept as the JSON text it was given. */
import { parsePolicy, PolicyParseError } from '../../../../shared/exports/bucket-policy';
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { requireBucket, type S3Request, type S3Response } from '../common';

/** AWS's limit on a bucket policy's size. */
const MAX_POLICY_BYTES = 20 * 1024;

export function getBucketPolicy(request: S3Request, context: RequestContext): S3Response {
  const bucket = requireBucket(context, request);
  if (bucket.policy === undefined) {
    throw new ServiceError('NoSuchBucketPolicy', 'The bucket policy does not exist', 404, { BucketName: bucket.name });
  }
  return { headers: { 'Content-Type': 'application/json' }, body: bucket.policy };
}

export function putBucketPolicy(request: S3Request, context: RequestContext): S3Response {
  const bucket = requireBucket(context, request);
  const text = request.body.toString('utf8');
  bucket.policy = validPolicy(text, bucket.name);
  return { status: 204 };
}

export function deleteBucketPolicy(request: S3Request, context: RequestContext): S3Response {
  requireBucket(context, request).policy = undefined;
  return { status: 204 };
}

/** The policy text if S3 would accept it; otherwise `MalformedPolicy` with S3's reason. */
function validPolicy(text: string, bucket: string): string {
  if (Buffer.byteLength(text, 'utf8') > MAX_POLICY_BYTES) throw malformed('Policies must be less than 20 KB');
  if (!text.trimStart().startsWith('{')) throw malformed("Policies must be valid JSON and the first byte must be '{'");
  let policy;
  try {
    policy = parsePolicy(text);
  } catch (error) {
    if (error instanceof PolicyParseError) throw malformed(error.message.startsWith('The policy is not valid JSON') ? 'This policy contains invalid Json' : error.message);
    throw error;
  }
  for (const statement of policy.Statement) {
    if (statement.Principal === undefined && statement.NotPrincipal === undefined) throw malformed('Missing required field Principal');
    if (statement.Action === undefined && statement.NotAction === undefined) throw malformed('Missing required field Action');
    if (statement.Resource === undefined && statement.NotResource === undefined) throw malformed('Missing required field Resource');
    const actions = [statement.Action ?? statement.NotAction ?? []].flat();
    if (actions.some((action) => typeof action !== 'string' || !(action === '*' || /^s3:[A-Za-z*?]+$/i.test(action)))) {
      throw malformed('Policy has invalid action');
    }
    const resources = [statement.Resource ?? statement.NotResource ?? []].flat();
    if (resources.some((resource) => typeof resource !== 'string' || !resourceInBucket(resource, bucket))) {
      throw malformed('Policy has invalid resource');
    }
  }
  return text;
}

/** A bucket policy may only name its own bucket and the objects in it. */
function resourceInBucket(resource: string, bucket: string): boolean {
  const match = /^arn:aws[a-z-]*:s3:::([^/]+)(\/.*)?$/.exec(resource);
  if (match === null) return false;
  const name = match[1] as string;
  return name === bucket || (name.includes('*') && new RegExp(`^${name.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*')}$`).test(bucket));
}

function malformed(message: string): ServiceError {
  return new ServiceError('MalformedPolicy', message);
}
