/** `exports.listBuckets` and `exports.createBucket`: the account's buckets with their regions. */
import { CreateBucketCommand, GetBucketLocationCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3';
import type { BucketSummary, CloudscopeHandlers } from '../../../shared/contract';
import { apiError } from '../../../shared/errors';
import type { Session } from '../session';

/** GetBucketLocation calls at a time for endpoints whose ListBuckets does not name regions. */
const LOCATION_LOOKUPS = 8;

export function bucketHandlers(session: Session): Pick<CloudscopeHandlers['exports'], 'listBuckets' | 'createBucket'> {
  return {
    async listBuckets(_request, { signal }) {
      const { client, abortSignal } = await session.client(S3Client, signal);
      const { Buckets = [] } = await client.send(new ListBucketsCommand({}), { abortSignal });
      const buckets: BucketSummary[] = Buckets.filter((bucket) => bucket.Name !== undefined).map((bucket) => ({
        name: bucket.Name as string,
        region: bucket.BucketRegion ?? null,
        ...(bucket.CreationDate === undefined ? {} : { creationDate: bucket.CreationDate.getTime() }),
      }));
      // Older endpoints (and LocalStack) leave BucketRegion out: ask each bucket.
      for (let start = 0; start < buckets.length; start += LOCATION_LOOKUPS) {
        await Promise.all(
          buckets.slice(start, start + LOCATION_LOOKUPS).map(async (bucket, offset) => {
            if (bucket.region !== null) return;
            const region = await bucketRegion(client, bucket.name, abortSignal).catch(() => null);
            buckets[start + offset] = { ...bucket, region };
          }),
        );
      }
      return { buckets };
    },

    async createBucket(request, { signal }) {
      const { client, abortSignal } = await session.client(S3Client, signal);
      const region = await client.config.region();
      try {
        // The SDK names the client's region as the location constraint (none in us-east-1).
        await client.send(new CreateBucketCommand({ Bucket: request.name }), { abortSignal });
      } catch (error) {
        throw bucketCreationError(error, request.name, session);
      }
      return { name: request.name, region, creationDate: Date.now() };
    },
  };
}

/** A bucket's region from GetBucketLocation, which answers from any region (us-east-1 reads as empty). */
export async function bucketRegion(client: S3Client, bucket: string, abortSignal: AbortSignal): Promise<string> {
  const { LocationConstraint } = await client.send(new GetBucketLocationCommand({ Bucket: bucket }), { abortSignal });
  if (LocationConstraint === undefined || (LocationConstraint as string) === '') return 'us-east-1';
  // The oldest buckets of eu-west-1 say EU.
  return LocationConstraint === 'EU' ? 'eu-west-1' : LocationConstraint;
}

function bucketCreationError(error: unknown, name: string, session: Session) {
  const described = session.describeFailure(error);
  switch (described.awsCode) {
    case 'BucketAlreadyOwnedByYou':
      return apiError('AlreadyExists', `You already have a bucket named ${name}. Pick it in the list.`, { awsCode: described.awsCode });
    case 'BucketAlreadyExists':
      return apiError('AlreadyExists', `The name ${name} is taken by another AWS account (bucket names are shared by everyone). Pick another name.`, {
        awsCode: described.awsCode,
      });
    case 'InvalidBucketName':
      return apiError('InvalidInput', `${name} is not a valid bucket name: use 3 to 63 lower-case letters, digits, dots and hyphens.`, {
        awsCode: described.awsCode,
      });
    default:
      return described;
  }
}
