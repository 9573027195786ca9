/**
 * S3's REST-XML error shape. The S3 subset itself comes in a later issue; until then every signed S3
 * request is answered with `NotImplemented`.
 */
import { randomBytes } from 'node:crypto';
import type { SandboxResponse } from '../core/context';
import { ServiceError } from '../core/errors';
import { escapeXml } from '../core/xml';

export function s3NotImplemented(): ServiceError {
  return new ServiceError('NotImplemented', 'A header you provided implies functionality that is not implemented', 501);
}

export function s3AccessDenied(): ServiceError {
  return new ServiceError('AccessDenied', 'Access Denied', 403);
}

export function s3Error(requestId: string, error: ServiceError): SandboxResponse {
  const hostId = randomBytes(32).toString('base64');
  const body =
    '<?xml version="1.0" encoding="UTF-8"?>' +
    `<Error><Code>${escapeXml(error.code)}</Code><Message>${escapeXml(error.message)}</Message>` +
    `<RequestId>${escapeXml(requestId)}</RequestId><HostId>${escapeXml(hostId)}</HostId></Error>`;
  return {
    status: error.status,
    headers: { 'Content-Type': 'application/xml', 'x-amz-request-id': requestId, 'x-amz-id-2': hostId },
    body,
  };
}
