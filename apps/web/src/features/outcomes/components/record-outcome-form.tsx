import type { CreateOutcomeRequest, OutcomeMeasure, OutcomeMeasureDefinition, OutcomeRecord, OutcomeTimepoint, PlanOutcomes } from '@ims/contracts';
import { Alert, Button, Group, NumberInput, Radio, Select, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMemo, useState } from 'react';
import { Controller, useForm, useWatch, type Path } from 'react-hook-form';
import { ApiError } from '../../../lib/api-client';
import { errorMessage } from '../../../lib/error-message';
import { sentence } from '../../../lib/form-errors';
import { useIdempotencyKey } from '../../patients/use-idempotency-key';
import { useRecordOutcome } from '../api';
import { formatScore, TIMEPOINT_LABELS } from '../outcome-format';
import {
  baselineBlocked,
  emptyAnswers,
  formPathOf,
  outcomeFormDefaults,
  outcomeResolver,
  previewScore,
  psfsDefaults,
  psfsReference,
  type OutcomeFormControl,
  type OutcomeFormPreset,
  type OutcomeFormValues,
} from '../outcome-form';
import { OutcomeItemsFields } from './outcome-items-fields';
import { PsfsActivitiesFields } from './psfs-activities-fields';
import { ScorePreview } from './score-preview';

const TIMEPOINTS: OutcomeTimepoint[] = ['baseline', 'session', 'discharge', 'adhoc'];

interface RecordOutcomeFormProps {
  outcomes: PlanOutcomes;
  definitions: readonly OutcomeMeasureDefinition[];
  /** A due outcome's measure and time point, to record it in one step. */
  preset?: OutcomeFormPreset;
  onRecorded: (record: OutcomeRecord) => void;
  onCancel: () => void;
}

/** The plan's primary measure first, then the rest in the API's order. */
function measureOptions(definitions: readonly OutcomeMeasureDefinition[], primary: OutcomeMeasure) {
  const ordered = [...definitions].sort((a, b) => Number(b.id === primary) - Number(a.id === primary));
  return ordered.map((definition) => ({ value: definition.id, label: `${definition.name}: ${definition.fullName}` }));
}

function LiveScorePreview({ control, ...props }: { control: OutcomeFormControl } & Omit<Parameters<typeof ScorePreview>[0], 'score'>) {
  const [measure, answers, activities] = useWatch({ control, name: ['measure', 'answers', 'activities'] });
  return <ScorePreview {...props} score={previewScore({ measure, answers, activities })} />;
}

/**
 * Records one outcome measurement on a plan: the measure (the plan's primary by default), when it was taken, then the
 * instrument's items as printed, with the score previewed live by the published rule. Unanswered items are allowed
 * as far as the instrument tolerates them; refusals of the API land on the item they name.
 */
