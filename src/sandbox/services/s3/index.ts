/** Amazon S3 (REST-XML): buckets, their policies, objects and multipart uploads; one module per group of operations. */
import { partitionOf } from '../../core/partition';
import { ServiceError } from '../../core/errors';
import type { Operation, ServiceDefinition } from '../service';
import type { S3Request, S3Response } from './common';
import { deleteBucketPolicy, getBucketPolicy, putBucketPolicy } from './operations/bucket-policy';
import { createBucket, deleteBucket, getBucketLocation, headBucket, listBuckets } from './operations/buckets';
import { listObjectsV2 } from './operations/list-objects-v2';
import { abortMultipartUpload, completeMultipartUpload, createMultipartUpload, uploadPart } from './operations/multipart';
import { deleteObject, getObject, headObject, putObject } from './operations/objects';
import { readS3Request } from './routes';

export type S3Operation = Operation<S3Request, S3Response>;

export const s3: ServiceDefinition<S3Operation> = {
  name: 's3',
  signingName: 's3',
  protocols: [{ protocol: 'restXml', read: readS3Request }],
  operations: {
    AbortMultipartUpload: abortMultipartUpload,
    CompleteMultipartUpload: completeMultipartUpload,
    CreateBucket: createBucket,
    CreateMultipartUpload: createMultipartUpload,
    DeleteBucket: deleteBucket,
    DeleteBucketPolicy: deleteBucketPolicy,
    DeleteObject: deleteObject,
    GetBucketLocation: getBucketLocation,
    GetBucketPolicy: getBucketPolicy,
    GetObject: getObject,
    HeadBucket: headBucket,
    HeadObject: headObject,
    ListBuckets: listBuckets,
    ListObjectsV2: listObjectsV2,
    PutBucketPolicy: putBucketPolicy,
    PutObject: putObject,
    UploadPart: uploadPart,
  },
  throttlingError: () => new ServiceError('SlowDown', 'Please reduce your request rate.', 503),
  resourceArn: (_operation, input, scope) => {
    if (input.bucket === undefined) return '*';
    return `arn:${partitionOf(scope.region)}:s3:::${input.bucket}${input.key === undefined ? '' : `/${input.key}`}`;
  },
};
