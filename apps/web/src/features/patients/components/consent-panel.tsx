import type { Consent, Patient } from '@ims/contracts';
import { Alert, Button, Group, Paper, Skeleton, Stack, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { consentsQueryOptions } from '../clinical-api';
import { formatDate } from '../patient-format';
import { ConsentForm } from './consent-form';
import { ConsentsTable } from './consents-table';
import { WithdrawConsentDialog } from './withdraw-consent-dialog';

/** The Consent tab (physiotherapist): whether IMS consent is in force today, the record, and new consents. */
export function ConsentPanel({ patient }: { patient: Patient }) {
  const consents = useQuery(consentsQueryOptions(patient.id));
  const [recording, setRecording] = useState(false);
  const [withdrawing, setWithdrawing] = useState<Consent | null>(null);

  if (consents.isPending) return <Skeleton h={200} aria-label="Loading consents" />;
  if (consents.isError) {
    return <ErrorPanel title="Could not load the consents" error={consents.error} onRetry={() => void consents.refetch()} />;
  }
  const { inForce, items } = consents.data;

  return (
    <Stack gap="lg">
      {inForce ? (
        <Alert color="teal" variant="light" title="IMS consent in force">
          Since {formatDate(inForce.consentedOn)}, taken by {inForce.takenBy.name}
          {inForce.thoraxIncluded ? '; thoracic muscles included (pneumothorax disclosed).' : '; thoracic muscles not included.'}
        </Alert>
      ) : (
        <Alert color="red" variant="light" title="No IMS consent in force">
          Record the patient’s informed consent before needling.
        </Alert>
      )}
      {recording ? (
        <Paper p="md">
          <Stack gap="sm">
            <Title order={2} size="h4">
              Record consent
            </Title>
            <ConsentForm patient={patient} onDone={() => setRecording(false)} />
          </Stack>
        </Paper>
      ) : patient.anonymisedAt ? null : (
        <Group>
          <Button onClick={() => setRecording(true)}>Record consent</Button>
        </Group>
      )}
      <ConsentsTable consents={items} onWithdraw={setWithdrawing} />
      <WithdrawConsentDialog patientId={patient.id} consent={withdrawing} onClose={() => setWithdrawing(null)} />
    </Stack>
  );
}
