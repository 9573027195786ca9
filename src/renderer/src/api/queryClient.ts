import { QueryClient } from '@tanstack/react-query';

export function createQueryClient(): QueryClient {
  return new QueryClient({
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
