import { MutationCache, QueryCache, QueryClient } from '@tanstack/react-query';
import { throttleNotices } from './throttleNotices';

export function createQueryClient(): QueryClient {
  const report = (error: unknown) => throttleNotices.report(error);
  return new QueryClient({
    queryCache: new QueryCache({ onError: report }),
    mutationCache: new MutationCache({ onError: report }),
    defaultOptions: {
      queries: {
        // main already retries throttling and 5xx with backoff; retrying again here only delays the error.
        retry: false,
        // Operators decide when to reload; a list must not reshuffle under the cursor on focus.
        refetchOnWindowFocus: false,
        refetchOnReconnect: false,
        staleTime: Number.POSITIVE_INFINITY,
      },
    },
  });
}
