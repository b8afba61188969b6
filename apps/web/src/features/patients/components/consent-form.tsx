import { zodResolver } from '@hookform/resolvers/zod';
import { AGE_OF_MAJORITY, CONSENT_RISKS, ConsentMethod, CreateConsentRequest, type Patient } from '@ims/contracts';
import { Alert, Button, Checkbox, Group, Radio, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect } from 'react';
import { Controller, useForm, useWatch } from 'react-hook-form';
import type { z } from 'zod';
import { errorMessage } from '../../../lib/error-message';
import { applyProblemToForm, sentence } from '../../../lib/form-errors';
import { useSessionUser } from '../../auth/use-session-user';
import { useRecordConsent } from '../clinical-api';
import { ageInYears, localTodayIso } from '../patient-format';
import { ClinicChoice, defaultClinicFor } from './clinic-choice';

type Input = z.input<typeof CreateConsentRequest>;
type Values = z.output<typeof CreateConsentRequest>;
const FIELDS = ['clinicId', 'consentedOn', 'risksDisclosed', 'thoraxIncluded', 'method', 'givenBy', 'guardianName', 'guardianRelationship', 'capacityFinding', 'notes'] as const;
const METHOD_LABELS: Record<z.infer<typeof ConsentMethod>, string> = { verbal: 'Verbally', written: 'Signed form', electronic: 'Electronically' };

const errorMap: z.core.$ZodErrorMap = (issue) =>
  issue.path?.[0] === 'consentedOn' && issue.code === 'invalid_format' ? 'Enter the date as YYYY-MM-DD' : undefined;

/** Only what applies to who consented: a guardian's name for a guardian, the capacity finding for a capable minor. */
function toRequest(values: Values): Values {
  const { guardianName, guardianRelationship, capacityFinding, notes, ...rest } = values;
  return {
    ...rest,
    notes: notes || undefined,
    ...(values.givenBy === 'guardian' ? { guardianName, guardianRelationship } : {}),
    ...(values.givenBy === 'capable_minor' ? { capacityFinding } : {}),
  };
}

/**
 * Records an IMS consent as it was taken: date, risks disclosed (pneumothorax whenever thoracic muscles may be
 * treated), how it was confirmed, and for a minor who gave it: a guardian, or the minor found capable.
 */
export function ConsentForm({ patient, onDone }: { patient: Patient; onDone: () => void }) {
  const user = useSessionUser();
  const record = useRecordConsent(patient.id);
  const today = localTodayIso();
  const form = useForm<Input, unknown, Values>({
    resolver: zodResolver(CreateConsentRequest, { error: errorMap }),
    defaultValues: {
      clinicId: defaultClinicFor(user, patient),
      consentedOn: today,
      risksDisclosed: [],
      thoraxIncluded: false,
      method: 'verbal',
      givenBy: ageInYears(patient.dateOfBirth, today) < AGE_OF_MAJORITY ? 'guardian' : 'patient',
      guardianName: '',
      guardianRelationship: '',
      capacityFinding: '',
      notes: '',
    },
  });
  const { errors } = form.formState;
  const [consentedOn, givenBy, thoraxIncluded] = useWatch({ control: form.control, name: ['consentedOn', 'givenBy', 'thoraxIncluded'] });
  const onDate = /^\d{4}-\d{2}-\d{2}$/.test(consentedOn) ? consentedOn : today;
  const minor = ageInYears(patient.dateOfBirth, onDate) < AGE_OF_MAJORITY;

  // An adult consents for themselves; a minor's consent comes from a guardian unless found capable.
  useEffect(() => {
    if (!minor && givenBy !== 'patient') form.setValue('givenBy', 'patient');
    if (minor && givenBy === 'patient') form.setValue('givenBy', 'guardian');
  }, [minor, givenBy]);

  const unplaced = record.isError && !FIELDS.some((field) => errors[field]?.type === 'server');
  const onSubmit = (values: Values) =>
    record.mutate(toRequest(values), {
      onSuccess: () => {
        notifications.show({ color: 'teal', message: 'Consent recorded.' });
        onDone();
      },
      onError: (error) => void applyProblemToForm(error, form.setError, FIELDS),
    });

  return (
    <form noValidate aria-label="Record consent" onSubmit={form.handleSubmit(onSubmit)}>
      <Stack gap="md">
        {unplaced ? (
          <Alert color="red" variant="light" title="Consent not recorded">
            {errorMessage(record.error)}
          </Alert>
        ) : null}
        <Controller
          control={form.control}
          name="clinicId"
          render={({ field, fieldState }) => (
            <ClinicChoice user={user} value={field.value} onChange={field.onChange} error={fieldState.error?.message} />
          )}
        />
        <TextInput label="Consented on" required placeholder="YYYY-MM-DD" maw={220} error={sentence(errors.consentedOn?.message)} {...form.register('consentedOn')} />
        <Checkbox
          label="Thoracic muscles may be treated"
          description={thoraxIncluded ? 'Pneumothorax must be among the risks disclosed.' : undefined}
          {...form.register('thoraxIncluded')}
        />
        <Controller
          control={form.control}
          name="risksDisclosed"
          render={({ field, fieldState }) => (
            <Checkbox.Group label="Risks disclosed" required value={field.value} onChange={field.onChange} error={sentence(fieldState.error?.message)}>
              <SimpleGrid cols={{ base: 1, sm: 2 }} mt="xs" spacing="xs">
                {CONSENT_RISKS.map((risk) => (
                  <Checkbox key={risk.key} value={risk.key} label={risk.label} />
                ))}
              </SimpleGrid>
            </Checkbox.Group>
          )}
        />
        <Controller
          control={form.control}
          name="method"
          render={({ field }) => (
            <Radio.Group label="How consent was confirmed" required value={field.value} onChange={field.onChange}>
              <Group gap="lg" mt={4}>
                {ConsentMethod.options.map((method) => (
                  <Radio key={method} value={method} label={METHOD_LABELS[method]} />
                ))}
              </Group>
            </Radio.Group>
          )}
        />
        {minor ? (
          <Controller
            control={form.control}
            name="givenBy"
            render={({ field }) => (
              <Radio.Group
                label="Consent given by"
                description={`The patient is under ${AGE_OF_MAJORITY}.`}
                required
                value={field.value}
                onChange={field.onChange}
              >
                <Stack gap={6} mt={4}>
                  <Radio value="guardian" label="A parent or guardian" />
                  <Radio value="capable_minor" label="The patient, found capable of consenting" />
                </Stack>
              </Radio.Group>
            )}
          />
        ) : null}
        {minor && givenBy === 'guardian' ? (
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            <TextInput label="Guardian’s name" required error={sentence(errors.guardianName?.message)} {...form.register('guardianName')} />
            <TextInput
              label="Relationship to the patient"
              required
              placeholder="e.g. mother"
              error={sentence(errors.guardianRelationship?.message)}
              {...form.register('guardianRelationship')}
            />
          </SimpleGrid>
        ) : null}
        {minor && givenBy === 'capable_minor' ? (
          <Textarea
            label="Why the patient is capable of consenting"
            required
            autosize
            minRows={2}
            error={sentence(errors.capacityFinding?.message)}
            {...form.register('capacityFinding')}
          />
        ) : null}
        <Textarea label="Notes" autosize minRows={2} error={sentence(errors.notes?.message)} {...form.register('notes')} />
        <Group>
          <Button type="submit" loading={record.isPending}>
            Record consent
          </Button>
          <Button variant="default" onClick={onDone}>
            Cancel
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
