import { describe, expect, it } from 'vitest';
import { apiError } from '../../shared/errors';
import { isThrottlingError, rememberCall, serviceQuotasUrl, toApiError } from './aws-errors';

function awsError(name: string, message: string, status = 400, extra: Record<string, unknown> = {}) {
  return Object.assign(new Error(message), {
    name,
    $fault: status >= 500 ? 'server' : 'client',
    $metadata: { httpStatusCode: status, requestId: 'req-123' },
    ...extra,
  });
}

describe('toApiError', () => {
  it('keeps what AWS said about a missing resource and says what to do', () => {
    const error = toApiError(awsError('ResourceNotFoundException', 'The specified log group does not exist.'));
    expect(error).toMatchObject({ code: 'NotFound', awsCode: 'ResourceNotFoundException', requestId: 'req-123', retryable: false });
    expect(error.message).toContain('The specified log group does not exist.');
    expect(error.message).toMatch(/Refresh/);
  });

  it('names the missing permission on access denied', () => {
    const message = 'User: arn:aws:iam::123456789012:user/ops is not authorized to perform: logs:DescribeLogGroups';
    const error = toApiError(awsError('AccessDeniedException', message));
    expect(error.code).toBe('AccessDenied');
    expect(error.message).toContain('logs:DescribeLogGroups');
  });

  it.each([
    ['ThrottlingException', 'Throttled', true],
    ['InvalidParameterException', 'InvalidInput', false],
    ['ResourceAlreadyExistsException', 'AlreadyExists', false],
    ['LimitExceededException', 'LimitExceeded', false],
    ['ExpiredTokenException', 'Unauthenticated', false],
    ['UnrecognizedClientException', 'Unauthenticated', false],
    ['RequestTimeTooSkewed', 'Unauthenticated', false],
  ] as const)('maps %s to %s', (name, code, retryable) => {
    expect(toApiError(awsError(name, 'x'))).toMatchObject({ code, retryable, awsCode: name });
  });

  it('names the API, the region and its default quota when AWS throttles a call', () => {
    const throttled = awsError('ThrottlingException', 'Rate exceeded');
    rememberCall(throttled, { service: 'logs', operation: 'FilterLogEvents', region: 'eu-central-1' });
    const error = toApiError(throttled);
    expect(error).toMatchObject({ code: 'Throttled', retryable: true, awsCode: 'ThrottlingException', requestId: 'req-123' });
    expect(error.message).toMatch(/^AWS is rate-limiting FilterLogEvents in eu-central-1: .*5 requests per second/);
    expect(error.details).toEqual({
      service: 'logs',
      operation: 'FilterLogEvents',
      region: 'eu-central-1',
      quotaTps: 5,
      quotaUrl: 'https://eu-central-1.console.aws.amazon.com/servicequotas/home/services/logs/quotas',
    });
  });

  it('still explains throttling of an operation without a documented quota, or of an unknown call', () => {
    const unknownQuota = awsError('Throttling', 'Rate exceeded');
    rememberCall(unknownQuota, { service: 'sts', operation: 'GetCallerIdentity', region: 'us-east-1' });
    const error = toApiError(unknownQuota);
    expect(error.message).toContain('GetCallerIdentity in us-east-1');
    expect(error.details?.quotaTps).toBeUndefined();
    expect(error.details?.quotaUrl).toBe(serviceQuotasUrl('sts', 'us-east-1'));
    expect(toApiError(awsError('ThrottlingException', 'Rate exceeded')).message).toMatch(/rate-limiting requests/);
  });

  it('knows every service’s name for throttling, SNS’s ThrottledException included', () => {
    for (const name of ['ThrottlingException', 'Throttling', 'SlowDown', 'ThrottledException']) expect(isThrottlingError(awsError(name, 'Rate exceeded'))).toBe(true);
    expect(isThrottlingError(awsError('ResourceNotFoundException', 'missing'))).toBe(false);
  });

  it('says which call failed in the details of any AWS error', () => {
    const missing = awsError('ResourceNotFoundException', 'The specified log group does not exist.');
    rememberCall(missing, { service: 'logs', operation: 'GetLogEvents', region: 'us-west-2' });
    expect(toApiError(missing).details).toEqual({ service: 'logs', operation: 'GetLogEvents', region: 'us-west-2' });
  });

  it('says the clock is wrong on clock skew', () => {
    expect(toApiError(awsError('RequestTimeTooSkewed', 'skewed')).message).toMatch(/clock/);
  });

  it('treats 5xx as a retryable AWS problem', () => {
    expect(toApiError(awsError('InternalFailure', 'oops', 500))).toMatchObject({ code: 'ServiceUnavailable', retryable: true });
  });

  it('recognises network failures, also when wrapped', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:4566'), { code: 'ECONNREFUSED' });
    expect(toApiError(refused)).toMatchObject({ code: 'Unreachable', retryable: true });
    const wrapped = new Error('fetch failed', { cause: new AggregateError([refused]) });
    expect(toApiError(wrapped).code).toBe('Unreachable');
  });

  it('recognises cancellation', () => {
    expect(toApiError(Object.assign(new Error('aborted'), { name: 'AbortError' })).code).toBe('Cancelled');
  });

  it('passes ApiErrors through unchanged', () => {
    const original = apiError('NotFound', 'gone');
    expect(toApiError(original)).toBe(original);
  });

  it('asks to sign in when the SDK finds no valid SSO token', () => {
    const error = Object.assign(new Error('The SSO session associated with this profile has expired. To refresh this SSO session run aws sso login with the corresponding profile.'), {
      name: 'CredentialsProviderError',
    });
    expect(toApiError(error).code).toBe('SignInRequired');
  });

  it('tells a rejected MFA code apart from other access denials', () => {
    const error = toApiError(awsError('AccessDenied', 'MultiFactorAuthentication failed with invalid MFA one time pass code.', 403));
    expect(error).toMatchObject({ code: 'MfaRequired', awsCode: 'AccessDenied' });
    expect(error.message).toMatch(/not accepted/);
  });

  it('says the clock is off when AWS says the signature expired', () => {
    const error = toApiError(awsError('InvalidSignatureException', 'Signature expired: 20260101T000000Z is now earlier than 20260101T001000Z'));
    expect(error.code).toBe('Unauthenticated');
    expect(error.message).toMatch(/clock/);
  });

  it('says revoked keys are revoked, even though STS answers 403', () => {
    const error = toApiError(awsError('InvalidClientTokenId', 'The security token included in the request is invalid.', 403));
    expect(error.code).toBe('Unauthenticated');
    expect(error.message).toMatch(/deactivated or deleted/);
  });

  it('names the missing action in the advice', () => {
    const message =
      'User: arn:aws:iam::123456789012:user/ops is not authorized to perform: logs:FilterLogEvents on resource: arn:aws:logs:us-east-1:123456789012:log-group:/x';
    expect(toApiError(awsError('AccessDeniedException', message)).message).toMatch(/allow logs:FilterLogEvents/);
  });
});
