/**
 * Multipart uploads (what `aws s3 cp` uses above 8 MB): CreateMultipartUpload, UploadPart,
 * CompleteMultipartUpload and AbortMultipartUpload, with S3's rules: parts numbered 1–10,000, listed in
 * ascending order with their ETags on completion, each but the last at least 5 MiB; the object's ETag is
 * the MD5 of the parts' MD5s followed by `-<number of parts>`.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { RequestContext } from '../../../core/context';
import { ServiceError } from '../../../core/errors';
import { storedContentEncoding } from '../aws-chunked';
import { element, invalidArgument, requireBucket, requireKey, xmlResponse, type S3Request, type S3Response } from '../common';
import { md5Etag, type Bucket, type MultipartUpload } from '../store';
import { metadataOf } from './objects';

const MIN_PART_BYTES = 5 * 1024 * 1024;
const MAX_PARTS = 10_000;

export function createMultipartUpload(request: S3Request, context: RequestContext): S3Response {
  const bucket = requireBucket(context, request);
  const key = requireKey(request);
  const uploadId = randomBytes(48).toString('base64url');
  const contentEncoding = storedContentEncoding(request.headers['content-encoding']);
  bucket.uploads.set(uploadId, {
    uploadId,
    key,
    initiated: context.now,
    object: {
      ...(request.headers['content-type'] === undefined ? {} : { contentType: request.headers['content-type'] }),
      ...(contentEncoding === undefined ? {} : { contentEncoding }),
      metadata: metadataOf(request.headers),
    },
    parts: new Map(),
  });
  return xmlResponse('InitiateMultipartUploadResult', element('Bucket', bucket.name) + element('Key', key) + element('UploadId', uploadId));
}

export function uploadPart(request: S3Request, context: RequestContext): S3Response {
  const upload = requireUpload(requireBucket(context, request), request);
  const text = request.query.get('partNumber') ?? '';
  const partNumber = Number(text);
  if (!/^\d+$/.test(text) || partNumber < 1 || partNumber > MAX_PARTS) {
    throw invalidArgument(`Part number must be an integer between 1 and ${MAX_PARTS}, inclusive`, 'partNumber', text);
  }
  const etag = md5Etag(request.body);
  upload.parts.set(partNumber, { body: request.body, etag });
  return { headers: { ETag: etag } };
}

export function completeMultipartUpload(request: S3Request, context: RequestContext): S3Response {
  const bucket = requireBucket(context, request);
  const upload = requireUpload(bucket, request);
  const listed = partsOf(request.body.toString('utf8'));
  if (listed.length === 0) throw malformedXml();
  const bodies: Buffer[] = [];
  const digests: Buffer[] = [];
  if (listed.some(({ partNumber }, index) => index > 0 && partNumber <= (listed[index - 1] as { partNumber: number }).partNumber)) {
    throw new ServiceError('InvalidPartOrder', 'The list of parts was not in ascending order. Parts must be ordered by part number.', 400, {
      UploadId: upload.uploadId,
    });
  }
  listed.forEach(({ partNumber, etag }, index) => {
    const part = upload.parts.get(partNumber);
    if (part === undefined || unquoted(part.etag) !== unquoted(etag)) {
      throw new ServiceError(
        'InvalidPart',
        "One or more of the specified parts could not be found.  The part may not have been uploaded, or the specified entity tag may not match the part's entity tag.",
        400,
        { UploadId: upload.uploadId, PartNumber: String(partNumber), ETag: etag },
      );
    }
    if (index < listed.length - 1 && part.body.length < MIN_PART_BYTES) {
      throw new ServiceError('EntityTooSmall', 'Your proposed upload is smaller than the minimum allowed size', 400, {
        ProposedSize: String(part.body.length),
        MinSizeAllowed: String(MIN_PART_BYTES),
        PartNumber: String(partNumber),
        ETag: part.etag,
      });
    }
    bodies.push(part.body);
    digests.push(Buffer.from(unquoted(part.etag), 'hex'));
  });
  const etag = `"${createHash('md5').update(Buffer.concat(digests)).digest('hex')}-${listed.length}"`;
  bucket.put(upload.key, { ...upload.object, body: Buffer.concat(bodies) }, context.now, etag);
  bucket.uploads.delete(upload.uploadId);
  return xmlResponse(
    'CompleteMultipartUploadResult',
    element('Location', `http://${bucket.name}.s3.${bucket.region}.amazonaws.com/${encodeURIComponent(upload.key).replace(/%2F/g, '/')}`) +
      element('Bucket', bucket.name) +
      element('Key', upload.key) +
      element('ETag', etag),
  );
}

export function abortMultipartUpload(request: S3Request, context: RequestContext): S3Response {
  const bucket = requireBucket(context, request);
  bucket.uploads.delete(requireUpload(bucket, request).uploadId);
  return { status: 204 };
}

function requireUpload(bucket: Bucket, request: S3Request): MultipartUpload {
  const uploadId = request.query.get('uploadId') ?? '';
  const upload = bucket.uploads.get(uploadId);
  if (upload === undefined || upload.key !== request.key) {
    throw new ServiceError(
      'NoSuchUpload',
      'The specified upload does not exist. The upload ID may be invalid, or the upload may have been aborted or completed.',
      404,
      { UploadId: uploadId },
    );
  }
  return upload;
}

/** `<CompleteMultipartUpload><Part><PartNumber>1</PartNumber><ETag>"…"</ETag></Part>…` */
function partsOf(xml: string): { partNumber: number; etag: string }[] {
  if (!/<CompleteMultipartUpload[\s>][\s\S]*<\/CompleteMultipartUpload>\s*$/.test(xml.trim())) throw malformedXml();
  return [...xml.matchAll(/<Part>([\s\S]*?)<\/Part>/g)].map(([, part = '']) => {
    const partNumber = Number(/<PartNumber>\s*(\d+)\s*<\/PartNumber>/.exec(part)?.[1]);
    const etag = /<ETag>([\s\S]*?)<\/ETag>/.exec(part)?.[1]?.replace(/&quot;/g, '"').trim();
    if (!Number.isInteger(partNumber) || etag === undefined) throw malformedXml();
    return { partNumber, etag };
  });
}

function unquoted(etag: string): string {
  return etag.replace(/^"|"$/g, '');
}

function malformedXml(): ServiceError {
  return new ServiceError('MalformedXML', 'The XML you provided was not well-formed or did not validate against our published schema');
}
