/**
 * Reads an HTTP request into an S3 operation and its input: the bucket and key (path-style or
 * virtual-hosted), the subresource in the query (`?policy`, `?location`, `?list-type=2`), and the body
 * as uploaded. Requests for what the sandbox does not implement name no operation (`NotImplemented`).
 */
import type { IncomingRequest } from '../../core/context';
import { ServiceError } from '../../core/errors';
import { addressOf } from './addressing';
import { decodeAwsChunked, isAwsChunked } from './aws-chunked';
import type { S3Request } from './common';

/** Query parameters that name a subresource (another API on the same path). */
const SUBRESOURCES = [
  'accelerate', 'acl', 'analytics', 'attributes', 'cors', 'delete', 'encryption', 'intelligent-tiering', 'inventory', 'legal-hold',
  'lifecycle', 'list-type', 'location', 'logging', 'metrics', 'notification', 'object-lock', 'ownershipControls', 'partNumber', 'policy',
  'policyStatus', 'publicAccessBlock', 'replication', 'requestPayment', 'restore', 'retention', 'select', 'tagging', 'torrent', 'uploadId',
  'uploads', 'versioning', 'versions', 'website',
];

export interface S3Read {
  readonly operation: string;
  readonly input: S3Request;
  readonly inputError?: ServiceError;
}

export function readS3Request(request: IncomingRequest, url: URL): S3Read {
  const address = addressOf(request.headers.host, url.pathname);
  const raw = Buffer.from(request.bytes ?? Buffer.from(request.body, 'utf8'));
  const chunked = isAwsChunked(request.headers);
  const body = chunked ? decodeAwsChunked(raw) : raw;
  const input: S3Request = {
    method: request.method,
    ...(address.bucket === undefined ? {} : { bucket: address.bucket }),
    ...(address.key === undefined ? {} : { key: address.key }),
    query: url.searchParams,
    headers: request.headers,
    body: body ?? Buffer.alloc(0),
  };
  const operation = operationOf(request, input);
  if (body === undefined) {
    return { operation, input, inputError: new ServiceError('IncompleteBody', 'The request body terminated unexpectedly') };
  }
  return { operation, input };
}

function operationOf(request: IncomingRequest, input: S3Request): string {
  const subresources = SUBRESOURCES.filter((name) => input.query.has(name));
  const only = (name?: string): boolean => (name === undefined ? subresources.length === 0 : subresources.length === 1 && subresources[0] === name);
  const method = request.method.toUpperCase();
  if (input.bucket === undefined) return method === 'GET' && only() ? 'ListBuckets' : '';
  if (input.key === undefined) {
    switch (method) {
      case 'PUT':
        return only('policy') ? 'PutBucketPolicy' : only() ? 'CreateBucket' : '';
      case 'HEAD':
        return only() ? 'HeadBucket' : '';
      case 'GET':
        if (only('location')) return 'GetBucketLocation';
        if (only('policy')) return 'GetBucketPolicy';
        return only('list-type') && input.query.get('list-type') === '2' ? 'ListObjectsV2' : '';
      case 'DELETE':
        return only('policy') ? 'DeleteBucketPolicy' : only() ? 'DeleteBucket' : '';
      default:
        return '';
    }
  }
  const upload = subresources.length === 1 && subresources[0] === 'uploadId';
  if (method === 'POST') return only('uploads') ? 'CreateMultipartUpload' : upload ? 'CompleteMultipartUpload' : '';
  if (method === 'PUT' && subresources.length === 2 && input.query.has('partNumber') && input.query.has('uploadId')) {
    return request.headers['x-amz-copy-source'] === undefined ? 'UploadPart' : '';
  }
  if (method === 'DELETE' && upload) return 'AbortMultipartUpload';
  if (!only()) return '';
  switch (method) {
    case 'PUT':
      return request.headers['x-amz-copy-source'] === undefined ? 'PutObject' : '';
    case 'GET':
      return 'GetObject';
    case 'HEAD':
      return 'HeadObject';
    case 'DELETE':
      return 'DeleteObject';
    default:
      return '';
  }
}
