/** PutObject, GetObject (with byte ranges), HeadObject and DeleteObject. */
import { createHash } from 'node:crypto';
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { storedContentEncoding } from '../aws-chunked';
import { httpDate, noSuchKey, requireBucket, requireKey, type S3Request, type S3Response } from '../common';
import type { StoredObject } from '../store';

export function putObject(request: S3Request, context: RequestContext): S3Response {
  const bucket = requireBucket(context, request);
  const key = requireKey(request);
  checkContentMd5(request);
  const contentEncoding = storedContentEncoding(request.headers['content-encoding']);
  const stored = bucket.put(
    key,
    {
      body: request.body,
      ...(request.headers['content-type'] === undefined ? {} : { contentType: request.headers['content-type'] }),
      ...(contentEncoding === undefined ? {} : { contentEncoding }),
      metadata: metadataOf(request.headers),
    },
    context.now,
  );
  return { headers: { ETag: stored.etag } };
}

function checkContentMd5(request: S3Request): void {
  const expected = request.headers['content-md5'];
  if (expected === undefined) return;
  const digest = Buffer.from(expected, 'base64');
  if (digest.length !== 16 || digest.toString('base64') !== expected.trim()) {
    throw new ServiceError('InvalidDigest', 'The Content-MD5 you specified was invalid.', 400, { 'Content-MD5': expected });
  }
  if (!createHash('md5').update(request.body).digest().equals(digest)) {
    throw new ServiceError('BadDigest', 'The Content-MD5 you specified did not match what we received.', 400, {
      ExpectedDigest: expected,
      CalculatedDigest: createHash('md5').update(request.body).digest('base64'),
    });
  }
}

export function metadataOf(headers: S3Request['headers']): Record<string, string> {
  const metadata: Record<string, string> = {};
  for (const [name, value] of Object.entries(headers)) {
    if (name.startsWith('x-amz-meta-') && value !== undefined) metadata[name.slice('x-amz-meta-'.length)] = value;
  }
  return metadata;
}

export function getObject(request: S3Request, context: RequestContext): S3Response {
  const object = requireObject(request, context);
  const size = object.body.length;
  const range = parseRange(request.headers.range, size);
  if (range === 'unsatisfiable') {
    throw new ServiceError('InvalidRange', 'The requested range is not satisfiable', 416, {
      RangeRequested: request.headers.range ?? '',
      ActualObjectSize: String(size),
    });
  }
  if (range === undefined) return { headers: objectHeaders(object), body: object.body };
  return {
    status: 206,
    headers: { ...objectHeaders(object), 'Content-Range': `bytes ${range.start}-${range.end}/${size}` },
    body: object.body.subarray(range.start, range.end + 1),
  };
}

export function headObject(request: S3Request, context: RequestContext): S3Response {
  const object = requireObject(request, context);
  return { headers: { ...objectHeaders(object), 'Content-Length': String(object.body.length) } };
}

export function deleteObject(request: S3Request, context: RequestContext): S3Response {
  requireBucket(context, request).delete(requireKey(request));
  return { status: 204 };
}

function requireObject(request: S3Request, context: RequestContext): StoredObject {
  const key = requireKey(request);
  const object = requireBucket(context, request).object(key);
  if (object === undefined) throw noSuchKey(key);
  return object;
}

function objectHeaders(object: StoredObject): Record<string, string> {
  const headers: Record<string, string> = {
    ETag: object.etag,
    'Last-Modified': httpDate(object.lastModified),
    'Content-Type': object.contentType,
    'Accept-Ranges': 'bytes',
  };
  if (object.contentEncoding !== undefined) headers['Content-Encoding'] = object.contentEncoding;
  for (const [name, value] of Object.entries(object.metadata)) headers[`x-amz-meta-${name}`] = value;
  return headers;
}

/**
 * A single `bytes=` range (RFC 9110): `a-b`, `a-`, or the last `n` bytes `-n`. A header S3 does not
 * understand (several ranges, other units, nonsense) is ignored and the whole object returned.
 */
export function parseRange(header: string | undefined, size: number): { start: number; end: number } | 'unsatisfiable' | undefined {
  if (header === undefined) return undefined;
  const match = /^bytes=(\d*)-(\d*)$/.exec(header.trim());
  if (match === null) return undefined;
  const [, first = '', last = ''] = match;
  if (first === '' && last === '') return undefined;
  if (first === '') {
    const suffix = Number(last);
    if (suffix === 0) return 'unsatisfiable';
    return { start: Math.max(0, size - suffix), end: size - 1 };
  }
  const start = Number(first);
  const end = last === '' ? size - 1 : Math.min(Number(last), size - 1);
  if (last !== '' && Number(last) < start) return undefined;
  if (start >= size) return 'unsatisfiable';
  return { start, end };
}
