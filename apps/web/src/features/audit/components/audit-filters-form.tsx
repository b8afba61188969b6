import { zodResolver } from '@hookform/resolvers/zod';
import { AuditQuery, Id } from '@ims/contracts';
import { Button, Group, Select, SimpleGrid, Stack, TextInput } from '@mantine/core';
import { DatePickerInput } from '@mantine/dates';
import { useQuery } from '@tanstack/react-query';
import { Controller, useForm } from 'react-hook-form';
import { z } from 'zod';
import { sentence } from '../../../lib/form-errors';
import { usersQueryOptions } from '../../users/api';
import type { AuditUrlFilters } from '../audit-filters';

// Empty text means "any"; a filled-in id must be a real id or the API would refuse the whole search.
const optional = <T extends z.ZodType>(schema: T) => z.union([z.literal(''), schema]);
const { action, entityType, entityId } = AuditQuery.shape;
const FiltersSchema = z.object({
  userId: z.string(),
  patientId: optional(Id),
  action: optional(action.unwrap()),
  entityType: optional(entityType.unwrap()),
  entityId: optional(entityId.unwrap()),
  dates: z.tuple([z.string().nullable(), z.string().nullable()]),
});
type Values = z.infer<typeof FiltersSchema>;

const errorMap: z.core.$ZodErrorMap = (issue) =>
  issue.path?.[0] === 'patientId' ? 'Enter a full patient id, or leave it empty' : undefined;

function toValues(filters: AuditUrlFilters): Values {
  return {
    userId: filters.userId ?? '',
    patientId: filters.patientId ?? '',
    action: filters.action ?? '',
    entityType: filters.entityType ?? '',
    entityId: filters.entityId ?? '',
    dates: [filters.from ?? null, filters.to ?? null],
  };
}

function toFilters({ dates, ...values }: Values): AuditUrlFilters {
  const filters: AuditUrlFilters = { from: dates[0] ?? undefined, to: dates[1] ?? dates[0] ?? undefined };
  for (const [key, value] of Object.entries(values)) {
    if (value.trim()) filters[key as keyof AuditUrlFilters] = value.trim();
  }
  return filters;
}

interface AuditFiltersFormProps {
  value: AuditUrlFilters;
  onSearch: (filters: AuditUrlFilters) => void;
}

/** Who, what and when to look for; applied on Search so typing an id does not fire a query per keystroke. */
export function AuditFiltersForm({ value, onSearch }: AuditFiltersFormProps) {
  const users = useQuery(usersQueryOptions({ page: 1, pageSize: 200 }));
  const form = useForm<Values>({ resolver: zodResolver(FiltersSchema, { error: errorMap }), values: toValues(value) });
  const { errors } = form.formState;
  const userOptions = (users.data?.items ?? []).map((user) => ({ value: user.id, label: `${user.name} (${user.email})` }));

  return (
    <form noValidate role="search" aria-label="Filter the audit log" onSubmit={form.handleSubmit((values) => onSearch(toFilters(values)))}>
      <Stack gap="sm">
        <SimpleGrid cols={{ base: 1, sm: 2, lg: 3 }} spacing="sm">
          <Controller
            control={form.control}
            name="userId"
            render={({ field }) => (
              <Select
                label="User"
                placeholder="Anyone"
                data={userOptions}
                searchable
                clearable
                nothingFoundMessage="No such user"
                value={field.value || null}
                onChange={(next) => field.onChange(next ?? '')}
              />
            )}
          />
          <TextInput label="Action" placeholder="e.g. read, update, login" {...form.register('action')} error={sentence(errors.action?.message)} />
          <Controller
            control={form.control}
            name="dates"
            render={({ field }) => (
              <DatePickerInput
                type="range"
                label="Date range"
                placeholder="Any time"
                allowSingleDateInRange
                clearable
                valueFormat="D MMM YYYY"
                value={field.value}
                onChange={(next) => field.onChange(next)}
              />
            )}
          />
          <TextInput label="Entity type" placeholder="e.g. user, patient" {...form.register('entityType')} error={sentence(errors.entityType?.message)} />
          <TextInput label="Entity id" {...form.register('entityId')} error={sentence(errors.entityId?.message)} />
          <TextInput label="Patient id" {...form.register('patientId')} error={sentence(errors.patientId?.message)} />
        </SimpleGrid>
        <Group>
          <Button type="submit">Search</Button>
          <Button variant="default" onClick={() => onSearch({})}>
            Clear filters
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
