import { QueryClient } from '@tanstack/react-query';
import { ApiError, ResponseParseError } from '../lib/api-client';

/** Client errors and contract mismatches will not heal by retrying; network errors and 5xx may. */
function shouldRetry(failureCount: number, error: unknown): boolean {
  if (error instanceof ResponseParseError) return false;
  if (error instanceof ApiError && error.status >= 400 && error.status < 500) return false;
  return failureCount < 2;
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { staleTime: 30_000, retry: shouldRetry },
      mutations: { retry: false },
    },
  });
}
