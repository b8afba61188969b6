import { SeriesCommitResponse, SeriesPreviewResponse, type SeriesCommitRequest, type SeriesPreviewRequest } from '@ims/contracts';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { afterAppointmentChange } from './api';

/** `POST /api/appointments/series/preview`: a read sent as POST, so a mutation the wizard triggers on demand. */
export function useSeriesPreview() {
  return useMutation({
    mutationFn: (body: SeriesPreviewRequest) => api.post('/api/appointments/series/preview', body, SeriesPreviewResponse),
  });
}

/** `POST /api/appointments/series`: the chosen occurrences, all booked or none, under the attempt's key. */
export function useSeriesCommit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: SeriesCommitRequest; idempotencyKey: string }) =>
      api.post('/api/appointments/series', body, SeriesCommitResponse, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: () => afterAppointmentChange(queryClient),
  });
}
