import { CONDITIONS, MUSCLE_REGIONS, OUTCOME_MEASURE_IDS, USUAL_PLANNED_SESSIONS } from '@ims/contracts';
import { Checkbox, MultiSelect, NumberInput, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { Controller, useWatch, type UseFormReturn } from 'react-hook-form';
import { sentence } from '../../../lib/form-errors';
import { MEASURE_LABELS } from '../plan-labels';
import { isUnusualSessions, suggestedMeasure, type PlanFormInput, type PlanFormValues } from '../plan-form-schema';

const CONDITION_OPTIONS = CONDITIONS.map((condition) => ({ value: condition.key, label: condition.label }));
const REGION_OPTIONS = MUSCLE_REGIONS.map((region) => ({ value: region.key, label: region.label }));
const MEASURE_OPTIONS = OUTCOME_MEASURE_IDS.map((id) => ({ value: id, label: MEASURE_LABELS[id] }));

interface PlanFieldsProps {
  form: UseFormReturn<PlanFormInput, unknown, PlanFormValues>;
  /** A new plan preselects the measure that suits the condition until the clinician picks one themselves. */
  suggestMeasure: boolean;
}

/** The clinical fields of a plan, shared by planning a course and editing it. */
export function PlanFields({ form, suggestMeasure }: PlanFieldsProps) {
  const { errors } = form.formState;
  const [condition, plannedSessions] = useWatch({ control: form.control, name: ['condition', 'plannedSessions'] });

  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Controller
          control={form.control}
          name="condition"
          render={({ field, fieldState }) => (
            <Select
              label="Condition"
              required
              placeholder="Choose the condition"
              data={CONDITION_OPTIONS}
              value={field.value ?? null}
              onChange={(next) => {
                field.onChange(next ?? undefined);
                const measure = suggestedMeasure(next as PlanFormInput['condition'] | undefined);
                const picked = form.getFieldState('primaryMeasure').isDirty;
                if (suggestMeasure && measure && !picked) form.setValue('primaryMeasure', measure);
              }}
              onBlur={field.onBlur}
              allowDeselect={false}
              error={sentence(fieldState.error?.message)}
            />
          )}
        />
        {condition === 'other' ? (
          <TextInput
            label="Condition in your words"
            required
            error={sentence(errors.conditionDetail?.message)}
            {...form.register('conditionDetail')}
          />
        ) : null}
      </SimpleGrid>
      <Controller
        control={form.control}
        name="regions"
        render={({ field, fieldState }) => (
          <MultiSelect
            label="Regions to treat"
            placeholder="Choose regions"
            data={REGION_OPTIONS}
            value={field.value ?? []}
            onChange={field.onChange}
            onBlur={field.onBlur}
            clearable
            error={sentence(fieldState.error?.message)}
          />
        )}
      />
      <Textarea
        label="Goals"
        autosize
        minRows={2}
        placeholder="e.g. Turn the head to reverse the car without pain"
        error={sentence(errors.goals?.message)}
        {...form.register('goals')}
      />
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <Controller
          control={form.control}
          name="plannedSessions"
          render={({ field, fieldState }) => (
            <NumberInput
              label="Planned sessions"
              description={`Usually ${USUAL_PLANNED_SESSIONS.min}-${USUAL_PLANNED_SESSIONS.max}`}
              required
              min={1}
              max={30}
              allowDecimal={false}
              allowNegative={false}
              value={typeof field.value === 'number' && !Number.isNaN(field.value) ? field.value : ''}
              onChange={(next) => {
                // An emptied box is NaN, not undefined: the contract's default of 10 must not quietly fill it in.
                field.onChange(typeof next === 'number' ? next : Number.NaN);
                // A confirmation is of one number: another unusual number is asked about again.
                if (next !== field.value) form.setValue('confirmUnusualSessions', false);
              }}
              onBlur={field.onBlur}
              error={sentence(fieldState.error?.message)}
              maw={220}
            />
          )}
        />
        <Controller
          control={form.control}
          name="primaryMeasure"
          render={({ field, fieldState }) => (
            <Select
              label="Primary outcome measure"
              required
              placeholder="Choose a measure"
              data={MEASURE_OPTIONS}
              value={field.value ?? null}
              onChange={(next) => field.onChange(next ?? undefined)}
              onBlur={field.onBlur}
              allowDeselect={false}
              error={sentence(fieldState.error?.message)}
            />
          )}
        />
      </SimpleGrid>
      {isUnusualSessions(plannedSessions) ? (
        <Checkbox
          label={`Confirm a course of ${plannedSessions} sessions`}
          description={`Outside the usual ${USUAL_PLANNED_SESSIONS.min}-${USUAL_PLANNED_SESSIONS.max}: confirm this is intended.`}
          error={sentence(errors.confirmUnusualSessions?.message)}
          {...form.register('confirmUnusualSessions')}
        />
      ) : null}
    </Stack>
  );
}
