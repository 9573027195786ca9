/** Amazon S3 (REST-XML): buckets, their policies, objects and multipart uploads; one module per group of operations. */
import { partitionOf } from '../../core/partition';
import { ServiceError } from '../../core/errors';
import { type Operation, type ServiceDefinition, reads, writes, writesData } from '../service';
import { s3RequestParameters, s3Resources } from './audit';
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
    AbortMultipartUpload: writesData(abortMultipartUpload),
    CompleteMultipartUpload: writesData(completeMultipartUpload),
    CreateBucket: writes(createBucket),
    CreateMultipartUpload: writesData(createMultipartUpload),
    DeleteBucket: writes(deleteBucket),
    DeleteBucketPolicy: writes(deleteBucketPolicy),
    DeleteObject: writesData(deleteObject),
    GetBucketLocation: reads(getBucketLocation),
    GetBucketPolicy: reads(getBucketPolicy),
    GetObject: reads(getObject),
    HeadBucket: reads(headBucket),
    HeadObject: reads(headObject),
    ListBuckets: reads(listBuckets),
    ListObjectsV2: reads(listObjectsV2),
    PutBucketPolicy: writes(putBucketPolicy),
    PutObject: writesData(putObject),
    UploadPart: writesData(uploadPart),
  },
  cloudTrail: {
    requestParameters: s3RequestParameters,
    responseElements: () => null,
    resources: (_operation, input, scope) => s3Resources(input, partitionOf(scope.region)),
  },
  throttlingError: () => new ServiceError('SlowDown', 'Please reduce your request rate.', 503),
  resourceArn: (_operation, input, scope) => {
    if (input.bucket === undefined) return '*';
    return `arn:${partitionOf(scope.region)}:s3:::${input.bucket}${input.key === undefined ? '' : `/${input.key}`}`;
  },
};
