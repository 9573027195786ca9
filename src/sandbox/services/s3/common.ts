/** What S3's operations read and write, S3's errors, and the bucket lookups every bucket operation starts with. */
import type { RequestContext } from '../../core/context';
import { ServiceError } from '../../core/errors';
import { escapeXml } from '../../core/xml';
import { RestXmlError } from '../../protocols/rest-xml';
import { S3_STORE, type Bucket, type S3Store } from './store';

/** A request as the REST-XML codec reads it for an operation. */
export interface S3Request {
  readonly method: string;
  readonly bucket?: string;
  readonly key?: string;
  readonly query: URLSearchParams;
  /** Lower-case names. */
  readonly headers: Readonly<Record<string, string | undefined>>;
  /** The body as uploaded (aws-chunked framing removed). */
  readonly body: Buffer;
}

/** What an operation answers: the codec adds the request IDs. */
export interface S3Response {
  readonly status?: number;
  readonly headers?: Readonly<Record<string, string>>;
  readonly body?: string | Buffer;
}

export const S3_NAMESPACE = 'http://s3.amazonaws.com/doc/2006-03-01/';

/** An XML document answer: `<Root xmlns="…">inner</Root>`. */
export function xmlResponse(root: string, inner: string, headers: Readonly<Record<string, string>> = {}): S3Response {
  return {
    headers: { 'Content-Type': 'application/xml', ...headers },
    body: `<?xml version="1.0" encoding="UTF-8"?>\n<${root} xmlns="${S3_NAMESPACE}">${inner}</${root}>`,
  };
}

/** `<Name>text</Name>`, escaped. */
export function element(name: string, text: string | number | boolean): string {
  return `<${name}>${escapeXml(String(text))}</${name}>`;
}

/** S3's timestamps in XML: ISO 8601 with milliseconds. */
export function isoTime(epochMs: number): string {
  return new Date(epochMs).toISOString();
}

/** S3's timestamps in headers (Last-Modified): RFC 7231. */
export function httpDate(epochMs: number): string {
  return new Date(epochMs).toUTCString();
}

export function s3Store(context: RequestContext): S3Store {
  return context.account.store(S3_STORE);
}

export function noSuchBucket(bucket: string): ServiceError {
  return new ServiceError('NoSuchBucket', 'The specified bucket does not exist', 404, { BucketName: bucket });
}

export function noSuchKey(key: string): ServiceError {
  return new ServiceError('NoSuchKey', 'The specified key does not exist.', 404, { Key: key });
}

export function invalidArgument(message: string, name: string, value: string): ServiceError {
  return new ServiceError('InvalidArgument', message, 400, { ArgumentName: name, ArgumentValue: value });
}

/**
 * The bucket a request names, which must be in the region the request was signed for. Otherwise S3 says
 * which region to use, in the error and in `x-amz-bucket-region`, and the SDKs and the CLI retry there:
 * a regional endpoint (and the sandbox, which stands for the signed region's) answers 301
 * PermanentRedirect; the global endpoint `s3.amazonaws.com` answers 400 AuthorizationHeaderMalformed.
 */
export function requireBucket(context: RequestContext, request: S3Request, options: { readonly anyRegion?: boolean } = {}): Bucket {
  const name = request.bucket ?? '';
  const bucket = s3Store(context).bucket(name);
  if (bucket === undefined) throw noSuchBucket(name);
  if (options.anyRegion || bucket.region === context.region) return bucket;
  const header = { 'x-amz-bucket-region': bucket.region };
  if (GLOBAL_ENDPOINT.test((request.headers.host ?? '').replace(/:\d+$/, ''))) {
    throw new RestXmlError(
      'AuthorizationHeaderMalformed',
      `The authorization header is malformed; the region '${context.region}' is wrong; expecting '${bucket.region}'`,
      400,
      { Region: bucket.region },
      header,
    );
  }
  throw new RestXmlError(
    'PermanentRedirect',
    'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
    301,
    { Endpoint: `${bucket.name}.s3.${bucket.region}.amazonaws.com`, Bucket: bucket.name },
    header,
  );
}

const GLOBAL_ENDPOINT = /(^|\.)s3\.amazonaws\.com$/;

export function requireKey(request: S3Request): string {
  const key = request.key ?? '';
  if (Buffer.byteLength(key, 'utf8') > 1024) {
    throw new ServiceError('KeyTooLongError', 'Your key is too long', 400, { MaxSizeAllowed: '1024', Size: String(Buffer.byteLength(key, 'utf8')) });
  }
  return key;
}
