import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, isAllowedExternalUrl, isAppUrl, rendererFileFor } from './security-policy';

describe('isAllowedExternalUrl', () => {
  it.each([
    'https://docs.aws.amazon.com/AmazonCloudWatch/latest/logs/FilterAndPatternSyntax.html',
    'https://us-east-1.console.aws.amazon.com/cloudwatch/home',
    'https://my-sso-portal.awsapps.com/start',
    'https://device.sso.us-east-1.amazonaws.com/?user_code=ABCD-EFGH',
  ])('allows %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(true);
  });

  it.each([
    'http://docs.aws.amazon.com/',
    'file:///etc/passwd',
    'javascript:alert(1)',
    'https://evil.example.com/aws.amazon.com',
    'https://aws.amazon.com.evil.example/',
    'https://notamazon.com/',
    'https://user:pass@docs.aws.amazon.com/',
    'smb://aws.amazon.com/share',
    'not a url',
  ])('refuses %s', (url) => {
    expect(isAllowedExternalUrl(url)).toBe(false);
  });
});

describe('isAppUrl', () => {
  it('accepts only the app origin when packaged', () => {
    expect(isAppUrl('app://cloudscope/index.html', undefined)).toBe(true);
    expect(isAppUrl('app://other/index.html', undefined)).toBe(false);
    expect(isAppUrl('https://cloudscope/index.html', undefined)).toBe(false);
  });

  it('accepts only the dev server origin in development', () => {
    expect(isAppUrl('http://localhost:5173/index.html', 'http://localhost:5173')).toBe(true);
    expect(isAppUrl('http://localhost:5174/', 'http://localhost:5173')).toBe(false);
    expect(isAppUrl('app://cloudscope/index.html', 'http://localhost:5173')).toBe(false);
  });
});

describe('rendererFileFor', () => {
  it('maps paths inside the renderer folder', () => {
    expect(rendererFileFor('/')).toBe('index.html');
    expect(rendererFileFor('/assets/index-abc.js')).toBe('assets/index-abc.js');
  });

  it.each(['/../secrets', '/assets/../../etc/passwd', '/%2e%2e/etc/passwd', '/a%5c..%5cb', '/%00', '/%E0%A4%A'])(
    'refuses %s',
    (path) => {
      expect(rendererFileFor(path)).toBeUndefined();
    },
  );
});

describe('contentSecurityPolicy', () => {
  it('allows no inline or remote script in the packaged app', () => {
    const policy = contentSecurityPolicy(false);
    expect(policy).toContain("default-src 'none'");
    expect(policy).toContain("script-src 'self';");
    expect(policy).not.toContain('unsafe');
    expect(policy).not.toMatch(/https?:/);
  });
});
