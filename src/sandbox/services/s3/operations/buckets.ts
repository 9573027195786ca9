/** CreateBucket, HeadBucket, ListBuckets, GetBucketLocation and DeleteBucket. */
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { escapeXml } from '../../../core/xml';
import { encodeCursor, decodeCursor } from '../../logs/tokens';
import { isValidBucketName, NAMES_OWNED_ELSEWHERE } from '../../../../shared/exports/bucket-names';
import { element, invalidArgument, isoTime, requireBucket, s3Store, xmlResponse, type S3Request, type S3Response } from '../common';

/** The region whose endpoint creates buckets anywhere, and where a bucket without a location constraint goes. */
const DEFAULT_REGION = 'us-east-1';
const REGION_NAME = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d$/;

export function createBucket(request: S3Request, context: RequestContext): S3Response {
  const name = request.bucket ?? '';
  if (!isValidBucketName(name)) throw new ServiceError('InvalidBucketName', 'The specified bucket is not valid.', 400, { BucketName: name });
  const constraint = locationConstraintOf(request.body);
  if (constraint === 'us-east-1' || (constraint !== undefined && !REGION_NAME.test(constraint))) {
    throw new ServiceError('InvalidLocationConstraint', 'The specified location-constraint is not valid', 400, { LocationConstraint: constraint });
  }
  // The us-east-1 endpoint creates buckets in any region; every other endpoint only in its own.
  if (context.region !== DEFAULT_REGION && constraint !== context.region) {
    throw new ServiceError(
      'IllegalLocationConstraintException',
      `The ${constraint ?? 'unspecified'} location constraint is incompatible for the region specific endpoint this request was sent to.`,
    );
  }
  const region = constraint ?? DEFAULT_REGION;
  const store = s3Store(context);
  const existing = store.bucket(name);
  if (existing !== undefined) {
    // For legacy compatibility, us-east-1 answers a repeated create of one's own bucket there with success.
    if (existing.region === DEFAULT_REGION && region === DEFAULT_REGION) return { headers: { Location: `/${name}` } };
    throw new ServiceError('BucketAlreadyOwnedByYou', 'Your previous request to create the named bucket succeeded and you already own it.', 409, {
      BucketName: name,
    });
  }
  if (NAMES_OWNED_ELSEWHERE.has(name)) {
    throw new ServiceError(
      'BucketAlreadyExists',
      'The requested bucket name is not available. The bucket namespace is shared by all users of the system. Please select a different name and try again.',
      409,
      { BucketName: name },
    );
  }
  store.create(name, region, context.now);
  return { headers: { Location: region === DEFAULT_REGION ? `/${name}` : `http://${name}.s3.amazonaws.com/` } };
}

/** `<CreateBucketConfiguration><LocationConstraint>eu-west-1</LocationConstraint>…`; undefined when absent or empty. */
function locationConstraintOf(body: Buffer): string | undefined {
  const text = body.toString('utf8').trim();
  if (text === '') return undefined;
  if (!/^(<\?xml[^>]*\?>\s*)?<CreateBucketConfiguration[\s>][\s\S]*<\/CreateBucketConfiguration>$/.test(text)) {
    throw new ServiceError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
  }
  const value = /<LocationConstraint>([^<]*)<\/LocationConstraint>/.exec(text)?.[1]?.trim();
  return value === undefined || value === '' ? undefined : value;
}

export function headBucket(request: S3Request, context: RequestContext): S3Response {
  const bucket = requireBucket(context, request);
  return { headers: { 'x-amz-bucket-region': bucket.region, 'x-amz-access-point-alias': 'false' } };
}

interface BucketCursor {
  readonly after: string;
}

/** Every bucket of the account, whatever region the request was signed for; paged when `max-buckets` is given. */
export function listBuckets(request: S3Request, context: RequestContext): S3Response {
  const store = s3Store(context);
  const prefix = request.query.get('prefix') ?? '';
  const region = request.query.get('bucket-region') ?? undefined;
  const maxText = request.query.get('max-buckets');
  const max = maxText === null ? undefined : Number(maxText);
  if (max !== undefined && (!Number.isInteger(max) || max < 1 || max > 10_000)) {
    throw invalidArgument('Argument max-buckets must be an integer between 1 and 10000', 'max-buckets', maxText ?? '');
  }
  const token = request.query.get('continuation-token');
  const after = token === null ? undefined : readCursor(token).after;
  const matching = store
    .list()
    .filter((bucket) => bucket.name.startsWith(prefix) && (region === undefined || bucket.region === region) && (after === undefined || bucket.name > after));
  const page = max === undefined ? matching : matching.slice(0, max);
  const last = page[page.length - 1];
  const more = page.length < matching.length && last !== undefined;
  const buckets = page
    .map(
      (bucket) =>
        `<Bucket>${element('Name', bucket.name)}${element('CreationDate', isoTime(bucket.creationDate))}${element('BucketRegion', bucket.region)}</Bucket>`,
    )
    .join('');
  return xmlResponse(
    'ListAllMyBucketsResult',
    `<Owner>${element('ID', store.ownerId)}</Owner><Buckets>${buckets}</Buckets>` +
      (more ? element('ContinuationToken', encodeCursor({ after: last.name } satisfies BucketCursor)) : '') +
      (prefix === '' ? '' : element('Prefix', prefix)),
  );
}

function readCursor(token: string): BucketCursor {
  try {
    return decodeCursor(token, (value): value is BucketCursor => typeof (value as BucketCursor | null)?.after === 'string');
  } catch {
    throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
  }
}

/** Answered from any region; us-east-1's buckets have an empty constraint. */
export function getBucketLocation(request: S3Request, context: RequestContext): S3Response {
  const bucket = requireBucket(context, request, { anyRegion: true });
  const constraint = bucket.region === DEFAULT_REGION ? '' : bucket.region;
  return xmlResponse('LocationConstraint', escapeXml(constraint));
}

export function deleteBucket(request: S3Request, context: RequestContext): S3Response {
  const bucket = requireBucket(context, request);
  if (bucket.objectCount > 0) {
    throw new ServiceError('BucketNotEmpty', 'The bucket you tried to delete is not empty', 409, { BucketName: bucket.name });
  }
  s3Store(context).delete(bucket.name);
  return { status: 204 };
}
