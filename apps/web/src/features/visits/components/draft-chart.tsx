import type { VisitNote } from '@ims/contracts';
import { Skeleton, Stack } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { patientQueryOptions } from '../../patients/api';
import { consentsQueryOptions } from '../../patients/clinical-api';
import { PrecautionsBanner } from '../../patients/components/precautions-banner';
import { useMuscleCatalogue } from '../use-muscle-catalogue';
import { VisitDraftForm } from './visit-draft-form';
import { VisitHeader } from './visit-header';
import { VisitHistory } from './visit-history';

interface DraftChartProps {
  visit: VisitNote;
  /** Changes when the note is reloaded after a conflict, so the form starts again from the note as it now is. */
  generation: number;
  onConflictReload: (localText: string) => void;
}

/** Charting a draft: who and when, the precautions to respect, then the form. */
export function DraftChart({ visit, generation, onConflictReload }: DraftChartProps) {
  const { catalogue, isPending, error, refetch } = useMuscleCatalogue({ patientId: visit.patientId, clinicianId: visit.clinicianId, visitId: visit.id });
  const patient = useQuery(patientQueryOptions(visit.patientId));
  const consents = useQuery(consentsQueryOptions(visit.patientId));
  const inForce = consents.data?.inForce;

  return (
    <Stack gap="md">
      <VisitHeader visit={visit} />
      {patient.data ? <PrecautionsBanner patient={patient.data} /> : null}
      {/* The form waits for the catalogue: levels and depth checks depend on it, and a save without them would drop both. */}
      {isPending ? <Skeleton h={400} aria-label="Loading the muscle catalogue" /> : null}
      {error ? <ErrorPanel title="Could not load the muscle catalogue" error={error} onRetry={() => void refetch()} /> : null}
      {!isPending && !error ? (
        <VisitDraftForm
          key={generation}
          visit={visit}
          catalogue={catalogue}
          thoraxConsented={inForce ? inForce.thoraxIncluded : undefined}
          onConflictReload={onConflictReload}
          aside={<VisitHistory patientId={visit.patientId} currentId={visit.id} />}
        />
      ) : null}
    </Stack>
  );
}
