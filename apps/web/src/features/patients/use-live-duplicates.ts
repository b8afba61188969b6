import { DateOfBirth, PhoneNumber, type DuplicateCheckRequest } from '@ims/contracts';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { useWatch, type Control } from 'react-hook-form';
import { duplicateCheckQueryOptions } from './api';
import type { PatientFormInput, PatientFormValues } from './patient-form-schema';

const DEBOUNCE_MS = 400;

interface DuplicateInputs {
  firstName?: string;
  lastName?: string;
  dateOfBirth?: string;
  phone?: unknown;
  healthNumber?: string | null;
  email?: string | null;
}

/**
 * The duplicate question the form can already ask: both names and a valid date of birth, plus the phone, health
 * number and email once they are valid. Null until then (the API needs the three).
 */
export function duplicateCheckFrom(values: DuplicateInputs): DuplicateCheckRequest | null {
  const firstName = values.firstName?.trim();
  const lastName = values.lastName?.trim();
  const dateOfBirth = DateOfBirth.safeParse(values.dateOfBirth);
  if (!firstName || !lastName || !dateOfBirth.success) return null;
  const request: DuplicateCheckRequest = { firstName, lastName, dateOfBirth: dateOfBirth.data };
  const phone = PhoneNumber.safeParse(values.phone);
  if (phone.success) request.phone = phone.data;
  const healthNumber = values.healthNumber?.trim();
  if (healthNumber) request.healthNumber = healthNumber;
  const email = values.email?.trim();
  if (email && /^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(email)) request.email = email.toLowerCase();
  return request;
}

/**
 * Watches the identifying fields of a registration and, once they are filled (and the typing pauses), asks
 * `POST /api/patients/duplicates` who this might already be.
 */
export function useLiveDuplicates(control: Control<PatientFormInput, unknown, PatientFormValues>) {
  const [firstName, lastName, dateOfBirth, phone, healthNumber, email] = useWatch({
    control,
    name: ['firstName', 'lastName', 'dateOfBirth', 'phone', 'healthNumber', 'email'],
  });
  // Debounced as text: a fresh object every render would restart the timer forever.
  const asked = JSON.stringify(duplicateCheckFrom({ firstName, lastName, dateOfBirth, phone, healthNumber, email }));
  const [settled] = useDebouncedValue(asked, DEBOUNCE_MS);
  const request = JSON.parse(settled) as DuplicateCheckRequest | null;
  const query = useQuery({
    ...duplicateCheckQueryOptions(request ?? { firstName: '', lastName: '', dateOfBirth: '' }),
    enabled: request !== null,
  });
  return { candidates: request ? (query.data?.candidates ?? []) : [], checking: query.isFetching };
}
