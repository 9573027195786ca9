/**
 * The `aws-chunked` content encoding the SDKs use to stream uploads with a signature per chunk
 * (`STREAMING-AWS4-HMAC-SHA256-PAYLOAD`) or a trailing checksum (`STREAMING-UNSIGNED-PAYLOAD-TRAILER`):
 * `<hex size>[;chunk-signature=…]\r\n<data>\r\n` … `0\r\n[trailers]\r\n`.
 */

export function isAwsChunked(headers: Readonly<Record<string, string | undefined>>): boolean {
  const encoding = headers['content-encoding'] ?? '';
  return encoding.split(',').some((part) => part.trim() === 'aws-chunked') || (headers['x-amz-content-sha256'] ?? '').startsWith('STREAMING-');
}

/** The payload inside the chunks; undefined when the framing is broken. */
export function decodeAwsChunked(body: Buffer): Buffer | undefined {
  const parts: Buffer[] = [];
  let offset = 0;
  for (;;) {
    const lineEnd = body.indexOf('\r\n', offset, 'latin1');
    if (lineEnd < 0) return undefined;
    const header = body.toString('latin1', offset, lineEnd);
    const size = Number.parseInt(header.split(';')[0] ?? '', 16);
    if (!Number.isInteger(size) || size < 0) return undefined;
    const start = lineEnd + 2;
    if (size === 0) return Buffer.concat(parts);
    if (start + size > body.length) return undefined;
    parts.push(body.subarray(start, start + size));
    offset = start + size + 2;
  }
}

/** The Content-Encoding to store: the request's, without `aws-chunked`. */
export function storedContentEncoding(header: string | undefined): string | undefined {
  const rest = (header ?? '')
    .split(',')
    .map((part) => part.trim())
    .filter((part) => part !== '' && part !== 'aws-chunked');
  return rest.length === 0 ? undefined : rest.join(',');
}
