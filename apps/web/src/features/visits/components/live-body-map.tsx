import { useFormContext, useWatch } from 'react-hook-form';
import { useCourseMuscles } from '../use-course-muscles';
import type { MuscleCatalogue } from '../use-muscle-catalogue';
import type { DraftValues } from '../visit-draft';
import { BodyMap, type BodyMapSite } from './body-map';

/** The body map of a draft, following the sites as they are charted. */
export function LiveBodyMap({ catalogue }: { catalogue: MuscleCatalogue }) {
  const { control } = useFormContext<DraftValues>();
  const rows = useWatch({ control, name: 'sites' });
  const planId = useWatch({ control, name: 'planId' });
  const course = useCourseMuscles(planId, catalogue.byCode);
  const sites = rows.flatMap<BodyMapSite>((row) => {
    const muscle = catalogue.byId.get(row.muscleId);
    return muscle ? [{ muscle, side: row.side || null }] : [];
  });
  return <BodyMap sites={sites} course={course} />;
}
