/**
 * A load of events gives up after a while with a sentence, instead of showing a spinner for as long
 * as a stalled connection lasts. main's own retries of throttling end within about 10 s, so a load
 * that takes longer than this is stuck, not busy.
 */
import { apiError, type ApiError } from '../../../../../shared/errors';

export const LOAD_TIMEOUT_MS = 15_000;

export function timeoutError(operation: string, ms: number): ApiError {
  return apiError(
    'Unreachable',
    `${operation} got no answer within ${Math.round(ms / 1000)} seconds. The network or AWS may be slow: retry, or try again in a minute.`,
    { retryable: true },
  );
}

/** `work`, or a timeout error after `ms`; a late answer is dropped. */
export function withTimeout<T>(work: Promise<T>, ms: number, operation: string): Promise<T> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(timeoutError(operation, ms)), ms);
    work.then(
      (value) => {
        clearTimeout(timer);
        resolve(value);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error);
      },
    );
  });
}
