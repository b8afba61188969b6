import { PRECAUTIONS, type Patient } from '@ims/contracts';
import { Alert, List, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSessionUser } from '../../auth/use-session-user';
import { screeningQueryOptions } from '../clinical-api';
import { formatDateTime } from '../patient-format';
import { can } from '../patient-roles';

const LABELS = new Map<string, string>(PRECAUTIONS.map((precaution) => [precaution.key, precaution.label]));

/**
 * The safety banner at the top of every clinical screen about a patient. Clinicians read which precautions the
 * current screening found (or that there is none yet); everyone else sees only that precautions exist.
 */
export function PrecautionsBanner({ patient }: { patient: Patient }) {
  const user = useSessionUser();
  if (can(user.roles, 'clinical')) return <ClinicalPrecautions patientId={patient.id} />;
  if (!patient.flags.precautionsPresent) return null;
  return (
    <Alert color="orange" variant="light" title="Precautions recorded" role="region">
      <Text size="sm">A physiotherapist has recorded precautions for this patient.</Text>
    </Alert>
  );
}

function ClinicalPrecautions({ patientId }: { patientId: string }) {
  const screening = useQuery(screeningQueryOptions(patientId));
  if (screening.isPending) return <Skeleton h={48} aria-label="Loading precautions" />;
  if (screening.isError) {
    return (
      <Alert color="red" variant="light" title="Precautions could not be loaded" role="region">
        Check the Screening tab before needling.
      </Alert>
    );
  }
  const current = screening.data.current;
  if (!current) {
    return (
      <Alert color="yellow" variant="light" title="Not screened yet" role="region">
        Screen for precautions and contraindications before the first needling.
      </Alert>
    );
  }
  if (!current.precautionsPresent) {
    return (
      <Alert color="teal" variant="light" title="No precautions found" role="region">
        Screened {formatDateTime(current.recordedAt)} by {current.recordedBy.name}.
      </Alert>
    );
  }
  return (
    <Alert color="#a8400c" variant="filled" title="Precautions" role="region">
      <List size="sm" c="white">
        {current.precautions.map((key) => {
          const note = current.items[key].notes;
          return (
            <List.Item key={key}>
              {LABELS.get(key) ?? key}
              {note ? `: ${note}` : ''}
            </List.Item>
          );
        })}
      </List>
      <Text size="xs" mt={6}>
        Screened {formatDateTime(current.recordedAt)} by {current.recordedBy.name}.
      </Text>
    </Alert>
  );
}
