/** Opaque pagination tokens: a JSON value in base64url, checked for its shape when it comes back. */
import type { ServiceError } from './errors';

export function encodeCursor(value: unknown): string {
  return Buffer.from(JSON.stringify(value), 'utf8').toString('base64url');
}

/** Decodes a cursor and checks its shape with `isValid`; anything else is the service's `invalid()` error. */
export function decodeCursor<T>(token: string, isValid: (value: unknown) => value is T, invalid: () => ServiceError): T {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(token, 'base64url').toString('utf8')) as unknown;
  } catch {
    throw invalid();
  }
  if (!isValid(value)) throw invalid();
  return value;
}
