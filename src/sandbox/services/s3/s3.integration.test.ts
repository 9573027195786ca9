/**
 * The sandbox's S3 through the real AWS SDK v3 client, as the app uses it: path-style and virtual-hosted
 * addressing, bucket regions and the SDK's region redirects, policies, listings with their paging, ranged
 * reads, and S3's errors as the SDK reports them.
 */
import type { BucketLocationConstraint, S3ServiceException } from '@aws-sdk/client-s3';
import {
  AbortMultipartUploadCommand,
  CompleteMultipartUploadCommand,
  CreateBucketCommand,
  CreateMultipartUploadCommand,
  UploadPartCommand,
  DeleteObjectCommand,
  GetBucketLocationCommand,
  GetBucketPolicyCommand,
  GetObjectCommand,
  HeadBucketCommand,
  HeadObjectCommand,
  ListBucketsCommand,
  paginateListObjectsV2,
  PutBucketPolicyCommand,
  PutObjectCommand,
  S3Client,
  ListObjectsV2Command
} from '@aws-sdk/client-s3';
import { createHash } from 'node:crypto';
import { request as httpRequest } from 'node:http';
import { Readable } from 'node:stream';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSandbox, type Sandbox } from '../../index';
import { rejectionOf } from '../../test-support';

const credentials = { accessKeyId: 'AKIDSANDBOX', secretAccessKey: 'sandbox-secret' };
let sandbox: Sandbox;

function s3(region = 'us-east-1', options: { forcePathStyle?: boolean; endpoint?: string; followRegionRedirects?: boolean } = {}): S3Client {
  return new S3Client({ endpoint: sandbox.endpoint, region, credentials, forcePathStyle: true, maxAttempts: 1, ...options });
}

beforeAll(async () => {
  sandbox = await startSandbox();
});
afterAll(async () => {
  await sandbox.close();
});

/** A GET with its own Host header (fetch does not allow setting one). */
function fetchWithHost(url: string, host: string, authorization: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const request = httpRequest(url, { headers: { host, authorization } }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () => resolve({ status: response.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
    });
    request.on('error', reject);
    request.end();
  });
}

async function failure(call: Promise<unknown>): Promise<S3ServiceException> {
  return rejectionOf<S3ServiceException>(call);
}