export function RecordOutcomeForm({ outcomes, definitions, preset, onRecorded, onCancel }: RecordOutcomeFormProps) {
  const record = useRecordOutcome(outcomes.planId);
  const idempotencyKey = useIdempotencyKey();
  const [unplaced, setUnplaced] = useState<unknown>(null);
  const resolver = useMemo(() => outcomeResolver({ planId: outcomes.planId, signedSessions: outcomes.signedSessions }), [outcomes.planId, outcomes.signedSessions]);
  const form = useForm<OutcomeFormValues, unknown, CreateOutcomeRequest>({
    resolver,
    defaultValues: outcomeFormDefaults(outcomes, preset, new Date()),
  });
  // Answers are watched by the preview alone, so a click re-renders the preview, not every item.
  const [measure, timepoint] = useWatch({ control: form.control, name: ['measure', 'timepoint'] });
  const definition = definitions.find((entry) => entry.id === measure);
  const baselineReason = baselineBlocked(outcomes, measure);
  const baselineScore = outcomes.measures.find((entry) => entry.measure === measure)?.baseline?.score ?? null;
  const { errors } = form.formState;
  const clearAnswersError = () => form.clearErrors('root.answers');

  const chooseMeasure = (next: OutcomeMeasure) => {
    form.setValue('measure', next);
    form.setValue('answers', emptyAnswers(next));
    form.setValue('activities', psfsDefaults(outcomes));
    if (form.getValues('timepoint') === 'baseline' && baselineBlocked(outcomes, next)) form.setValue('timepoint', 'session');
    form.clearErrors();
  };

  const onSubmit = (body: CreateOutcomeRequest) => {
    setUnplaced(null);
    record.mutate(
      { body, idempotencyKey: idempotencyKey(body) },
      {
        onSuccess: (created) => {
          notifications.show({ color: 'teal', message: `${definition?.name ?? created.measure} recorded: ${formatScore(created.score, definition?.unit ?? 'points')}.` });
          onRecorded(created);
        },
        onError: (error) => {
          if (!placeProblem(error)) setUnplaced(error);
        },
      },
    );
  };

  /** Puts the API's field errors on the items and fields they name; false when none could be placed. */
  const placeProblem = (error: unknown): boolean => {
    if (!(error instanceof ApiError) || !error.problem.errors?.length) return false;
    let placed = false;
    for (const fieldError of error.problem.errors) {
      const path = formPathOf(form.getValues('measure'), fieldError.path);
      if (!path) continue;
      form.setError(path as Path<OutcomeFormValues>, { type: 'server', message: sentence(fieldError.message) }, { shouldFocus: !placed });
      placed = true;
    }
    return placed;
  };

  return (
    <form noValidate aria-label="Record outcome" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="md">
        {unplaced ? (
          <Alert color="red" variant="light" title="Outcome not recorded">
            {errorMessage(unplaced)}
          </Alert>
        ) : null}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <Controller
            control={form.control}
            name="measure"
            render={({ field, fieldState }) => (
              <Select
                label="Measure"
                required
                data={measureOptions(definitions, outcomes.primaryMeasure)}
                value={field.value}
                onChange={(next) => next && chooseMeasure(next as OutcomeMeasure)}
                onBlur={field.onBlur}
                allowDeselect={false}
                error={sentence(fieldState.error?.message)}
              />
            )}
          />
          <TextInput type="datetime-local" label="Taken at" required error={sentence(errors.takenAt?.message)} {...form.register('takenAt')} />
        </SimpleGrid>
        <Controller
          control={form.control}
          name="timepoint"
          render={({ field, fieldState }) => (
            <Radio.Group
              label="Time point"
              required
              value={field.value}
              onChange={(next) => field.onChange(next as OutcomeTimepoint)}
              description={baselineReason ?? undefined}
              error={sentence(fieldState.error?.message)}
            >
              <Group gap="lg" mt={6}>
                {TIMEPOINTS.map((option) => (
                  <Radio key={option} value={option} label={TIMEPOINT_LABELS[option]} disabled={option === 'baseline' && baselineReason !== null} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        {timepoint === 'session' ? (
          <Controller
            control={form.control}
            name="sessionNumber"
            render={({ field, fieldState }) => (
              <NumberInput
                label="Session number"
                required
                description={`${outcomes.signedSessions} of ${outcomes.plannedSessions} sessions signed`}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                min={1}
                allowDecimal={false}
                allowNegative={false}
                clampBehavior="none"
                maw={220}
                error={sentence(fieldState.error?.message)}
              />
            )}
          />
        ) : null}
        {definition ? (
          <Stack gap="sm" component="section" aria-label={`${definition.name} answers`}>
            <Title order={3} size="h5">
              {definition.name}: {definition.fullName}
            </Title>
            {definition.activities ? (
              <PsfsActivitiesFields activities={definition.activities} control={form.control} reference={psfsReference(outcomes)} onAnswered={clearAnswersError} />
            ) : (
              <OutcomeItemsFields definition={definition} control={form.control} onAnswered={clearAnswersError} />
            )}
            <LiveScorePreview control={form.control} definition={definition} baselineScore={baselineScore} atBaseline={timepoint === 'baseline'} />
            {errors.root?.answers ? (
              <Alert color="red" variant="light" title="Answers not accepted">
                {sentence(errors.root.answers.message)}
              </Alert>
            ) : null}
            <Text size="xs" c="dimmed">
              {definition.missingRule}
            </Text>
          </Stack>
        ) : null}
        <Group>
          <Button type="submit" loading={record.isPending}>
            Record outcome
          </Button>
          <Button variant="default" onClick={onCancel}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
