import { Anchor, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useSessionUser } from '../../../auth/use-session-user';
import { can } from '../../../patients/patient-roles';
import { canPlan } from '../../../plans/plan-roles';

/** The patient's name, linking to their record when the user may open it. */
export function PatientLink({ id, name }: { id: string; name: string }) {
  const user = useSessionUser();
  if (!can(user.roles, 'search')) return <Text span>{name}</Text>;
  return (
    <Anchor component={Link} to={`/patients/${id}`}>
      {name}
    </Anchor>
  );
}

/** "Plan" linking to the treatment plan when the user may open it; nothing without a plan. */
export function PlanLink({ id, patientName }: { id: string | null; patientName: string }) {
  const user = useSessionUser();
  if (!id) return null;
  if (!canPlan(user.roles, 'open')) return <Text span>Plan</Text>;
  return (
    <Anchor component={Link} to={`/plans/${id}`} aria-label={`Plan of ${patientName}`}>
      Plan
    </Anchor>
  );
}
