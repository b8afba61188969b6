import type { VisitNote } from '@ims/contracts';
import { Alert, Anchor, Button, Divider, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link, useParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { useClinicNames } from '../../clinics/api';
import { patientQueryOptions } from '../../patients/api';
import { formatDate, formatDateTime } from '../../patients/patient-format';
import { musclesQueryOptions, visitQueryOptions } from '../api';
import { AddendaList } from '../components/addenda-list';
import { BodyMap } from '../components/body-map';
import { VisitNoteContent } from '../components/visit-note-content';
import { useCourseMuscles } from '../use-course-muscles';
import { formatVisitTime, sessionLabel, shortHash } from '../visit-format';
import '../visit-print.css';

const NO_MUSCLES = new Map();

function PrintedNote({ visit }: { visit: VisitNote }) {
  const clinicName = useClinicNames();
  const patient = useQuery(patientQueryOptions(visit.patientId));
  const muscles = useQuery(musclesQueryOptions());
  const byCode = muscles.data ? new Map(muscles.data.map((muscle) => [muscle.code, muscle])) : NO_MUSCLES;
  const course = useCourseMuscles(visit.planId, byCode);
  const session = sessionLabel(visit);

  return (
    <Paper className="visit-print" p="xl" component="article" aria-label="Printable visit note">
      <Stack gap="md">
        <Group justify="space-between" align="flex-start">
          <div>
            <Text size="sm" c="dimmed">
              {clinicName(visit.clinicId)}
            </Text>
            <Title order={1} size="h2">
              IMS visit note
            </Title>
          </div>
          <Text size="sm" ta="right">
            {visit.patient.name}
            {patient.data ? (
              <>
                <br />
                Born {formatDate(patient.data.dateOfBirth)}
              </>
            ) : null}
          </Text>
        </Group>
        <Text size="sm">
          Visit {formatVisitTime(visit.visitedAt)} · {visit.clinician.name}
          {session ? ` · ${session}` : ''}
        </Text>
        <Divider />
        <VisitNoteContent visit={visit} />
        <Divider />
        <SimpleGrid cols={2} spacing="lg">
          <section aria-label="Body map">
            <Title order={3} size="h5" mb="xs">
              Body map
            </Title>
            <BodyMap sites={visit.sites.map((site) => ({ muscle: site.muscle, side: site.side }))} course={course} />
          </section>
          <section aria-label="Signature">
            <Title order={3} size="h5" mb="xs">
              Signature
            </Title>
            <Text size="sm">Signed by {visit.signedBy?.name ?? 'unknown'}</Text>
            {visit.signedAt ? <Text size="sm">on {formatDateTime(visit.signedAt)}</Text> : null}
            {visit.contentHash ? (
              <Text size="xs" mt={4}>
                Content hash <Text span ff="monospace">{shortHash(visit.contentHash)}</Text>
              </Text>
            ) : null}
            <Text size="xs" c="dimmed" mt="sm">
              Printed {formatDateTime(new Date().toISOString())}. The signed note cannot change; corrections are addenda.
            </Text>
          </section>
        </SimpleGrid>
        <Divider />
        <AddendaList addenda={visit.addenda} />
      </Stack>
    </Paper>
  );
}

/** `/visits/:id/print`: a signed note laid out for paper, addenda and body map included. */
export function VisitPrintPage() {
  const id = useParams().id ?? '';
  const visit = useQuery(visitQueryOptions(id));

  return (
    <Stack gap="md">
      <Group justify="space-between" data-print-hide>
        <Anchor component={Link} to={`/visits/${id}`} size="sm">
          Back to the note
        </Anchor>
        {visit.data?.status === 'signed' ? <Button onClick={() => window.print()}>Print</Button> : null}
      </Group>
      {visit.isPending ? <Skeleton h={480} aria-label="Loading the visit" /> : null}
      {visit.isError ? <ErrorPanel title="Could not load the visit note" error={visit.error} onRetry={() => void visit.refetch()} /> : null}
      {visit.data?.status === 'draft' ? (
        <Alert color="yellow" variant="light" title="This note is a draft">
          Only signed notes are printed: a draft can still change. Sign it first.
        </Alert>
      ) : null}
      {visit.data?.status === 'signed' ? <PrintedNote visit={visit.data} /> : null}
    </Stack>
  );
}
