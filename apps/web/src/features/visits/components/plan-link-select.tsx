import { CONDITIONS } from '@ims/contracts';
import { Select } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Controller, useFormContext } from 'react-hook-form';
import { plansQueryOptions } from '../../plans/api';
import type { DraftValues } from '../visit-draft';

const CONDITION_LABELS = new Map<string, string>(CONDITIONS.map((condition) => [condition.key, condition.label]));
const NO_PLAN = '';

/**
 * Which course this visit belongs to: one of the patient's open plans, or none for an initial assessment before
 * any plan exists. Only offered when the patient has plans to choose from.
 */
export function PlanLinkSelect({ patientId }: { patientId: string }) {
  const { control } = useFormContext<DraftValues>();
  const plans = useQuery(plansQueryOptions({ patientId }));
  const open = (plans.data ?? []).filter((plan) => plan.status === 'active' || plan.status === 'draft');

  return (
    <Controller
      control={control}
      name="planId"
      render={({ field }) => {
        const linked = field.value ? (plans.data ?? []).find((plan) => plan.id === field.value) : undefined;
        const choices = linked && !open.includes(linked) ? [...open, linked] : open;
        if (!choices.length && !field.value) return <></>;
        return (
          <Select
            label="Course"
            maw={420}
            value={field.value ?? NO_PLAN}
            onChange={(value) => field.onChange(value ? value : null)}
            allowDeselect={false}
            data={[
              { value: NO_PLAN, label: 'No plan (initial assessment)' },
              ...choices.map((plan) => ({
                value: plan.id,
                label: `${CONDITION_LABELS.get(plan.condition) ?? plan.condition} · ${plan.completedSessions} of ${plan.plannedSessions} · ${plan.status}`,
              })),
              ...(field.value && !linked ? [{ value: field.value, label: 'The linked plan' }] : []),
            ]}
          />
        );
      }}
    />
  );
}
