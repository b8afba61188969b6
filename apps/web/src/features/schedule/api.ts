import {
  Appointment,
  AppointmentHistory,
  AppointmentList,
  type AppointmentStatus,
  type CancelAppointmentRequest,
  type CreateAppointmentRequest,
  type MoveAppointmentRequest,
} from '@ims/contracts';
import { keepPreviousData, queryOptions, useMutation, useQueryClient, type QueryClient } from '@tanstack/react-query';
import { api } from '../../lib/api-client';
import { toQueryString } from '../../lib/query-string';
import { waitlistKeys } from '../waitlist/api';

export interface AppointmentFilters {
  clinicId: string;
  from: string;
  to: string;
  clinicianId?: string;
  roomId?: string;
  patientId?: string;
  status?: AppointmentStatus;
}

/** Query keys of the schedule, general to specific. */
export const appointmentKeys = {
  all: ['appointments'] as const,
  lists: () => [...appointmentKeys.all, 'list'] as const,
  list: (filters: AppointmentFilters) => [...appointmentKeys.lists(), filters] as const,
  histories: () => [...appointmentKeys.all, 'history'] as const,
  history: (id: string) => [...appointmentKeys.histories(), id] as const,
};

const appointmentPath = (id: string) => `/api/appointments/${encodeURIComponent(id)}`;

/** `GET /api/appointments`: those overlapping [from, to), by start. The last range stays shown while the next loads. */
export const appointmentsQueryOptions = (filters: AppointmentFilters) =>
  queryOptions({
    queryKey: appointmentKeys.list(filters),
    queryFn: ({ signal }) => api.get(`/api/appointments${toQueryString({ ...filters })}`, AppointmentList, { signal }),
    select: (list) => list.items,
    placeholderData: keepPreviousData,
    // The front desk works from this screen all day: others' bookings should appear without a reload.
    refetchInterval: 60_000,
  });

export const appointmentHistoryQueryOptions = (id: string) =>
  queryOptions({
    queryKey: appointmentKeys.history(id),
    queryFn: ({ signal }) => api.get(`${appointmentPath(id)}/history`, AppointmentHistory, { signal }),
    select: (history) => history.items,
  });

/**
 * Every schedule list may show the changed appointment, its history grew, and a cancel, no-show or move may free a
 * slot the waitlist can offer.
 */
export function afterAppointmentChange(queryClient: QueryClient, id?: string) {
  return Promise.all([
    queryClient.invalidateQueries({ queryKey: appointmentKeys.lists() }),
    id ? queryClient.invalidateQueries({ queryKey: appointmentKeys.history(id) }) : undefined,
    queryClient.invalidateQueries({ queryKey: waitlistKeys.offersAll() }),
  ]);
}

/** `POST /api/appointments` with the attempt's `Idempotency-Key`, so a retry never books twice. */
export function useCreateAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ body, idempotencyKey }: { body: CreateAppointmentRequest; idempotencyKey: string }) =>
      api.post('/api/appointments', body, Appointment, { headers: { 'Idempotency-Key': idempotencyKey } }),
    onSuccess: (appointment) => afterAppointmentChange(queryClient, appointment.id),
  });
}

/** `PATCH /api/appointments/:id`: a new time, clinician or room, with the version being moved. */
export function useMoveAppointment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, body }: { id: string; body: MoveAppointmentRequest }) => api.patch(appointmentPath(id), body, Appointment),
    onSettled: (_data, _error, { id }) => afterAppointmentChange(queryClient, id),
  });
}

export type StatusAction =
  | { action: 'arrive'; id: string; version: number }
  | { action: 'no-show'; id: string; version: number }
  | ({ action: 'cancel'; id: string } & CancelAppointmentRequest);

/** `POST /api/appointments/:id/{arrive,no-show,cancel}` with the version the person saw. */
export function useAppointmentStatusChange() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ action, id, ...body }: StatusAction) => api.post(`${appointmentPath(id)}/${action}`, body, Appointment),
    onSettled: (_data, _error, { id }) => afterAppointmentChange(queryClient, id),
  });
}
