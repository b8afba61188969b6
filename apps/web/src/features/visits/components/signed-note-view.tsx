import type { VisitNote } from '@ims/contracts';
import { Button, Grid, Group, Paper, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useSessionUser } from '../../auth/use-session-user';
import { musclesQueryOptions } from '../api';
import { useCourseMuscles } from '../use-course-muscles';
import { canVisit } from '../visits-roles';
import { AddAddendumForm } from './add-addendum-form';
import { AddendaList } from './addenda-list';
import { BodyMap } from './body-map';
import { SignatureBlock } from './signature-block';
import { VisitHeader } from './visit-header';
import { VisitHistory } from './visit-history';
import { VisitNoteContent } from './visit-note-content';

const NO_MUSCLES = new Map();

/** A signed note, read-only, with its addenda and the form to add one; the body map and history beside it. */
export function SignedNoteView({ visit }: { visit: VisitNote }) {
  const user = useSessionUser();
  const muscles = useQuery(musclesQueryOptions());
  const byCode = muscles.data ? new Map(muscles.data.map((muscle) => [muscle.code, muscle])) : NO_MUSCLES;
  const course = useCourseMuscles(visit.planId, byCode);

  return (
    <Stack gap="md">
      <VisitHeader visit={visit} />
      <Group>
        <Button component={Link} to={`/visits/${visit.id}/print`} variant="default">
          Print view
        </Button>
      </Group>
      <SignatureBlock visit={visit} />
      <Grid gutter="md">
        <Grid.Col span={{ base: 12, lg: 8 }}>
          <Stack gap="md">
            <Paper p="md" component="section" aria-label="Note">
              <Title order={2} size="h4" mb="sm">
                Note
              </Title>
              <VisitNoteContent visit={visit} />
            </Paper>
            <Paper p="md">
              <Stack gap="lg">
                <AddendaList addenda={visit.addenda} />
                {canVisit(user.roles, 'chart') ? <AddAddendumForm visitId={visit.id} /> : null}
              </Stack>
            </Paper>
          </Stack>
        </Grid.Col>
        <Grid.Col span={{ base: 12, lg: 4 }}>
          <Stack gap="md">
            <Paper p="md" component="section" aria-label="Body map">
              <Title order={2} size="h4" mb="sm">
                Body map
              </Title>
              <BodyMap sites={visit.sites.map((site) => ({ muscle: site.muscle, side: site.side }))} course={course} />
            </Paper>
            <VisitHistory patientId={visit.patientId} currentId={visit.id} />
          </Stack>
        </Grid.Col>
      </Grid>
    </Stack>
  );
}
