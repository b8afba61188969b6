import { Badge, Skeleton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { consentsQueryOptions } from '../../patients/clinical-api';
import { formatDate } from '../../patients/patient-format';

/** Whether IMS consent is in force today, and whether it covers thoracic muscles (the two consent sign rules). */
export function ConsentStatus({ patientId }: { patientId: string }) {
  const consents = useQuery(consentsQueryOptions(patientId));
  if (consents.isPending) return <Skeleton h={22} w={200} aria-label="Loading consent" />;
  if (consents.isError) return <Badge color="gray" variant="light">Consent could not be loaded</Badge>;
  const inForce = consents.data.inForce;
  if (!inForce) {
    return (
      <Badge color="red" variant="light">
        No IMS consent in force
      </Badge>
    );
  }
  return (
    <Badge color="teal" variant="light" title={`Taken by ${inForce.takenBy.name}`}>
      Consent since {formatDate(inForce.consentedOn)} · {inForce.thoraxIncluded ? 'thorax included' : 'thorax not included'}
    </Badge>
  );
}
