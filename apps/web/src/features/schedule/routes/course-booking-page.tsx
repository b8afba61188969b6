import type { Appointment, SeriesPreviewRequest, SeriesPreviewResponse } from '@ims/contracts';
import { Loader, Select, Stack, Stepper, Text } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useSearchParams } from 'react-router';
import { ErrorPanel } from '../../../components/ui/error-panel';
import { PageHeader } from '../../../components/ui/page-header';
import { useSessionUser } from '../../auth/use-session-user';
import { cliniciansQueryOptions } from '../../clinicians/api';
import { clinicsQueryOptions } from '../../clinics/api';
import { CourseForm, type CourseValues } from '../components/course-form';
import { CoursePreview } from '../components/course-preview';
import { CourseResult } from '../components/course-result';
import { SlotProblemAlert } from '../components/slot-problem-alert';
import { useSeriesPreview } from '../series-api';
import { appointmentTypesQueryOptions, roomsQueryOptions } from '../setup-api';

type Step =
  | { name: 'form' }
  | { name: 'preview'; request: SeriesPreviewRequest; preview: SeriesPreviewResponse; notice?: string }
  | { name: 'done'; appointments: Appointment[] };

const STEP_INDEX = { form: 0, preview: 1, done: 2 } as const;

/** `/schedule/course/new`: a whole course at once: the plan of sessions, a preview of conflicts, one commit. */
export function CourseBookingPage() {
  const user = useSessionUser();
  const [search, setSearch] = useSearchParams();
  const clinics = useQuery(clinicsQueryOptions());
  const mine = (clinics.data ?? []).filter((clinic) => user.clinicIds.includes(clinic.id));
  const clinic = mine.find((candidate) => candidate.id === search.get('clinic')) ?? mine[0];
  const clinicId = clinic?.id ?? '';
  const clinicians = useQuery({ ...cliniciansQueryOptions(clinicId), enabled: !!clinic });
  const rooms = useQuery({ ...roomsQueryOptions(clinicId), enabled: !!clinic });
  const types = useQuery({ ...appointmentTypesQueryOptions(clinicId), enabled: !!clinic });
  const previewing = useSeriesPreview();
  const [step, setStep] = useState<Step>({ name: 'form' });
  const [values, setValues] = useState<CourseValues | undefined>();

  const runPreview = (request: SeriesPreviewRequest, notice?: string) =>
    previewing.mutate(request, { onSuccess: (preview) => setStep({ name: 'preview', request, preview, notice }) });

  const loading = clinics.isPending || clinicians.isPending || rooms.isPending || types.isPending;
  const failed = [clinics, clinicians, rooms, types].find((query) => query.isError);

  return (
    <>
      <PageHeader title="Book a course" description={clinic ? `${clinic.name} · times in ${clinic.timeZone}` : undefined} />
      {failed ? <ErrorPanel title="The clinic set-up could not be loaded" error={failed.error} onRetry={() => void failed.refetch()} /> : null}
      {clinics.isSuccess && !clinic ? <Text c="dimmed">You do not work at any clinic yet.</Text> : null}
      {clinic && loading ? <Loader aria-label="Loading the clinic set-up" /> : null}
      {clinic && !loading && !failed ? (
        <Stack gap="lg">
          <Stepper active={STEP_INDEX[step.name]} size="sm" allowNextStepsSelect={false}>
            <Stepper.Step label="Course" />
            <Stepper.Step label="Preview" />
            <Stepper.Step label="Booked" />
          </Stepper>
          {step.name === 'form' ? (
            <Stack gap="md">
              {mine.length > 1 ? (
                <Select
                  label="Clinic"
                  w={240}
                  data={mine.map((c) => ({ value: c.id, label: c.name }))}
                  value={clinic.id}
                  allowDeselect={false}
                  onChange={(id) => {
                    if (!id) return;
                    setValues(undefined);
                    setSearch({ clinic: id }, { replace: true });
                  }}
                />
              ) : null}
              {previewing.isError ? <SlotProblemAlert error={previewing.error} what="previewed" /> : null}
              <CourseForm
                key={clinic.id}
                clinicId={clinic.id}
                clinicians={clinicians.data ?? []}
                rooms={rooms.data ?? []}
                types={types.data ?? []}
                initial={values}
                defaultClinicianId={clinicians.data?.find((c) => c.userId === user.id)?.id}
                previewing={previewing.isPending}
                onPreview={(request, formValues) => {
                  setValues(formValues);
                  runPreview(request);
                }}
              />
            </Stack>
          ) : null}
          {step.name === 'preview' ? (
            <CoursePreview
              // A fresh preview (after a slot was taken) starts its choices afresh.
              key={JSON.stringify(step.preview)}
              request={step.request}
              preview={step.preview}
              notice={step.notice}
              onCommitted={(result) => setStep({ name: 'done', appointments: result.appointments })}
              onSlotTaken={() =>
                runPreview(step.request, 'Someone booked one of the chosen times while you were choosing. The preview below is up to date: check the rows and book again.')
              }
              onBack={() => setStep({ name: 'form' })}
            />
          ) : null}
          {step.name === 'done' ? (
            <CourseResult
              appointments={step.appointments}
              onAnother={() => {
                setValues(undefined);
                setStep({ name: 'form' });
              }}
            />
          ) : null}
        </Stack>
      ) : null}
    </>
  );
}
