import { useFormContext, useWatch } from 'react-hook-form';
import type { MuscleCatalogue } from '../use-muscle-catalogue';
import type { AutosaveState } from '../use-visit-autosave';
import { draftAsText, draftSaveOf, type DraftValues } from '../visit-draft';
import { AutosaveStatus, type SaveMeta } from './autosave-status';

/** The autosave line, kept in its own component so that working out what is unsaved re-renders only this. */
export function DraftStatus({ state, catalogue, onReload }: { state: AutosaveState<SaveMeta>; catalogue: MuscleCatalogue; onReload: () => void }) {
  const { control, getValues } = useFormContext<DraftValues>();
  const values = useWatch({ control }) as DraftValues;
  const save = draftSaveOf(values, catalogue.byId);
  return (
    <AutosaveStatus
      state={state}
      unsaved={save.unsaved}
      invalid={save.invalid}
      localText={() => draftAsText(getValues(), catalogue.byId)}
      onReload={onReload}
    />
  );
}
