/**
 * How CloudTrail records S3 calls: `requestParameters` as S3's events carry them (the bucket, the Host
 * header, the key; CreateBucket's configuration and PutBucketPolicy's policy parsed), and the resources a
 * call acts on. The input the codec reads (bytes, query parameters) is not what CloudTrail logs.
 */
import { S3_NAMESPACE, type S3Request } from './common';

export function s3RequestParameters(operation: string, input: S3Request): Readonly<Record<string, unknown>> {
  const parameters: Record<string, unknown> = {
    ...(input.bucket === undefined ? {} : { bucketName: input.bucket }),
    Host: input.headers.host ?? '',
    ...(input.key === undefined ? {} : { key: input.key }),
  };
  if (operation === 'CreateBucket') {
    const constraint = /<LocationConstraint>([^<]*)<\/LocationConstraint>/.exec(input.body.toString('utf8'))?.[1];
    if (constraint !== undefined) parameters.CreateBucketConfiguration = { LocationConstraint: constraint, xmlns: S3_NAMESPACE };
  }
  if (operation === 'PutBucketPolicy' || operation === 'DeleteBucketPolicy' || operation === 'GetBucketPolicy') {
    parameters.policy = '';
    if (operation === 'PutBucketPolicy') parameters.bucketPolicy = parsedOrText(input.body.toString('utf8'));
  }
  return parameters;
}

export function s3Resources(input: S3Request, partition: string): readonly { readonly type: string; readonly name: string; readonly arn: string }[] {
  if (input.bucket === undefined) return [];
  const bucket = { type: 'AWS::S3::Bucket', name: input.bucket, arn: `arn:${partition}:s3:::${input.bucket}` };
  if (input.key === undefined) return [bucket];
  return [bucket, { type: 'AWS::S3::Object', name: `${input.bucket}/${input.key}`, arn: `arn:${partition}:s3:::${input.bucket}/${input.key}` }];
}

function parsedOrText(text: string): unknown {
  try {
    return JSON.parse(text) as unknown;
  } catch {
    return text;
  }
}
