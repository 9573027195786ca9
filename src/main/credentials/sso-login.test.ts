/**
 * The cache names and file layout the sign-in shares with the AWS CLI. The expected values were computed
 * with Python's `json.dumps(…, sort_keys=True)` and `hashlib.sha1`, as botocore computes them.
 */
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isoSecondsZ, pythonJson, registrationCacheFile, tokenCacheFile } from './sso-login';

const START_URL = 'https://d-9067c0ffee.awsapps.com/start';
const cache = (name: string): string => join('/home/me', '.aws', 'sso', 'cache', `${name}.json`);

describe('SSO cache files', () => {
  it('names the token after the sso-session, or the start URL for legacy profiles', () => {
    expect(tokenCacheFile('/home/me', { startUrl: START_URL, region: 'us-east-1', sessionName: 'my-sso' })).toBe(cache('0ad374308c5a4e22f723adf10145eafad7c4031c'));
    expect(tokenCacheFile('/home/me', { startUrl: START_URL, region: 'us-east-1' })).toBe(cache('024cf46d984fbdda53a05b87cb61ab6d0e12d5f8'));
  });

  it('names the client registration as botocore’s _registration_cache_key does', () => {
    expect(registrationCacheFile('/home/me', { startUrl: START_URL, region: 'us-east-1', sessionName: 'my-sso', scopes: ['sso:account:access'] })).toBe(
      cache('76a1cb42b47daaf5e8518c3ffbf093f7c679af1c'),
    );
    // Legacy profiles: no session name and no scopes (null, not []).
    expect(registrationCacheFile('/home/me', { startUrl: START_URL, region: 'eu-west-1' })).toBe(cache('02927fda7510c064e8ef290a5fa00d9211cb5add'));
    // Escapes as Python's json.dumps does: non-ASCII and DEL as \uXXXX, astral characters as surrogate pairs.
    expect(
      registrationCacheFile('/home/me', {
        startUrl: START_URL,
        region: 'us-east-1',
        sessionName: 'café "prod"\u007f😀',
        scopes: ['sso:account:access', 'codewhisperer:completions'],
      }),
    ).toBe(cache('58f778a8fee6273dcb0f144a9a17c6dc134e4dc1'));
  });
});

describe('pythonJson', () => {
  it('lays JSON out as Python’s json.dumps does', () => {
    expect(pythonJson({ a: 'x/y', b: 1, c: [true, null] })).toBe('{"a": "x/y", "b": 1, "c": [true, null]}');
    expect(pythonJson({ tool: 'botocore', region: 'us-east-1', scopes: null }, true)).toBe('{"region": "us-east-1", "scopes": null, "tool": "botocore"}');
    expect(pythonJson('café\n"😀"')).toBe('"caf\\u00e9\\n\\"\\ud83d\\ude00\\""');
  });
});

describe('isoSecondsZ', () => {
  it('writes UTC to the second with a Z, as the CLI’s strftime("%Y-%m-%dT%H:%M:%SZ")', () => {
    expect(isoSecondsZ(Date.UTC(2026, 0, 2, 3, 4, 5, 999))).toBe('2026-01-02T03:04:05Z');
  });
});
