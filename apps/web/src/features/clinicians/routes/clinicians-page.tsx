import { Group, Paper, Select, Skeleton, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useSearchParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { clinicsQueryOptions } from '../../clinics/api';
import { cliniciansQueryOptions } from '../api';
import { CliniciansTable } from '../components/clinicians-table';

/** `/admin/clinicians` (admin): every clinician with whether they may needle today. */
export function CliniciansPage() {
  const [params, setParams] = useSearchParams();
  const clinicId = params.get('clinicId') ?? undefined;
  const clinics = useQuery(clinicsQueryOptions());
  const clinicians = useQuery(cliniciansQueryOptions(clinicId));

  return (
    <>
      <PageHeader
        title="Clinicians"
        description="Registration, needling authorisations and weekly hours. New clinicians start from a user with the physiotherapist role."
      />
      <Paper p="md">
        <Group mb="md" role="search" aria-label="Filter clinicians">
          <Select
            label="Clinic"
            placeholder="All clinics"
            data={(clinics.data ?? []).map((clinic) => ({ value: clinic.id, label: clinic.name }))}
            value={clinicId ?? null}
            onChange={(value) => setParams(value ? { clinicId: value } : {}, { replace: true })}
            clearable
            w={260}
          />
        </Group>
        {clinicians.isPending ? <Skeleton h={200} aria-label="Loading clinicians" /> : null}
        {clinicians.isError ? (
          <ErrorPanel
            title="Could not load the clinicians"
            error={clinicians.error}
            onRetry={() => void clinicians.refetch()}
          />
        ) : null}
        {clinicians.data ? <CliniciansTable clinicians={clinicians.data} /> : null}
        {clinicians.data ? (
          <Text size="xs" c="dimmed" mt="sm">
            “Authorised today” is decided in each clinic’s time zone.
          </Text>
        ) : null}
      </Paper>
    </>
  );
}
