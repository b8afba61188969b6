import { Button, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { useSessionUser } from '../../auth/use-session-user';
import { myDayQueryOptions } from '../api';
import { canMyDay } from '../my-day-roles';

function plural(count: number, one: string, many: string) {
  return `${count} ${count === 1 ? one : many}`;
}

/**
 * Today's start page entry to the clinician's day: for a physiotherapist, what today holds (appointments, notes
 * still to sign, reviews due); for a manager, the way to any clinician's day. Nothing for other roles.
 */
export function MyDayCard() {
  const user = useSessionUser();
  const isClinician = canMyDay(user.roles, 'chart');
  if (!canMyDay(user.roles, 'view')) return null;
  return (
    <Paper p="lg" component="section" aria-labelledby="my-day-card-title">
      <Title order={2} size="h4" id="my-day-card-title" mb="sm">
        {isClinician ? 'My day' : 'Clinicians’ days'}
      </Title>
      {isClinician ? <TodayCounts /> : <Text size="sm">Each clinician’s appointments, plan progress and notes of a day.</Text>}
      <Button component={Link} to="/my-day" variant="light" mt="md">
        {isClinician ? 'Open my day' : 'Open a clinician’s day'}
      </Button>
    </Paper>
  );
}

function TodayCounts() {
  const day = useQuery(myDayQueryOptions({}));
  if (!day.data) return <Text size="sm">Your appointments, precautions, plan progress and notes of today.</Text>;
  const { items } = day.data;
  const drafts = items.filter((item) => item.visit?.status === 'draft').length;
  const reviews = items.filter((item) => item.plan?.reviewDue).length;
  const parts = [plural(items.length, 'appointment', 'appointments')];
  if (drafts) parts.push(plural(drafts, 'note to finish', 'notes to finish'));
  if (reviews) parts.push(plural(reviews, 'review due', 'reviews due'));
  return <Text size="sm">Today: {parts.join(' · ')}.</Text>;
}