describe('S3 buckets', () => {
  it('creates buckets by AWS’s location rules and lists them with their regions', async () => {
    const east = s3('us-east-1');
    await east.send(new CreateBucketCommand({ Bucket: 'alpha-exports' }));
    // us-east-1 creates anywhere; other endpoints only in their own region.
    await east.send(new CreateBucketCommand({ Bucket: 'beta-exports', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } }));
    const west = s3('eu-west-2');
    const elsewhere = await failure(west.send(new CreateBucketCommand({ Bucket: 'gamma-exports', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })));
    expect([elsewhere.name, elsewhere.message]).toEqual([
      'IllegalLocationConstraintException',
      'The eu-west-1 location constraint is incompatible for the region specific endpoint this request was sent to.',
    ]);
    // The SDK names the client's region as the constraint by itself.
    await west.send(new CreateBucketCommand({ Bucket: 'gamma-exports' }));
    // The SDK's type leaves us-east-1 out because S3 refuses it as a constraint, which is what this checks.
    const usEast1 = 'us-east-1' as BucketLocationConstraint;
    const invalid = await failure(east.send(new CreateBucketCommand({ Bucket: 'delta', CreateBucketConfiguration: { LocationConstraint: usEast1 } })));
    expect(invalid.name).toBe('InvalidLocationConstraint');

    const listed = await west.send(new ListBucketsCommand({}));
    expect(listed.Buckets?.map((bucket) => [bucket.Name, bucket.BucketRegion])).toEqual([
      ['alpha-exports', 'us-east-1'],
      ['beta-exports', 'eu-west-1'],
      ['gamma-exports', 'eu-west-2'],
    ]);
    expect(listed.Owner?.ID).toMatch(/^[0-9a-f]{64}$/);
    const page = await east.send(new ListBucketsCommand({ MaxBuckets: 2 }));
    expect(page.Buckets?.map((bucket) => bucket.Name)).toEqual(['alpha-exports', 'beta-exports']);
    const rest = await east.send(new ListBucketsCommand({ MaxBuckets: 2, ContinuationToken: page.ContinuationToken }));
    expect(rest.Buckets?.map((bucket) => bucket.Name)).toEqual(['gamma-exports']);
    expect(rest.ContinuationToken).toBeUndefined();
  });

  it('refuses names that are taken or not valid, and answers a repeated create as AWS does', async () => {
    const east = s3('us-east-1');
    await east.send(new CreateBucketCommand({ Bucket: 'alpha-exports' }));
    const mine = await failure(s3('eu-west-1').send(new CreateBucketCommand({ Bucket: 'beta-exports', CreateBucketConfiguration: { LocationConstraint: 'eu-west-1' } })));
    expect([mine.name, mine.$metadata.httpStatusCode, mine.message]).toEqual([
      'BucketAlreadyOwnedByYou',
      409,
      'Your previous request to create the named bucket succeeded and you already own it.',
    ]);
    expect((await failure(east.send(new CreateBucketCommand({ Bucket: 'test' })))).name).toBe('BucketAlreadyExists');
    for (const name of ['Upper-Case', 'ab', 'a..b', '192.168.1.1', 'xn--bucket', '-dash']) {
      expect((await failure(east.send(new CreateBucketCommand({ Bucket: name })))).name).toBe('InvalidBucketName');
    }
  });

  it('tells where a bucket is: HeadBucket, GetBucketLocation from anywhere, and redirects the SDK follows', async () => {
    const east = s3('us-east-1');
    expect((await east.send(new HeadBucketCommand({ Bucket: 'alpha-exports' }))).BucketRegion).toBe('us-east-1');
    expect((await east.send(new GetBucketLocationCommand({ Bucket: 'alpha-exports' }))).LocationConstraint).toBeUndefined();
    expect((await east.send(new GetBucketLocationCommand({ Bucket: 'beta-exports' }))).LocationConstraint).toBe('eu-west-1');
    const wrong = await failure(east.send(new ListObjectsV2Command({ Bucket: 'beta-exports' })));
    expect([wrong.name, wrong.$metadata.httpStatusCode, wrong.$response?.headers['x-amz-bucket-region']]).toEqual(['PermanentRedirect', 301, 'eu-west-1']);
    const following = s3('us-east-1', { followRegionRedirects: true });
    expect((await following.send(new ListObjectsV2Command({ Bucket: 'beta-exports' }))).KeyCount).toBe(0);
    expect((await failure(east.send(new HeadBucketCommand({ Bucket: 'no-such-bucket-here' })))).$metadata.httpStatusCode).toBe(404);
    const missing = await failure(east.send(new ListObjectsV2Command({ Bucket: 'no-such-bucket-here' })));
    expect([missing.name, missing.message]).toEqual(['NoSuchBucket', 'The specified bucket does not exist']);
  });

  it('keeps a bucket policy as given, refuses malformed ones, and says when there is none', async () => {
    const east = s3('us-east-1');
    const none = await failure(east.send(new GetBucketPolicyCommand({ Bucket: 'alpha-exports' })));
    expect([none.name, none.$metadata.httpStatusCode]).toEqual(['NoSuchBucketPolicy', 404]);
    const policy = JSON.stringify({
      Version: '2012-10-17',
      Statement: [{ Effect: 'Allow', Principal: { Service: 'logs.us-east-1.amazonaws.com' }, Action: 's3:GetBucketAcl', Resource: 'arn:aws:s3:::alpha-exports' }],
    });
    await east.send(new PutBucketPolicyCommand({ Bucket: 'alpha-exports', Policy: policy }));
    expect((await east.send(new GetBucketPolicyCommand({ Bucket: 'alpha-exports' }))).Policy).toBe(policy);
    for (const [bad, message] of [
      ['not json', "Policies must be valid JSON and the first byte must be '{'"],
      ['{"Statement": [{"Effect": "Allow", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::alpha-exports/*"}]}', 'Missing required field Principal'],
      ['{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "s3:GetObject", "Resource": "arn:aws:s3:::other/*"}]}', 'Policy has invalid resource'],
      ['{"Statement": [{"Effect": "Allow", "Principal": "*", "Action": "ec2:RunInstances", "Resource": "arn:aws:s3:::alpha-exports"}]}', 'Policy has invalid action'],
    ] as const) {
      const error = await failure(east.send(new PutBucketPolicyCommand({ Bucket: 'alpha-exports', Policy: bad })));
      expect([error.name, error.message]).toEqual(['MalformedPolicy', message]);
    }
  });
});

