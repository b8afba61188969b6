import type { OutcomeDue } from '@ims/contracts';
import { Badge } from '@mantine/core';
import { outcomeDueLabel } from '../outcome-format';

/** "Outcome due: NDI (session 4)" on a row of the clinician's day; the reason is in its tooltip. */
export function OutcomeDueBadge({ due }: { due: OutcomeDue }) {
  return (
    <Badge color="grape" variant="light" title={due.reason} style={{ textTransform: 'none' }}>
      Outcome due: {outcomeDueLabel(due)}
    </Badge>
  );
}
