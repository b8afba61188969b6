import type { PlanStatus } from '@ims/contracts';
import { Badge } from '@mantine/core';
import { PLAN_STATUS } from '../plan-labels';

export function PlanStatusBadge({ status }: { status: PlanStatus }) {
  const { label, color } = PLAN_STATUS[status];
  return (
    <Badge color={color} variant="light">
      {label}
    </Badge>
  );
}

/** Session 4 is signed and nobody has recorded the clinician's decision yet. */
export function ReviewDueBadge() {
  return (
    <Badge color="yellow" variant="filled">
      Review due
    </Badge>
  );
}
