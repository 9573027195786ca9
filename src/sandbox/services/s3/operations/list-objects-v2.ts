/**
 * ListObjectsV2: keys in order from the bucket's sorted key index, with prefix, delimiter (keys sharing
 * the part up to the delimiter roll up into one CommonPrefixes entry, counted like a key), start-after,
 * max-keys and continuation tokens, and `encoding-type=url` (the AWS CLI asks for it).
 */
import type { RequestContext } from '../../../core/context';
import { decodeCursor, encodeCursor } from '../../logs/tokens';
import { element, invalidArgument, isoTime, requireBucket, xmlResponse, type S3Request, type S3Response } from '../common';
import type { Bucket } from '../store';

const MAX_KEYS = 1000;

interface ListCursor {
  /** The last key, or common prefix, returned. */
  readonly after: string;
}

export function listObjectsV2(request: S3Request, context: RequestContext): S3Response {
  const bucket = requireBucket(context, request);
  const query = request.query;
  const prefix = query.get('prefix') ?? '';
  const delimiter = query.get('delimiter') ?? '';
  const startAfter = query.get('start-after') ?? '';
  const encodingType = query.get('encoding-type') ?? undefined;
  if (encodingType !== undefined && encodingType !== 'url') throw invalidArgument('Invalid Encoding Method specified in Request', 'encoding-type', encodingType);
  const maxKeys = readMaxKeys(query.get('max-keys'));
  const token = query.get('continuation-token') ?? undefined;
  const after = token === undefined ? startAfter : readCursor(token).after;

  const { contents, commonPrefixes, truncatedAfter } = listPage(bucket, { prefix, delimiter, after, maxKeys });
  const encode = encodingType === 'url' ? urlEncode : (text: string) => text;
  const inner =
    element('Name', bucket.name) +
    element('Prefix', encode(prefix)) +
    (delimiter === '' ? '' : element('Delimiter', encode(delimiter))) +
    element('MaxKeys', maxKeys) +
    (encodingType === undefined ? '' : element('EncodingType', encodingType)) +
    element('KeyCount', contents.length + commonPrefixes.length) +
    element('IsTruncated', truncatedAfter !== undefined) +
    (token === undefined ? '' : element('ContinuationToken', token)) +
    (truncatedAfter === undefined ? '' : element('NextContinuationToken', encodeCursor({ after: truncatedAfter } satisfies ListCursor))) +
    (startAfter === '' ? '' : element('StartAfter', encode(startAfter))) +
    contents
      .map(
        (object) =>
          `<Contents>${element('Key', encode(object.key))}${element('LastModified', isoTime(object.lastModified))}${element('ETag', object.etag)}` +
          `${element('Size', object.body.length)}${element('StorageClass', 'STANDARD')}</Contents>`,
      )
      .join('') +
    commonPrefixes.map((common) => `<CommonPrefixes>${element('Prefix', encode(common))}</CommonPrefixes>`).join('');
  return xmlResponse('ListBucketResult', inner);
}

function readMaxKeys(text: string | null): number {
  if (text === null) return MAX_KEYS;
  const value = Number(text);
  if (!/^\d+$/.test(text) || !Number.isSafeInteger(value)) {
    throw invalidArgument('Provided max-keys not an integer or within integer range', 'max-keys', text);
  }
  return Math.min(value, MAX_KEYS);
}

function readCursor(token: string): ListCursor {
  try {
    return decodeCursor(token, (value): value is ListCursor => typeof (value as ListCursor | null)?.after === 'string');
  } catch {
    throw invalidArgument('The continuation token provided is incorrect', 'continuation-token', token);
  }
}

interface PageSpec {
  readonly prefix: string;
  readonly delimiter: string;
  /** List only what sorts after this (a key, or a common prefix whose keys are all skipped). */
  readonly after: string;
  readonly maxKeys: number;
}

export function listPage(bucket: Bucket, spec: PageSpec) {
  const keys = bucket.sortedKeys();
  const contents = [];
  const commonPrefixes: string[] = [];
  let index = Math.max(bucket.keyIndexOf(spec.prefix), spec.after === '' ? 0 : bucket.keyIndexAfter(spec.after));
  // A continuation after a common prefix skips every key under it.
  if (spec.delimiter !== '' && spec.after.endsWith(spec.delimiter) && spec.after.startsWith(spec.prefix)) {
    index = Math.max(index, bucket.keyIndexOf(successor(spec.after)));
  }
  let last: string | undefined;
  let truncatedAfter: string | undefined;
  while (index < keys.length) {
    const key = keys[index] as string;
    if (!key.startsWith(spec.prefix)) break;
    const cut = spec.delimiter === '' ? -1 : key.indexOf(spec.delimiter, spec.prefix.length);
    const entry = cut < 0 ? key : key.slice(0, cut + spec.delimiter.length);
    if (contents.length + commonPrefixes.length === spec.maxKeys) {
      truncatedAfter = last;
      break;
    }
    if (cut < 0) {
      const object = bucket.object(key);
      if (object !== undefined) contents.push(object);
      index++;
    } else {
      commonPrefixes.push(entry);
      index = bucket.keyIndexOf(successor(entry));
    }
    last = entry;
  }
  return { contents, commonPrefixes, truncatedAfter };
}

/** The smallest string greater than every string that starts with `prefix`. */
function successor(prefix: string): string {
  const last = prefix.charCodeAt(prefix.length - 1);
  return prefix.slice(0, -1) + String.fromCharCode(last + 1);
}

/** S3's `encoding-type=url`: keys percent-encoded, slashes kept. */
function urlEncode(text: string): string {
  return encodeURIComponent(text).replace(/%2F/g, '/');
}
