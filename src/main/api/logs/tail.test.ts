import { describe, expect, it } from 'vitest';
import { unsupportedOperation } from './tail';

const failure = (name: string, message: string, status?: number) => Object.assign(new Error(message), { name, ...(status ? { $metadata: { httpStatusCode: status } } : {}) });

describe('unsupportedOperation', () => {
  it('recognises endpoints without Live Tail', () => {
    expect(unsupportedOperation(failure('UnknownOperationException', 'Unknown operation StartLiveTail', 400))).toBe('UnknownOperationException');
    expect(unsupportedOperation(failure('InternalFailure', "API action 'StartLiveTail' for service 'logs' not yet implemented", 501))).toBe('InternalFailure, HTTP 501');
  });

  it('leaves real failures alone', () => {
    expect(unsupportedOperation(failure('AccessDeniedException', 'not authorized to perform: logs:StartLiveTail', 400))).toBeUndefined();
    expect(unsupportedOperation(failure('ResourceNotFoundException', 'The specified log group does not exist.', 400))).toBeUndefined();
    expect(unsupportedOperation(failure('ThrottlingException', 'Rate exceeded', 400))).toBeUndefined();
  });
});
