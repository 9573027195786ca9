import { describe, expect, it } from 'vitest';
import { addressOf } from './addressing';

describe('S3 addressing', () => {
  it('reads path-style requests, with keys that contain slashes and encoded characters', () => {
    expect(addressOf('127.0.0.1:4566', '/')).toEqual({ style: 'path' });
    expect(addressOf('127.0.0.1:4566', '/my-bucket')).toEqual({ bucket: 'my-bucket', style: 'path' });
    expect(addressOf('127.0.0.1:4566', '/my-bucket/')).toEqual({ bucket: 'my-bucket', style: 'path' });
    expect(addressOf('s3.eu-west-1.amazonaws.com', '/my-bucket/a/b%20c/d%2Be.gz')).toEqual({ bucket: 'my-bucket', key: 'a/b c/d+e.gz', style: 'path' });
  });

  it('reads the bucket from the Host header of virtual-hosted requests', () => {
    expect(addressOf('my.bucket.s3.us-east-1.amazonaws.com', '/k/1.gz')).toEqual({ bucket: 'my.bucket', key: 'k/1.gz', style: 'virtual-hosted' });
    expect(addressOf('logs-archive.s3.amazonaws.com', '/')).toEqual({ bucket: 'logs-archive', style: 'virtual-hosted' });
    expect(addressOf('logs-archive.s3-eu-west-1.amazonaws.com', '/x')).toMatchObject({ bucket: 'logs-archive', key: 'x' });
    expect(addressOf('logs-archive.localhost:4566', '/a/b')).toEqual({ bucket: 'logs-archive', key: 'a/b', style: 'virtual-hosted' });
  });

  it('treats the service endpoints themselves as path-style', () => {
    expect(addressOf('s3.ca-central-1.amazonaws.com', '/b/k')).toEqual({ bucket: 'b', key: 'k', style: 'path' });
    expect(addressOf('localhost:4566', '/b')).toEqual({ bucket: 'b', style: 'path' });
  });
});