describe('S3 objects', () => {
  it('stores objects with an MD5 ETag, reads them whole and by range, and deletes them', async () => {
    const east = s3('us-east-1');
    const body = Buffer.from('0123456789abcdefghij');
    const put = await east.send(new PutObjectCommand({ Bucket: 'alpha-exports', Key: 'dir/a file.txt', Body: body, ContentType: 'text/plain' }));
    expect(put.ETag).toBe(`"${createHash('md5').update(body).digest('hex')}"`);
    const whole = await east.send(new GetObjectCommand({ Bucket: 'alpha-exports', Key: 'dir/a file.txt' }));
    expect([await whole.Body?.transformToString(), whole.ContentType, whole.ContentLength]).toEqual([body.toString(), 'text/plain', 20]);
    const part = await east.send(new GetObjectCommand({ Bucket: 'alpha-exports', Key: 'dir/a file.txt', Range: 'bytes=5-9' }));
    expect([part.$metadata.httpStatusCode, part.ContentRange, await part.Body?.transformToString()]).toEqual([206, 'bytes 5-9/20', '56789']);
    const tail = await east.send(new GetObjectCommand({ Bucket: 'alpha-exports', Key: 'dir/a file.txt', Range: 'bytes=-3' }));
    expect(await tail.Body?.transformToString()).toBe('hij');
    const beyond = await failure(east.send(new GetObjectCommand({ Bucket: 'alpha-exports', Key: 'dir/a file.txt', Range: 'bytes=20-' })));
    expect([beyond.name, beyond.$metadata.httpStatusCode]).toEqual(['InvalidRange', 416]);
    const head = await east.send(new HeadObjectCommand({ Bucket: 'alpha-exports', Key: 'dir/a file.txt' }));
    expect([head.ContentLength, head.ETag]).toEqual([20, put.ETag]);

    const binary = Buffer.from(Array.from({ length: 256 }, (_, index) => index));
    await east.send(new PutObjectCommand({ Bucket: 'alpha-exports', Key: 'bytes.bin', Body: binary }));
    const read = await east.send(new GetObjectCommand({ Bucket: 'alpha-exports', Key: 'bytes.bin' }));
    expect(Buffer.from((await read.Body?.transformToByteArray()) ?? [])).toEqual(binary);
    // A stream of unknown length goes up aws-chunked, with a trailing checksum.
    await east.send(new PutObjectCommand({ Bucket: 'alpha-exports', Key: 'streamed.bin', Body: Readable.from([binary]), ContentLength: binary.length }));
    const streamed = await east.send(new GetObjectCommand({ Bucket: 'alpha-exports', Key: 'streamed.bin' }));
    expect(Buffer.from((await streamed.Body?.transformToByteArray()) ?? [])).toEqual(binary);

    // A gzip-encoded object is kept as uploaded, its encoding as metadata.
    const compressed = gzipSync(Buffer.from('compressed text'));
    await east.send(new PutObjectCommand({ Bucket: 'alpha-exports', Key: 'text.gz', Body: compressed, ContentEncoding: 'gzip' }));
    const kept = await east.send(new GetObjectCommand({ Bucket: 'alpha-exports', Key: 'text.gz' }));
    expect([Buffer.from((await kept.Body?.transformToByteArray()) ?? []).equals(compressed), kept.ContentEncoding]).toEqual([true, 'gzip']);

    await east.send(new DeleteObjectCommand({ Bucket: 'alpha-exports', Key: 'bytes.bin' }));
    await east.send(new DeleteObjectCommand({ Bucket: 'alpha-exports', Key: 'bytes.bin' }));
    const gone = await failure(east.send(new GetObjectCommand({ Bucket: 'alpha-exports', Key: 'bytes.bin' })));
    expect([gone.name, gone.message]).toEqual(['NoSuchKey', 'The specified key does not exist.']);
  });

  it('lists with prefix, delimiter (CommonPrefixes), start-after and pages, as the SDK’s paginator reads them', async () => {
    const east = s3('us-east-1');
    await east.send(new CreateBucketCommand({ Bucket: 'listing-bucket' }));
    const keys = ['a/1', 'a/2', 'b/x/1', 'b/y', 'c', 'd/1', 'd/2', 'e'];
    for (const key of keys) await east.send(new PutObjectCommand({ Bucket: 'listing-bucket', Key: key, Body: key }));
    const top = await east.send(new ListObjectsV2Command({ Bucket: 'listing-bucket', Delimiter: '/' }));
    expect([top.Contents?.map((object) => object.Key), top.CommonPrefixes?.map((common) => common.Prefix), top.KeyCount]).toEqual([
      ['c', 'e'],
      ['a/', 'b/', 'd/'],
      5,
    ]);
    const underB = await east.send(new ListObjectsV2Command({ Bucket: 'listing-bucket', Prefix: 'b/', Delimiter: '/' }));
    expect([underB.Contents?.map((object) => object.Key), underB.CommonPrefixes?.map((common) => common.Prefix)]).toEqual([['b/y'], ['b/x/']]);
    const after = await east.send(new ListObjectsV2Command({ Bucket: 'listing-bucket', StartAfter: 'b/y' }));
    expect(after.Contents?.map((object) => object.Key)).toEqual(['c', 'd/1', 'd/2', 'e']);

    const pages = [];
    for await (const page of paginateListObjectsV2({ client: east, pageSize: 2 }, { Bucket: 'listing-bucket', Delimiter: '/' })) {
      pages.push([...(page.Contents ?? []).map((object) => object.Key), ...(page.CommonPrefixes ?? []).map((common) => common.Prefix)]);
      expect(page.KeyCount).toBe(pages[pages.length - 1]?.length);
    }
    expect(pages.flat().sort()).toEqual(['a/', 'b/', 'c', 'd/', 'e']);
    const flat = [];
    for await (const page of paginateListObjectsV2({ client: east, pageSize: 3 }, { Bucket: 'listing-bucket' })) flat.push(...(page.Contents ?? []).map((object) => object.Key));
    expect(flat).toEqual(keys);
    const badToken = await failure(east.send(new ListObjectsV2Command({ Bucket: 'listing-bucket', ContinuationToken: 'nonsense' })));
    expect(badToken.name).toBe('InvalidArgument');
  });

  it('takes virtual-hosted requests: the bucket named by the Host header (<bucket>.localhost, <bucket>.s3.<region>.amazonaws.com)', async () => {
    // This machine's resolver does not map *.localhost, so the Host header is set by hand.
    await s3('us-east-1').send(new PutObjectCommand({ Bucket: 'listing-bucket', Key: 'virtual/hosted.txt', Body: 'hi' }));
    const authorization = 'AWS4-HMAC-SHA256 Credential=AKIDSANDBOX/20250115/us-east-1/s3/aws4_request, SignedHeaders=host, Signature=00';
    for (const host of [`listing-bucket.localhost:${sandbox.port}`, 'listing-bucket.s3.us-east-1.amazonaws.com']) {
      const response = await fetchWithHost(`${sandbox.endpoint}/virtual/hosted.txt`, host, authorization);
      expect([response.status, response.body]).toEqual([200, 'hi']);
    }
  });

  it('assembles multipart uploads by S3’s rules: ordered parts with their ETags, 5 MiB but the last, an ETag of the parts', async () => {
    const east = s3('us-east-1');
    const first = Buffer.alloc(5 * 1024 * 1024, 'a');
    const last = Buffer.from('the end');
    const { UploadId } = await east.send(new CreateMultipartUploadCommand({ Bucket: 'alpha-exports', Key: 'big/file.bin', ContentType: 'application/x-test' }));
    const one = await east.send(new UploadPartCommand({ Bucket: 'alpha-exports', Key: 'big/file.bin', UploadId, PartNumber: 1, Body: first }));
    const two = await east.send(new UploadPartCommand({ Bucket: 'alpha-exports', Key: 'big/file.bin', UploadId, PartNumber: 2, Body: last }));
    const unordered = await failure(
      east.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'alpha-exports',
          Key: 'big/file.bin',
          UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 2, ETag: two.ETag }, { PartNumber: 1, ETag: one.ETag }] },
        }),
      ),
    );
    expect(unordered.name).toBe('InvalidPartOrder');
    const wrongTag = await failure(
      east.send(new CompleteMultipartUploadCommand({ Bucket: 'alpha-exports', Key: 'big/file.bin', UploadId, MultipartUpload: { Parts: [{ PartNumber: 1, ETag: two.ETag }] } })),
    );
    expect(wrongTag.name).toBe('InvalidPart');
    const done = await east.send(
      new CompleteMultipartUploadCommand({
        Bucket: 'alpha-exports',
        Key: 'big/file.bin',
        UploadId,
        MultipartUpload: { Parts: [{ PartNumber: 1, ETag: one.ETag }, { PartNumber: 2, ETag: two.ETag }] },
      }),
    );
    const partDigests = Buffer.concat([first, last].map((part) => createHash('md5').update(part).digest()));
    expect(done.ETag).toBe(`"${createHash('md5').update(partDigests).digest('hex')}-2"`);
    const read = await east.send(new GetObjectCommand({ Bucket: 'alpha-exports', Key: 'big/file.bin', Range: `bytes=${first.length - 2}-` }));
    expect([await read.Body?.transformToString(), read.ContentType]).toEqual(['aathe end', 'application/x-test']);

    const small = await east.send(new CreateMultipartUploadCommand({ Bucket: 'alpha-exports', Key: 'small' }));
    const tiny = await east.send(new UploadPartCommand({ Bucket: 'alpha-exports', Key: 'small', UploadId: small.UploadId, PartNumber: 1, Body: 'x' }));
    const tiny2 = await east.send(new UploadPartCommand({ Bucket: 'alpha-exports', Key: 'small', UploadId: small.UploadId, PartNumber: 2, Body: 'y' }));
    const tooSmall = await failure(
      east.send(
        new CompleteMultipartUploadCommand({
          Bucket: 'alpha-exports',
          Key: 'small',
          UploadId: small.UploadId,
          MultipartUpload: { Parts: [{ PartNumber: 1, ETag: tiny.ETag }, { PartNumber: 2, ETag: tiny2.ETag }] },
        }),
      ),
    );
    expect(tooSmall.name).toBe('EntityTooSmall');
    await east.send(new AbortMultipartUploadCommand({ Bucket: 'alpha-exports', Key: 'small', UploadId: small.UploadId }));
    const aborted = await failure(east.send(new UploadPartCommand({ Bucket: 'alpha-exports', Key: 'small', UploadId: small.UploadId, PartNumber: 3, Body: 'z' })));
    expect([aborted.name, aborted.$metadata.httpStatusCode]).toEqual(['NoSuchUpload', 404]);
  });
});

describe('S3 in CloudTrail event history', () => {
  it('records bucket writes with the bucket as resource, and leaves object writes (data events) out', async () => {
    const client = s3('eu-central-1');
    await client.send(new CreateBucketCommand({ Bucket: 'audited-exports', CreateBucketConfiguration: { LocationConstraint: 'eu-central-1' } }));
    await client.send(new PutBucketPolicyCommand({ Bucket: 'audited-exports', Policy: JSON.stringify({ Version: '2012-10-17', Statement: [] }) }));
    await client.send(new PutObjectCommand({ Bucket: 'audited-exports', Key: 'a.txt', Body: 'a' }));
    await client.send(new ListBucketsCommand({}));

    const events = sandbox.cloudTrail('eu-central-1').all().filter((event) => event.eventSource === 's3.amazonaws.com');
    expect(events.map((event) => event.eventName)).toEqual(['CreateBucket', 'PutBucketPolicy']);
    expect(events[0]?.resources).toEqual([expect.objectContaining({ type: 'AWS::S3::Bucket', name: 'audited-exports' })]);
    expect(events[1]?.record).toMatchObject({ requestParameters: { bucketName: 'audited-exports', bucketPolicy: { Statement: [] } } });
  });
});
