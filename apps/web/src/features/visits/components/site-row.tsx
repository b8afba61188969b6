import { NeedleTechnique, NeedleTolerance, TwitchResponse } from '@ims/contracts';
import { Autocomplete, Badge, CloseButton, NativeSelect, NumberInput, Stack, Table, Text, TextInput } from '@mantine/core';
import type { KeyboardEvent } from 'react';
import { Controller, useFormContext, useWatch } from 'react-hook-form';
import { depthMessage, usualDepthLabel } from '../depth-check';
import { GAUGE_PRESETS, LENGTH_PRESETS, isBlankRow, newSiteRow, siteRowState, toNumber } from '../site-rows';
import type { MuscleCatalogue } from '../use-muscle-catalogue';
import type { DraftValues } from '../visit-draft';
import { SIDE_LABELS, TECHNIQUE_LABELS, TOLERANCE_LABELS, TWITCH_LABELS } from '../visit-format';
import { MuscleSelect } from './muscle-select';

const choose = { value: '', label: '–' };
const TECHNIQUES = NeedleTechnique.options.map((value) => ({ value, label: TECHNIQUE_LABELS[value] }));
const TWITCHES = [choose, ...TwitchResponse.options.map((value) => ({ value, label: TWITCH_LABELS[value] }))];
const TOLERANCES = [choose, ...NeedleTolerance.options.map((value) => ({ value, label: TOLERANCE_LABELS[value] }))];
const SIDED = [choose, ...(['right', 'left', 'bilateral'] as const).map((value) => ({ value, label: SIDE_LABELS[value] }))];
const MIDLINE = [{ value: 'midline', label: SIDE_LABELS.midline }];

interface SiteRowProps {
  index: number;
  catalogue: MuscleCatalogue;
  /** Whether the consent in force covers thoracic muscles; undefined while unknown. */
  thoraxConsented: boolean | undefined;
  onRemove: () => void;
  /** Enter in a row: a new row after it. */
  onEnter: () => void;
}

/**
 * One needling site, every field reachable with Tab. Enter (outside an open list) adds the next row. Depth is
 * checked as it is typed: deeper than the needle is an error (the API refuses it), outside the muscle's usual
 * range a warning that asks for the reason signing will need.
 */
