import type { VisitNoteStatus } from '@ims/contracts';
import { Badge } from '@mantine/core';

/** "Draft" or "Signed" (with its addenda, which always travel with the note). */
export function NoteStatusBadge({ status, addendaCount = 0 }: { status: VisitNoteStatus; addendaCount?: number }) {
  if (status === 'draft') {
    return (
      <Badge color="gray" variant="light">
        Draft note
      </Badge>
    );
  }
  const addenda = addendaCount > 0 ? ` · ${addendaCount} ${addendaCount === 1 ? 'addendum' : 'addenda'}` : '';
  return (
    <Badge color="teal" variant="light">
      Signed{addenda}
    </Badge>
  );
}
