/**
 * The one place that configures an AWS SDK client: endpoint, credentials, retries, host prefixes and the
 * user agent. Every domain module gets its clients from `Session.client`, which builds them here.
 */
import type { AwsCredentialIdentityProvider, FinalizeHandler, FinalizeHandlerArguments, MiddlewareStack } from '@smithy/types';
import { rememberCall } from './aws-errors';

/**
 * How long a call keeps retrying throttling and 5xx answers. The first two use the SDK's adaptive mode,
 * which also slows the client down to what the quota allows after a throttle.
 * - `interactive`: a person is waiting for this one answer. With throttling's 0.5 s backoff base the
 *   four retries wait at most 0.5 + 1 + 2 + 4 s, plus the adaptive limiter's pauses: a persistently
 *   throttled call gives up after about 9 s (measured against the sandbox) with a sentence, not a spinner.
 * - `background`: long listings, downloads and other work with its own progress and Stop: retries go on
 *   (backoff capped at 20 s by the SDK) so the work finishes under the quota instead of failing.
 * - `paced`: `background`'s retries for work whose every call goes through the scope's own rate limiter
 *   (see paced.ts), e.g. downloads. The SDK's adaptive limiter is left out: it would slow the pace down
 *   a second time after each throttle (measured: a download then used 75-87% of the quota, not 95%).
 */
export type RetryBudget = 'interactive' | 'background' | 'paced';

const RETRIES: Readonly<Record<RetryBudget, { readonly retryMode: 'adaptive' | 'standard'; readonly maxAttempts: number }>> = {
  interactive: { retryMode: 'adaptive', maxAttempts: 5 },
  background: { retryMode: 'adaptive', maxAttempts: 10 },
  paced: { retryMode: 'standard', maxAttempts: 10 },
};

/** Where and as whom a connection's clients call AWS. */
export interface ClientTarget {
  readonly region: string;
  readonly credentials: AwsCredentialIdentityProvider;
  /** The endpoint to pass to the SDK: the sandbox's, or one typed into a connection. */
  readonly endpoint?: string;
  /** For profile connections: the SDK reads the profile's own settings (endpoint_url, services sections). */
  readonly profile?: string;
  /** Whether requests go somewhere other than AWS (the sandbox, LocalStack, a profile's `endpoint_url`). */
  readonly customEndpoint: boolean;
}

/** The configuration every SDK v3 client constructor accepts. */
export interface AwsClientConfig {
  readonly region: string;
  readonly credentials: AwsCredentialIdentityProvider;
  readonly endpoint?: string;
  readonly profile?: string;
  readonly retryMode: 'adaptive' | 'standard';
  readonly maxAttempts: number;
  readonly disableHostPrefix: boolean;
  readonly customUserAgent: [string, string][];
  /** S3 only: `http://endpoint/bucket/key` rather than `http://bucket.endpoint/key`, which other hosts' DNS rarely resolves. */
  readonly forcePathStyle?: boolean;
  /** S3 only: a bucket in another region answers with its region, and the call is sent there. */
  readonly followRegionRedirects?: boolean;
}

/** What Cloudscope needs of any SDK v3 client. */
export interface AwsClient {
  readonly config: { readonly defaultSigningName?: string };
  // eslint-disable-next-line @typescript-eslint/no-explicit-any -- every client's stack has its own input/output unions
  readonly middlewareStack: MiddlewareStack<any, any>;
  destroy(): void;
}

export type AwsClientClass<C extends AwsClient> = new (config: AwsClientConfig) => C;

export function createAwsClient<C extends AwsClient>(
  Client: AwsClientClass<C>,
  target: ClientTarget,
  budget: RetryBudget,
  appVersion: string,
): C {
  const client = new Client({
    region: target.region,
    credentials: target.credentials,
    ...(target.endpoint ? { endpoint: target.endpoint } : {}),
    ...(target.profile ? { profile: target.profile } : {}),
    ...RETRIES[budget],
    // The SDK prefixes the host of some operations (`stream-` for StartLiveTail); `stream-localhost`
    // does not resolve, so endpoints other than AWS's get no prefix.
    disableHostPrefix: target.customEndpoint,
    customUserAgent: [['cloudscope', appVersion]],
    ...(target.customEndpoint ? { forcePathStyle: true } : {}),
    followRegionRedirects: true,
  });
  const service = client.config.defaultSigningName ?? 'unknown';
  // Outermost step, so it sees the error after the retries gave up: errors are described with the API,
  // the region and the quota they concern.
  client.middlewareStack.add(
    (next, context) => async (args) => {
      try {
        return await next(args);
      } catch (caught) {
        const error = caught instanceof NotRetried ? caught.original : caught;
        const operation = context.commandName?.replace(/Command$/, '') ?? 'unknown';
        rememberCall(error, { service, operation, region: target.region });
        throw error;
      }
    },
    { step: 'initialize', name: 'cloudscopeCallContext' },
  );
  client.middlewareStack.addRelativeTo(
    // eslint-disable-next-line @typescript-eslint/no-explicit-any -- passes any command's input and output through
    (next: FinalizeHandler<any, any>) => async (args: FinalizeHandlerArguments<any>) => {
      try {
        return await next(args);
      } catch (error) {
        throw NOT_RETRIED.has((error as { name?: unknown } | null)?.name as string) ? new NotRetried(error) : error;
      }
    },
    { relation: 'after', toMiddleware: 'retryMiddleware', name: 'cloudscopeLimitsNotRetried' },
  );
  return client;
}

/**
 * Errors the SDK counts as throttling that, from the services Cloudscope calls, name a limit instead: CloudWatch
 * Logs answers LimitExceededException when a resource count or a concurrency quota is reached (metric filters
 * per group, one export task at a time, concurrent Insights queries and tails), never for a rate. Retrying it
 * for seconds only delays the sentence; callers that wait a limit out (the export queue, Insights) do so in
 * the open.
 */
const NOT_RETRIED = new Set(['LimitExceededException']);

/** Carries such an error past the retry middleware (which would retry it), unwrapped by `cloudscopeCallContext`. */
class NotRetried extends Error {
  override readonly name = 'CloudscopeNotRetried';
  constructor(readonly original: unknown) {
    super('not retried');
  }
}
