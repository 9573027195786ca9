import { describe, expect, it } from 'vitest';
import { apiError } from '../../shared/errors';
import { toApiError } from './aws-errors';

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
});
