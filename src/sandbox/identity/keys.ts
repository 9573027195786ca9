/**
 * Key material and IAM unique IDs in AWS's formats: access key IDs are `AKIA`/`ASIA` plus 16 characters of
 * base32 (A–Z, 2–7), unique IDs are a four-letter type prefix (`AIDA` user, `AROA` role) plus 17 characters.
 */
import { createHash, randomBytes } from 'node:crypto';

const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32(bytes: Uint8Array, length: number): string {
  let text = '';
  for (let index = 0; index < length; index++) text += BASE32[(bytes[index % bytes.length] ?? 0) % 32];
  return text;
}

/** A temporary (`ASIA…`) or long-term (`AKIA…`) access key ID. */
export function newAccessKeyId(kind: 'temporary' | 'long-term' = 'temporary'): string {
  return (kind === 'temporary' ? 'ASIA' : 'AKIA') + base32(randomBytes(16), 16);
}

/** 40 characters, like AWS's secret access keys. */
export function newSecretAccessKey(): string {
  return randomBytes(30).toString('base64');
}

/** An opaque session token; AWS's are a few hundred base64 characters and start with `IQoJb3JpZ2luX2Vj`. */
export function newSessionToken(): string {
  return `IQoJb3JpZ2luX2Vj${randomBytes(240).toString('base64')}`;
}

/** A deterministic unique ID (`AROA…`, `AIDA…`) for a name, so the same role always has the same ID. */
export function uniqueIdFor(prefix: 'AROA' | 'AIDA', name: string): string {
  return prefix + base32(createHash('sha256').update(name).digest(), 17);
}

/** An opaque random token for bearer and device codes. */
export function newOpaqueToken(prefix: string, bytes = 96): string {
  return prefix + randomBytes(bytes).toString('base64url');
}

/** `2026-01-01T00:00:00Z`: ISO-8601 in UTC without milliseconds, as STS prints expirations. */
export function isoSeconds(epochMs: number): string {
  return new Date(Math.floor(epochMs / 1000) * 1000).toISOString().replace('.000Z', 'Z');
}
