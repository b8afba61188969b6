import {
  AppointmentType,
  AppointmentTypeList,
  Clinic,
  OpeningHours,
  Room,
  RoomList,
  type CreateAppointmentTypeRequest,
  type CreateRoomRequest,
  type UpdateAppointmentTypeRequest,
  type UpdateClinicRequest,
  type UpdateRoomRequest,
} from '@ims/contracts';
import { queryOptions, useMutation, useQueryClient } from '@tanstack/react-query';
import type { z } from 'zod';
import { api } from '../../lib/api-client';
import { schedulingSetupKeys } from '../schedule/setup-api';
import { clinicKeys } from './api';

type PutOpeningHours = { hours: z.input<typeof OpeningHours>['hours'] };

// Admin views live under the schedule's set-up keys, so a change here also refreshes what the calendar reads.
const adminKeys = {
  rooms: (clinicId: string) => [...schedulingSetupKeys.all, 'admin-rooms', clinicId] as const,
  types: (clinicId: string) => [...schedulingSetupKeys.all, 'admin-appointment-types', clinicId] as const,
};
const clinicQuery = (clinicId: string) => `?clinicId=${encodeURIComponent(clinicId)}`;

/** Every room of the clinic, retired ones included, so an admin can see what exists. */
export const allRoomsQueryOptions = (clinicId: string) =>
  queryOptions({
    queryKey: adminKeys.rooms(clinicId),
    queryFn: ({ signal }) => api.get(`/api/rooms${clinicQuery(clinicId)}`, RoomList, { signal }),
    select: (list) => list.items,
  });

export const allAppointmentTypesQueryOptions = (clinicId: string) =>
  queryOptions({
    queryKey: adminKeys.types(clinicId),
    queryFn: ({ signal }) => api.get(`/api/appointment-types${clinicQuery(clinicId)}`, AppointmentTypeList, { signal }),
    select: (list) => list.items,
  });

/** After any set-up write: the clinic list (names, zones) and everything the schedule derives from set-up. */
function useRefreshSetup() {
  const queryClient = useQueryClient();
  return () =>
    Promise.all([
      queryClient.invalidateQueries({ queryKey: clinicKeys.all }),
      queryClient.invalidateQueries({ queryKey: schedulingSetupKeys.all }),
    ]);
}

export function useUpdateClinic(id: string) {
  const refresh = useRefreshSetup();
  return useMutation({
    mutationFn: (body: UpdateClinicRequest) => api.patch(`/api/clinics/${encodeURIComponent(id)}`, body, Clinic),
    onSuccess: refresh,
  });
}

/** Replaces the clinic's weekly opening hours as a whole. */
export function usePutOpeningHours(clinicId: string) {
  const refresh = useRefreshSetup();
  return useMutation({
    mutationFn: (body: PutOpeningHours) =>
      api.put(`/api/clinics/${encodeURIComponent(clinicId)}/opening-hours`, body, OpeningHours),
    onSuccess: refresh,
  });
}

export function useCreateRoom() {
  const refresh = useRefreshSetup();
  return useMutation({ mutationFn: (body: CreateRoomRequest) => api.post('/api/rooms', body, Room), onSuccess: refresh });
}

export function useUpdateRoom() {
  const refresh = useRefreshSetup();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateRoomRequest & { id: string }) =>
      api.patch(`/api/rooms/${encodeURIComponent(id)}`, body, Room),
    onSuccess: refresh,
  });
}

export function useCreateAppointmentType() {
  const refresh = useRefreshSetup();
  return useMutation({
    mutationFn: (body: CreateAppointmentTypeRequest) => api.post('/api/appointment-types', body, AppointmentType),
    onSuccess: refresh,
  });
}

export function useUpdateAppointmentType() {
  const refresh = useRefreshSetup();
  return useMutation({
    mutationFn: ({ id, ...body }: UpdateAppointmentTypeRequest & { id: string }) =>
      api.patch(`/api/appointment-types/${encodeURIComponent(id)}`, body, AppointmentType),
    onSuccess: refresh,
  });
}