export function SiteRowFields({ index, catalogue, thoraxConsented, onRemove, onEnter }: SiteRowProps) {
  const { control, register, setValue, getValues } = useFormContext<DraftValues>();
  // A row being inserted or removed can render once before its values exist.
  const row = useWatch({ control, name: `sites.${index}` }) ?? newSiteRow();
  const state = siteRowState(row, catalogue.byId);
  const { muscle, depth } = state;
  const n = index + 1;
  const depthCm = toNumber(row.depthCm);
  const depthText = depthCm !== null ? depthMessage(depth, { depthCm, lengthMm: toNumber(row.lengthMm), muscle }) : null;
  const showNotes = depth.outsideRange !== null || (!isBlankRow(row) && state.missing.length > 0) || (muscle?.thoraxRisk && thoraxConsented === false);

  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    const target = event.target as HTMLElement;
    if (event.key !== 'Enter' || event.defaultPrevented || target.tagName !== 'INPUT') return;
    // An open list uses Enter to pick; a row with nothing in it yet needs no row after it.
    if (target.getAttribute('aria-expanded') === 'true' || isBlankRow(row)) return;
    event.preventDefault();
    onEnter();
  };

  const onMuscle = (muscleId: string) => {
    const chosen = catalogue.byId.get(muscleId);
    const side = getValues(`sites.${index}.side`);
    if (chosen && !chosen.sided) setValue(`sites.${index}.side`, 'midline', { shouldDirty: true });
    if (chosen?.sided && side === 'midline') setValue(`sites.${index}.side`, '', { shouldDirty: true });
    if (!chosen?.levelled) setValue(`sites.${index}.level`, '', { shouldDirty: true });
  };

  return (
    <>
      <Table.Tr onKeyDown={onKeyDown} data-site-row={n}>
        <Table.Td>
          <Stack gap={4}>
            <Controller
              control={control}
              name={`sites.${index}.muscleId`}
              render={({ field }) => (
                <MuscleSelect
                  ref={field.ref}
                  catalogue={catalogue}
                  label={`Site ${n} muscle`}
                  value={field.value}
                  onBlur={field.onBlur}
                  onChange={(id) => {
                    field.onChange(id);
                    onMuscle(id);
                  }}
                />
              )}
            />
            {muscle ? (
              <Text size="xs" c="dimmed">
                {usualDepthLabel(muscle)}{' '}
                {muscle.thoraxRisk ? (
                  <Badge size="xs" color="red" variant="light" title="Over the thorax: pneumothorax risk">
                    Thorax risk
                  </Badge>
                ) : null}
              </Text>
            ) : null}
          </Stack>
        </Table.Td>
        <Table.Td>
          <NativeSelect aria-label={`Site ${n} side`} data={muscle && !muscle.sided ? MIDLINE : SIDED} {...register(`sites.${index}.side`)} />
        </Table.Td>
        <Table.Td>
          {muscle?.levelled ? (
            <TextInput aria-label={`Site ${n} level`} placeholder="L4-5" w={80} {...register(`sites.${index}.level`)} />
          ) : (
            <Text c="dimmed" size="sm" aria-hidden>
              –
            </Text>
          )}
        </Table.Td>
        <Table.Td>
          <Controller
            control={control}
            name={`sites.${index}.gauge`}
            render={({ field }) => (
              <Autocomplete
                ref={field.ref}
                aria-label={`Site ${n} gauge (mm)`}
                data={GAUGE_PRESETS as unknown as string[]}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={state.errors.gauge}
                w={84}
                inputMode="decimal"
              />
            )}
          />
        </Table.Td>
        <Table.Td>
          <Controller
            control={control}
            name={`sites.${index}.lengthMm`}
            render={({ field }) => (
              <Autocomplete
                ref={field.ref}
                aria-label={`Site ${n} needle length (mm)`}
                data={LENGTH_PRESETS as unknown as string[]}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                error={state.errors.lengthMm}
                w={76}
                inputMode="numeric"
              />
            )}
          />
        </Table.Td>
        <Table.Td>
          <Controller
            control={control}
            name={`sites.${index}.depthCm`}
            render={({ field }) => (
              <NumberInput
                ref={field.ref}
                aria-label={`Site ${n} depth (cm)`}
                value={field.value}
                onChange={field.onChange}
                onBlur={field.onBlur}
                decimalScale={1}
                step={0.1}
                min={0}
                max={15}
                allowNegative={false}
                hideControls
                w={76}
                error={depth.deeperThanNeedle ? depthText : state.errors.depthCm}
                styles={depth.outsideRange && !depth.deeperThanNeedle ? { input: { borderColor: 'var(--mantine-color-orange-6)' } } : undefined}
              />
            )}
          />
        </Table.Td>
        <Table.Td>
          <NativeSelect aria-label={`Site ${n} technique`} data={TECHNIQUES} {...register(`sites.${index}.technique`)} />
        </Table.Td>
        <Table.Td>
          <NativeSelect aria-label={`Site ${n} twitch`} data={TWITCHES} {...register(`sites.${index}.twitch`)} />
        </Table.Td>
        <Table.Td>
          <NativeSelect aria-label={`Site ${n} tolerance`} data={TOLERANCES} {...register(`sites.${index}.tolerance`)} />
        </Table.Td>
        <Table.Td>
          <CloseButton aria-label={`Remove site ${n}`} onClick={onRemove} />
        </Table.Td>
      </Table.Tr>
      {showNotes ? (
        <Table.Tr onKeyDown={onKeyDown}>
          <Table.Td colSpan={10} pt={0}>
            <Stack gap={6}>
              {depth.outsideRange && !depth.deeperThanNeedle && depthText ? (
                <TextInput
                  label={`Site ${n}: ${depthText}. Why?`}
                  description="Signing needs your acknowledgement of an unusual depth and its reason."
                  placeholder="e.g. large build, confirmed by palpation"
                  required
                  error={depth.needsAcknowledgement ? 'Give the reason to sign this note' : undefined}
                  styles={{ label: { color: 'var(--mantine-color-orange-8)' } }}
                  {...register(`sites.${index}.depthAckReason`)}
                />
              ) : null}
              {muscle?.thoraxRisk && thoraxConsented === false ? (
                <Text size="sm" c="red.8">
                  Site {n}: {muscle.name} is over the thorax, and the consent in force does not disclose the pneumothorax risk.
                </Text>
              ) : null}
              {!isBlankRow(row) && state.missing.length ? (
                <Text size="xs" c="dimmed">
                  Site {n} is saved once it has: {state.missing.join(', ')}.
                </Text>
              ) : null}
            </Stack>
          </Table.Td>
        </Table.Tr>
      ) : null}
    </>
  );
}
