import { describe, expect, it } from 'vitest';
import { checkSignature } from './sigv4';

const none = new URLSearchParams();

describe('checkSignature', () => {
  it('reads region and service from a SigV4 Authorization header', () => {
    const header =
      'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20250115/eu-west-1/logs/aws4_request, SignedHeaders=host;x-amz-date, Signature=abc123';
    expect(checkSignature(header, none)).toEqual({
      kind: 'signed',
      scope: { accessKeyId: 'AKIDEXAMPLE', date: '20250115', region: 'eu-west-1', service: 'logs' },
    });
  });

  it('reads a presigned URL’s credential', () => {
    const query = new URLSearchParams({ 'X-Amz-Credential': 'AKID/20250115/us-east-1/s3/aws4_request', 'X-Amz-Signature': 'ff' });
    expect(checkSignature(undefined, query)).toMatchObject({ kind: 'signed', scope: { region: 'us-east-1', service: 's3' } });
  });

  it('tells unsigned from malformed requests', () => {
    expect(checkSignature(undefined, none)).toEqual({ kind: 'unsigned' });
    expect(checkSignature('Basic dXNlcjpwYXNz', none).kind).toBe('malformed');
    expect(checkSignature('AWS4-HMAC-SHA256 Credential=AKID/20250115/us-east-1/logs/aws4_request', none)).toMatchObject({
      kind: 'malformed',
      reason: expect.stringContaining("requires 'SignedHeaders' parameter"),
    });
    expect(checkSignature('AWS4-HMAC-SHA256 Credential=AKID/us-east-1, SignedHeaders=host, Signature=x', none).kind).toBe('malformed');
    expect(checkSignature(undefined, new URLSearchParams({ 'X-Amz-Credential': 'AKID/20250115/us-east-1/s3/aws4_request' })).kind).toBe('malformed');
  });
});
