import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { isIsoDate } from '../schedule/clinic-time';

export interface MyDayParams {
  /** YYYY-MM-DD; null means today at the clinics (the API decides which day that is). */
  date: string | null;
  /** Whose day (a manager's choice); null means the signed-in clinician. */
  clinicianId: string | null;
}

/** The day and the clinician live in the URL (`?date=&clinician=`), so reload and back land on the same day. */
export function useMyDayParams(): [MyDayParams, (change: Partial<MyDayParams>) => void] {
  const [search, setSearch] = useSearchParams();
  const date = search.get('date');
  const params: MyDayParams = { date: isIsoDate(date) ? date : null, clinicianId: search.get('clinician') };

  const update = useCallback(
    (change: Partial<MyDayParams>) =>
      setSearch(
        (current) => {
          const next = new URLSearchParams(current);
          const keys: Record<keyof MyDayParams, string> = { date: 'date', clinicianId: 'clinician' };
          for (const [field, key] of Object.entries(keys) as [keyof MyDayParams, string][]) {
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
