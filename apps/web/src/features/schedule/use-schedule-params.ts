import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { isIsoDate } from './clinic-time';

export type ScheduleView = 'clinicians' | 'rooms' | 'week';
const VIEWS: readonly ScheduleView[] = ['clinicians', 'rooms', 'week'];

export interface ScheduleParams {
  clinicId: string | null;
  /** YYYY-MM-DD at the clinic; null means today. */
  date: string | null;
  view: ScheduleView;
  /** The clinician whose week is shown. */
  clinicianId: string | null;
}

/**
 * What the schedule shows lives in the URL (`?clinic=&date=&view=&clinician=`), so a reload, a link from the
 * course wizard or the back button lands on the same day and view.
 */
export function useScheduleParams(): [ScheduleParams, (change: Partial<ScheduleParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const view = search.get('view');
  const date = search.get('date');
  const params: ScheduleParams = {
    clinicId: search.get('clinic'),
    date: isIsoDate(date) ? date : null,
    view: VIEWS.includes(view as ScheduleView) ? (view as ScheduleView) : 'clinicians',
    clinicianId: search.get('clinician'),
  };

  const update = useCallback(
    (change: Partial<ScheduleParams>) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          const keys: Record<keyof ScheduleParams, string> = { clinicId: 'clinic', date: 'date', view: 'view', clinicianId: 'clinician' };
          for (const [field, key] of Object.entries(keys) as [keyof ScheduleParams, string][]) {
            if (!(field in change)) continue;
            const value = change[field];
            if (value) next.set(key, value);
            else next.delete(key);
          }
          return next;
        },
        { replace: true },
      ),
    [setSearch],
  );

  return [params, update];
}

/** The schedule's URL for a clinic day, e.g. for a link from the course wizard's result. */
export function scheduleHref(params: { clinicId: string; date: string; view?: ScheduleView; clinicianId?: string }): string {
  const search = new URLSearchParams({ clinic: params.clinicId, date: params.date });
  if (params.view) search.set('view', params.view);
  if (params.clinicianId) search.set('clinician', params.clinicianId);
  return `/schedule?${search.toString()}`;
}
