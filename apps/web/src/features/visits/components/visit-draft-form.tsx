import type { VisitNote } from '@ims/contracts';
import { Box, Button, Group, NumberInput, Paper, SimpleGrid, Stack, Switch, Textarea, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useEffect, useState, type ReactNode } from 'react';
import { Controller, FormProvider, useForm, type Path } from 'react-hook-form';
import type { MuscleCatalogue } from '../use-muscle-catalogue';
import { useVisitAutosave } from '../use-visit-autosave';
import { draftAsText, draftSaveOf, draftValuesFrom, type DraftValues } from '../visit-draft';
import { AdverseEventsFields } from './adverse-events-fields';
import type { SaveMeta } from './autosave-status';
import { DraftStatus } from './draft-status';
import { LiveBodyMap } from './live-body-map';
import { NeedleCountFields } from './needle-count-fields';
import { NeedlingSitesEditor } from './needling-sites-editor';
import { PlanLinkSelect } from './plan-link-select';
import { SignDialog } from './sign-dialog';

interface VisitDraftFormProps {
  visit: VisitNote;
  catalogue: MuscleCatalogue;
  thoraxConsented: boolean | undefined;
  /** After a 409: keep the clinician's text (`localText`) and load the note as it now is. */
  onConflictReload: (localText: string) => void;
  /** Beside the form: the body map and the note history. */
  aside?: ReactNode;
}

function Section({ title, children }: { title: string; children: ReactNode }) {
  return (
    <Paper p="md" component="section" aria-label={title}>
      <Title order={2} size="h4" mb="sm">
        {title}
      </Title>
      {children}
    </Paper>
  );
}

/** A 0–10 box for NPRS or a count of minutes: whole numbers only, clamped to the range. */
function WholeNumber({ name, label, min, max, description }: { name: Path<DraftValues>; label: string; min: number; max: number; description?: string }) {
  return (
    <Controller
      name={name}
      render={({ field }) => (
        <NumberInput
          ref={field.ref}
          label={label}
          description={description}
          value={field.value as number | string}
          onChange={field.onChange}
          onBlur={field.onBlur}
          min={min}
          max={max}
          allowDecimal={false}
          allowNegative={false}
          clampBehavior="strict"
          w={180}
        />
      )}
    />
  );
}

/**
 * The charting form of a draft. Every change is autosaved after a pause with the version last saved; signing
 * saves first and then signs that version.
 */
export function VisitDraftForm({ visit, catalogue, thoraxConsented, onConflictReload, aside }: VisitDraftFormProps) {
  // The form starts from the note as loaded; later saves update the cache, never what is being typed.
  const [initial] = useState(() => draftValuesFrom(visit));
  const [baseline] = useState(() => draftSaveOf(initial, catalogue.byId).body);
  const form = useForm<DraftValues>({ defaultValues: initial });
  const autosave = useVisitAutosave<SaveMeta>({ visitId: visit.id, version: visit.version, baseline });
  const { schedule } = autosave;
  const [signing, setSigning] = useState(false);

  useEffect(() => {
    const subscription = form.watch(() => {
      const save = draftSaveOf(form.getValues(), catalogue.byId);
      if (save.invalid.length === 0) schedule(save.body, { rowOfSite: save.rowOfSite });
    });
    return () => subscription.unsubscribe();
  }, [form, catalogue.byId, schedule]);

  const textarea = (name: 'subjective' | 'objective' | 'assessment' | 'plan' | 'advice' | 'screeningChanges', label: string, placeholder?: string) => (
    <Textarea label={label} placeholder={placeholder} autosize minRows={2} maxRows={14} {...form.register(name)} />
  );

  return (
    <FormProvider {...form}>
      <form noValidate aria-label="Visit note" onSubmit={(event) => event.preventDefault()}>
        <Stack gap="md">
          <Box
            pos="sticky"
            top={60}
            py="xs"
            px="md"
            bg="var(--mantine-color-body)"
            style={{ zIndex: 5, borderBottom: '1px solid var(--mantine-color-gray-3)', borderRadius: 'var(--mantine-radius-md)' }}
          >
            <Group justify="space-between" align="flex-start" wrap="nowrap">
              <DraftStatus state={autosave.state} catalogue={catalogue} onReload={() => onConflictReload(draftAsText(form.getValues(), catalogue.byId))} />
              <Button onClick={() => setSigning(true)} disabled={autosave.state.status === 'conflict'}>
                Sign…
              </Button>
            </Group>
          </Box>

          <Section title="Before needling">
            <Stack gap="sm">
              <PlanLinkSelect patientId={visit.patientId} />
              {textarea('screeningChanges', 'Screening changes since the last visit', 'New medication, pregnancy, infection…')}
              <WholeNumber name="painBefore" label="Pain before (NPRS 0–10)" min={0} max={10} />
            </Stack>
          </Section>

          <Section title="Notes (SOAP)">
            <Stack gap="sm">
              {textarea('subjective', 'Subjective')}
              {textarea('objective', 'Objective')}
              {textarea('assessment', 'Assessment')}
              {textarea('plan', 'Plan')}
            </Stack>
          </Section>

          <Section title="Needling">
            <Stack gap="sm">
              <Switch label="Needling done this visit" {...form.register('needlingDone')} />
              <NeedlingSitesEditor visit={visit} catalogue={catalogue} thoraxConsented={thoraxConsented} />
            </Stack>
          </Section>

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Section title="Adverse events">
              <AdverseEventsFields />
            </Section>
            <Section title="Needle count">
              <NeedleCountFields />
            </Section>
          </SimpleGrid>

          <Section title="After needling">
            <Stack gap="sm">
              <WholeNumber name="painAfter" label="Pain after (NPRS 0–10)" min={0} max={10} />
              {textarea('advice', 'Advice given')}
              <WholeNumber name="minutesSpent" label="Minutes spent" min={1} max={600} />
            </Stack>
          </Section>

          <SimpleGrid cols={{ base: 1, md: 2 }}>
            <Section title="Body map">
              <LiveBodyMap catalogue={catalogue} />
            </Section>
            {aside}
          </SimpleGrid>
        </Stack>
      </form>
      <SignDialog
        opened={signing}
        visitId={visit.id}
        flush={autosave.flush}
        unsaved={signing ? draftSaveOf(form.getValues(), catalogue.byId).unsaved : []}
        onClose={() => setSigning(false)}
        onSigned={() => {
          setSigning(false);
          notifications.show({ color: 'teal', message: 'Note signed.' });
        }}
      />
    </FormProvider>
  );
}
