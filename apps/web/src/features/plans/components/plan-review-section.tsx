import { zodResolver } from '@hookform/resolvers/zod';
import { REVIEW_AT_SESSION, ReviewPlanRequest, type Plan } from '@ims/contracts';
import { Alert, Button, Group, Paper, Stack, Text, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useForm } from 'react-hook-form';
import type { z } from 'zod';
import { StaleVersionAlert } from '../../../components/ui/stale-version-alert';
import { isApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { formatDateTime } from '../../patients/patient-format';
import { usePlanAction } from '../api';

const NoteForm = ReviewPlanRequest.pick({ note: true });
type Input = z.input<typeof NoteForm>;
type Values = z.output<typeof NoteForm>;
const FIELDS = ['note'] as const;

interface PlanReviewSectionProps {
  plan: Plan;
  /** Physiotherapists record the review; others read it. */
  canRecord: boolean;
  onReload: () => void;
  reloading: boolean;
}

/**
 * The session-4 review (domain.md): by then a patient without meaningful change needs the clinician's decision.
 * Shows the review once recorded, the form while it is due, and nothing before.
 */
export function PlanReviewSection({ plan, canRecord, onReload, reloading }: PlanReviewSectionProps) {
  if (plan.reviewedAt) {
    return (
      <Stack gap={4} component="section" aria-label="Session-4 review">
        <Title order={2} size="h4">
          Session-{REVIEW_AT_SESSION} review
        </Title>
        <Text size="sm" style={{ whiteSpace: 'pre-wrap' }}>
          {plan.reviewNote}
        </Text>
        <Text size="xs" c="dimmed">
          Recorded {formatDateTime(plan.reviewedAt)}
          {plan.reviewedBy ? ` by ${plan.reviewedBy.name}` : ''}
        </Text>
      </Stack>
    );
  }
  if (!plan.reviewDue) return null;
  if (!canRecord) {
    return (
      <Alert color="yellow" variant="light" title="Review due">
        Session {REVIEW_AT_SESSION} is signed; the clinician’s review is not recorded yet.
      </Alert>
    );
  }
  return <ReviewForm plan={plan} onReload={onReload} reloading={reloading} />;
}

function ReviewForm({ plan, onReload, reloading }: Omit<PlanReviewSectionProps, 'canRecord'>) {
  const review = usePlanAction(plan.id);
  const form = useForm<Input, unknown, Values>({ resolver: zodResolver(NoteForm), defaultValues: { note: '' } });
  const { errors } = form.formState;
  const stale = isApiError(review.error, 409);
  const onSubmit = ({ note }: Values) =>
    review.mutate(
      { action: 'review', body: { version: plan.version, note } },
      {
        onSuccess: () => notifications.show({ color: 'teal', message: 'Review recorded.' }),
        onError: (error) => void applyProblemToForm(error, form.setError, FIELDS),
      },
    );

  return (
    <Paper p="md" bg="yellow.0">
      <form noValidate aria-label={`Record session-${REVIEW_AT_SESSION} review`} onSubmit={form.handleSubmit(onSubmit)}>
        <Stack gap="sm">
          <Title order={2} size="h4">
            Record session-{REVIEW_AT_SESSION} review
          </Title>
          <Text size="sm">
            {plan.completedSessions} sessions are signed. Compare the primary measure with its baseline and record your
            decision: continue, change the approach, or discharge.
          </Text>
          {stale ? (
            <StaleVersionAlert
              what="this plan"
              reloading={reloading}
              onReload={() => {
                review.reset();
                onReload();
              }}
            />
          ) : null}
          {review.isError && !stale && errors.note?.type !== 'server' ? (
            <Alert color="red" variant="light">
              {errorMessage(review.error)}
            </Alert>
          ) : null}
          <Textarea label="Review and decision" required autosize minRows={3} error={sentence(errors.note?.message)} {...form.register('note')} />
          <Group>
            <Button type="submit" loading={review.isPending}>
              Record review
            </Button>
          </Group>
        </Stack>
      </form>
    </Paper>
  );
}
