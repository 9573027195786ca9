/**
 * Puts one SDK command under a scope's rate limiter: every attempt (the first and each of the SDK's
 * retries) waits for its turn, and each answer tells the limiter whether AWS throttled it.
 */
import type { FinalizeHandler, FinalizeHandlerArguments, MiddlewareStack } from '@smithy/types';
import { isThrottlingError } from './aws-errors';
import type { AdaptiveRateLimiter } from './rate-limiter';

export interface PacedCallObserver {
  /** AWS throttled an attempt (the SDK retries it). */
  throttled?(): void;
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any -- every command's stack has its own input/output types
type Command = { readonly middlewareStack: MiddlewareStack<any, any> };

export function paced<C extends Command>(command: C, limiter: AdaptiveRateLimiter, signal: AbortSignal, observer: PacedCallObserver = {}): C {
  command.middlewareStack.addRelativeTo(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- the middleware passes any command's input and output through
    (next: FinalizeHandler<any, any>) => async (args: FinalizeHandlerArguments<any>) => {
      await limiter.acquire(signal);
      try {
        const result = await next(args);
        limiter.succeeded();
        return result;
      } catch (error) {
        if (isThrottlingError(error)) {
          limiter.throttled();
          observer.throttled?.();
        }
        throw error;
      }
    },
    // Inside the retry loop, before signing (a wait must not age the signature).
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'cloudscopePacing' },
  );
  return command;
}
