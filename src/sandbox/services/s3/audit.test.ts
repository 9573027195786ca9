import { describe, expect, it } from 'vitest';
import { s3RequestParameters, s3Resources } from './audit';
import type { S3Request } from './common';

function request(bucket: string | undefined, key: string | undefined, body = ''): S3Request {
  return {
    method: 'PUT',
    ...(bucket === undefined ? {} : { bucket }),
    ...(key === undefined ? {} : { key }),
    query: new URLSearchParams(),
    headers: { host: 's3.ca-central-1.amazonaws.com' },
    body: Buffer.from(body),
  };
}

describe('S3 in CloudTrail', () => {
  it('logs the bucket, the host and the key, with CreateBucket’s configuration and the policy parsed', () => {
    const config = '<CreateBucketConfiguration><LocationConstraint>ca-central-1</LocationConstraint></CreateBucketConfiguration>';
    expect(s3RequestParameters('CreateBucket', request('logs-archive', undefined, config))).toEqual({
      bucketName: 'logs-archive',
      Host: 's3.ca-central-1.amazonaws.com',
      CreateBucketConfiguration: { LocationConstraint: 'ca-central-1', xmlns: 'http://s3.amazonaws.com/doc/2006-03-01/' },
    });
    expect(s3RequestParameters('PutBucketPolicy', request('b', undefined, '{"Statement":[]}'))).toMatchObject({ policy: '', bucketPolicy: { Statement: [] } });
    expect(s3RequestParameters('DeleteObject', request('b', 'a/k'))).toEqual({ bucketName: 'b', Host: 's3.ca-central-1.amazonaws.com', key: 'a/k' });
    expect(s3Resources(request('b', 'a/k'), 'aws')).toEqual([
      { type: 'AWS::S3::Bucket', name: 'b', arn: 'arn:aws:s3:::b' },
      { type: 'AWS::S3::Object', name: 'b/a/k', arn: 'arn:aws:s3:::b/a/k' },
    ]);
  });
});
