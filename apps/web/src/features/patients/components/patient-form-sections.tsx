import { ContactChannel, Sex } from '@ims/contracts';
import type { z } from 'zod';
import { Checkbox, Fieldset, Select, SimpleGrid, Stack, Textarea, TextInput } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Controller, type UseFormReturn } from 'react-hook-form';
import { sentence } from '../../../lib/form-errors';
import { clinicsQueryOptions } from '../../clinics/api';
import type { PatientFormInput, PatientFormValues } from '../patient-form-schema';

export type PatientFormApi = UseFormReturn<PatientFormInput, unknown, PatientFormValues>;

const SEX_LABELS: Record<z.infer<typeof Sex>, string> = { female: 'Female', male: 'Male', intersex: 'Intersex', unknown: 'Unknown / not stated' };
const CHANNEL_LABELS: Record<z.infer<typeof ContactChannel>, string> = { email: 'Email', sms: 'Text message', phone: 'Phone call', none: 'Do not contact' };

/**
 * Every registration field, grouped the way the desk asks for them. Shared by registration and the Details tab so
 * both say the same thing about the same field.
 */
export function PatientFormSections({ form, readOnly = false }: { form: PatientFormApi; readOnly?: boolean }) {
  const clinics = useQuery(clinicsQueryOptions());
  const { errors } = form.formState;
  const { register, control } = form;

  return (
    <Stack gap="lg">
      <Fieldset legend="Names" disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="First name" required autoComplete="off" error={sentence(errors.firstName?.message)} {...register('firstName')} />
          <TextInput label="Last name" required autoComplete="off" error={sentence(errors.lastName?.message)} {...register('lastName')} />
          <TextInput label="Middle name" autoComplete="off" error={sentence(errors.middleName?.message)} {...register('middleName')} />
          <TextInput
            label="Preferred name"
            description="The name they go by, when it differs"
            autoComplete="off"
            error={sentence(errors.preferredName?.message)}
            {...register('preferredName')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Birth and sex" disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput
            label="Date of birth"
            required
            placeholder="YYYY-MM-DD"
            inputMode="numeric"
            autoComplete="off"
            error={sentence(errors.dateOfBirth?.message)}
            {...register('dateOfBirth')}
          />
          <Controller
            control={control}
            name="sex"
            render={({ field }) => (
              <Select
                label="Sex"
                placeholder="Not recorded"
                data={Sex.options.map((value) => ({ value, label: SEX_LABELS[value] }))}
                value={field.value ?? null}
                onChange={(value) => field.onChange(value)}
                onBlur={field.onBlur}
                clearable
                disabled={readOnly}
              />
            )}
          />
          <TextInput label="Gender identity" autoComplete="off" error={sentence(errors.genderIdentity?.message)} {...register('genderIdentity')} />
          <TextInput label="Pronouns" autoComplete="off" error={sentence(errors.pronouns?.message)} {...register('pronouns')} />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Contact" disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Phone" type="tel" autoComplete="off" placeholder="604 555 0123" error={sentence(errors.phone?.message)} {...register('phone')} />
          <TextInput label="Other phone" type="tel" autoComplete="off" error={sentence(errors.phoneAlt?.message)} {...register('phoneAlt')} />
          <TextInput label="Email" type="email" autoComplete="off" error={sentence(errors.email?.message)} {...register('email')} />
          <Controller
            control={control}
            name="homeClinicId"
            render={({ field, fieldState }) => (
              <Select
                label="Home clinic"
                required
                data={(clinics.data ?? []).map((clinic) => ({ value: clinic.id, label: clinic.name }))}
                value={field.value || null}
                onChange={(value) => field.onChange(value ?? '')}
                onBlur={field.onBlur}
                error={sentence(fieldState.error?.message)}
                disabled={readOnly}
              />
            )}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Address" disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Street address" autoComplete="off" error={sentence(errors.address?.line1?.message)} {...register('address.line1')} />
          <TextInput label="Address line 2" autoComplete="off" error={sentence(errors.address?.line2?.message)} {...register('address.line2')} />
          <TextInput label="City" autoComplete="off" error={sentence(errors.address?.city?.message)} {...register('address.city')} />
          <TextInput label="Province or state" autoComplete="off" error={sentence(errors.address?.region?.message)} {...register('address.region')} />
          <TextInput label="Postal code" autoComplete="off" error={sentence(errors.address?.postalCode?.message)} {...register('address.postalCode')} />
          <TextInput
            label="Country"
            description="Two-letter code, e.g. CA"
            maxLength={2}
            autoComplete="off"
            error={sentence(errors.address?.country?.message)}
            {...register('address.country')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Health card or insurance" disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Health number" autoComplete="off" error={sentence(errors.healthNumber?.message)} {...register('healthNumber')} />
          <TextInput
            label="Issued by"
            placeholder="e.g. BC MSP, insurer name"
            autoComplete="off"
            error={sentence(errors.healthNumberIssuer?.message)}
            {...register('healthNumberIssuer')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Emergency contact" disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 3 }}>
          <TextInput label="Contact name" autoComplete="off" error={sentence(errors.emergencyContact?.name?.message)} {...register('emergencyContact.name')} />
          <TextInput
            label="Relationship"
            autoComplete="off"
            error={sentence(errors.emergencyContact?.relationship?.message)}
            {...register('emergencyContact.relationship')}
          />
          <TextInput
            label="Contact phone"
            type="tel"
            autoComplete="off"
            error={sentence(errors.emergencyContact?.phone?.message)}
            {...register('emergencyContact.phone')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Referral" disabled={readOnly}>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          <TextInput label="Referred by" placeholder="e.g. Dr. Patel" autoComplete="off" error={sentence(errors.referrerName?.message)} {...register('referrerName')} />
          <TextInput
            label="Referral source"
            placeholder="e.g. physician, friend, web search"
            autoComplete="off"
            error={sentence(errors.referralSource?.message)}
            {...register('referralSource')}
          />
        </SimpleGrid>
      </Fieldset>

      <Fieldset legend="Reminders and preferred contact" disabled={readOnly}>
        <Stack gap="sm">
          <Controller
            control={control}
            name="preferredContact"
            render={({ field }) => (
              <Select
                label="Preferred way to contact"
                data={ContactChannel.options.map((value) => ({ value, label: CHANNEL_LABELS[value] }))}
                value={field.value ?? 'email'}
                onChange={(value) => field.onChange(value ?? 'email')}
                onBlur={field.onBlur}
                allowDeselect={false}
                maw={320}
                disabled={readOnly}
              />
            )}
          />
          <Checkbox label="Agrees to appointment reminders by email" {...register('reminderConsentEmail')} />
          <Checkbox
            label="Agrees to appointment reminders by text message"
            description="Recorded for later: the app does not send text messages yet."
            {...register('reminderConsentSms')}
          />
        </Stack>
      </Fieldset>

      <Fieldset legend="Front-desk notes" disabled={readOnly}>
        <Textarea
          label="Notes"
          description="Practical notes for the desk (parking, interpreter, mobility). Nothing clinical."
          autosize
          minRows={2}
          error={sentence(errors.frontDeskNotes?.message)}
          {...register('frontDeskNotes')}
        />
      </Fieldset>
    </Stack>
  );
}
