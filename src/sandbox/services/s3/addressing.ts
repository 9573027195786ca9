/**
 * Which bucket and key an S3 request names. Path-style: `/<bucket>/<key>`. Virtual-hosted: the Host header
 * names the bucket, as AWS's endpoints do (`<bucket>.s3.<region>.amazonaws.com`, `<bucket>.s3.amazonaws.com`,
 * `<bucket>.s3-<region>.amazonaws.com`) and as the SDKs do for a custom endpoint whose host is a name rather
 * than an IP address (`http://localhost:4566` → `<bucket>.localhost:4566`), unless told to use path style.
 */

export interface S3Address {
  readonly bucket?: string;
  readonly key?: string;
  readonly style: 'path' | 'virtual-hosted';
}

const AWS_VIRTUAL_HOST = /^(.+)\.s3(?:[.-](?:dualstack\.)?[a-z0-9-]+)?\.amazonaws\.com(?:\.cn)?$/;
const LOCAL_VIRTUAL_HOST = /^(.+)\.localhost$/;

/** `host` is the Host header (with or without a port); `path` is the URL's path, still percent-encoded. */
export function addressOf(host: string | undefined, path: string): S3Address {
  const hostname = (host ?? '').replace(/:\d+$/, '').toLowerCase();
  const bucket = AWS_VIRTUAL_HOST.exec(hostname)?.[1] ?? LOCAL_VIRTUAL_HOST.exec(hostname)?.[1];
  if (bucket !== undefined) {
    const key = decodePath(path.replace(/^\//, ''));
    return { bucket, ...(key === '' ? {} : { key }), style: 'virtual-hosted' };
  }
  const trimmed = path.replace(/^\//, '');
  if (trimmed === '') return { style: 'path' };
  const slash = trimmed.indexOf('/');
  if (slash < 0) return { bucket: decodePath(trimmed), style: 'path' };
  const key = decodePath(trimmed.slice(slash + 1));
  return { bucket: decodePath(trimmed.slice(0, slash)), ...(key === '' ? {} : { key }), style: 'path' };
}

function decodePath(text: string): string {
  try {
    return decodeURIComponent(text);
  } catch {
    return text;
  }
}
