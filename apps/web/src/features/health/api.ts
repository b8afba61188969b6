import { HealthResponse } from '@ims/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api, isApiError } from '../../lib/api-client';

export const healthKeys = {
  all: ['health'] as const,
  status: () => [...healthKeys.all, 'status'] as const,
};

/**
 * `GET /api/health`. When the database is down the API may answer 503 with the same body; that is still a status
 * report worth showing, so it is returned rather than thrown.
 */
export const healthQueryOptions = () =>
  queryOptions({
    queryKey: healthKeys.status(),
    queryFn: async ({ signal }): Promise<HealthResponse> => {
      try {
        return await api.get('/api/health', HealthResponse, { signal });
      } catch (error) {
        if (isApiError(error, 503)) {
          const report = HealthResponse.safeParse(error.body);
          if (report.success) return report.data;
        }
        throw error;
      }
    },
    refetchInterval: 30_000,
    staleTime: 10_000,
  });
