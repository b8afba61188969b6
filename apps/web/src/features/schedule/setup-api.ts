import { AppointmentTypeList, OpeningHours, RoomList } from '@ims/contracts';
import { queryOptions } from '@tanstack/react-query';
import { api } from '../../lib/api-client';

/** Query keys of a clinic's scheduling set-up as the schedule reads it (rooms, appointment types, opening hours). */
export const schedulingSetupKeys = {
  all: ['scheduling-setup'] as const,
  rooms: (clinicId: string) => [...schedulingSetupKeys.all, 'rooms', clinicId] as const,
  types: (clinicId: string) => [...schedulingSetupKeys.all, 'appointment-types', clinicId] as const,
  openingHours: (clinicId: string) => [...schedulingSetupKeys.all, 'opening-hours', clinicId] as const,
};

const STALE = 5 * 60_000;
const clinicQuery = (clinicId: string) => `?clinicId=${encodeURIComponent(clinicId)}`;

/** The clinic's rooms that can still be booked. */
export const roomsQueryOptions = (clinicId: string) =>
  queryOptions({
    queryKey: schedulingSetupKeys.rooms(clinicId),
    queryFn: ({ signal }) => api.get(`/api/rooms${clinicQuery(clinicId)}`, RoomList, { signal }),
    select: (list) => list.items.filter((room) => room.active),
    staleTime: STALE,
  });

/** All the clinic's appointment types, inactive ones included: old appointments still need their colour and name. */
export const appointmentTypesQueryOptions = (clinicId: string) =>
  queryOptions({
    queryKey: schedulingSetupKeys.types(clinicId),
    queryFn: ({ signal }) => api.get(`/api/appointment-types${clinicQuery(clinicId)}`, AppointmentTypeList, { signal }),
    select: (list) => list.items,
    staleTime: STALE,
  });

export const openingHoursQueryOptions = (clinicId: string) =>
  queryOptions({
    queryKey: schedulingSetupKeys.openingHours(clinicId),
    queryFn: ({ signal }) => api.get(`/api/clinics/${encodeURIComponent(clinicId)}/opening-hours`, OpeningHours, { signal }),
    select: (openingHours) => openingHours.hours,
    staleTime: STALE,
  });
