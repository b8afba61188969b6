import type { PlanOutcomes } from '@ims/contracts';
import { Modal, Skeleton } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { outcomeDefinitionsQueryOptions } from '../api';
import type { OutcomeFormPreset } from '../outcome-form';
import { RecordOutcomeForm } from './record-outcome-form';

interface RecordOutcomeDialogProps {
  outcomes: PlanOutcomes;
  opened: boolean;
  /** The due outcome it was opened for, if any. */
  preset?: OutcomeFormPreset;
  onClose: () => void;
}

/** The recording form in a dialog over the plan page; the instruments are fetched the first time it opens. */
export function RecordOutcomeDialog({ outcomes, opened, preset, onClose }: RecordOutcomeDialogProps) {
  const definitions = useQuery({ ...outcomeDefinitionsQueryOptions(), enabled: opened });
  return (
    <Modal opened={opened} onClose={onClose} title="Record outcome" size="xl">
      {definitions.isPending ? (
        <Skeleton h={240} aria-label="Loading the outcome measures" />
      ) : definitions.isError ? (
        <ErrorPanel title="Could not load the outcome measures" error={definitions.error} onRetry={() => void definitions.refetch()} />
      ) : (
        <RecordOutcomeForm outcomes={outcomes} definitions={definitions.data} preset={preset} onRecorded={onClose} onCancel={onClose} />
      )}
    </Modal>
  );
}
