import type { Patient, SessionUser } from '@ims/contracts';
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { sentence } from '../../../lib/form-errors';
import { clinicsQueryOptions } from '../../clinics/api';

/** Where a clinical record is made: the patient's home clinic when the clinician works there, else their first. */
export function defaultClinicFor(user: SessionUser, patient: Patient): string {
  return user.clinicIds.includes(patient.homeClinicId) ? patient.homeClinicId : (user.clinicIds[0] ?? '');
}

interface ClinicChoiceProps {
  user: SessionUser;
  value: string;
  onChange: (clinicId: string) => void;
  error?: string;
}

/** "At which clinic": asked only of clinicians who work at more than one; the others' answer is implied. */
export function ClinicChoice({ user, value, onChange, error }: ClinicChoiceProps) {
  const clinics = useQuery(clinicsQueryOptions());
  if (user.clinicIds.length < 2) return null;
  const mine = (clinics.data ?? []).filter((clinic) => user.clinicIds.includes(clinic.id));
  return (
    <Select
      label="Clinic"
      required
      data={mine.map((clinic) => ({ value: clinic.id, label: clinic.name }))}
      value={value || null}
      onChange={(next) => onChange(next ?? '')}
      error={sentence(error)}
      allowDeselect={false}
      maw={320}
    />
  );
}
