import {
  ADVERSE_EVENT_KINDS,
  SaveVisitRequest,
  type AdverseEventKind,
  type Muscle,
  type NeedleCount,
  type VisitNote,
  type VisitSiteInput,
} from '@ims/contracts';
import { isBlankRow, siteRowFrom, siteRowState, toNumber, type SiteRow } from './site-rows';

/** The charting form's values: the draft as the clinician is typing it. */
export interface DraftValues {
  planId: string | null;
  painBefore: number | string;
  painAfter: number | string;
  subjective: string;
  objective: string;
  assessment: string;
  plan: string;
  advice: string;
  screeningChanges: string;
  needlingDone: boolean;
  sites: SiteRow[];
  adverseEvents: Record<AdverseEventKind, { checked: boolean; detail: string }>;
  needleCount: Record<keyof NeedleCount, number | string>;
  minutesSpent: number | string;
}

/** The form's starting values from the saved draft. */
export function draftValuesFrom(visit: VisitNote): DraftValues {
  const events = new Map(visit.adverseEvents.map((event) => [event.kind, event.detail]));
  return {
    planId: visit.planId,
    painBefore: visit.painBefore ?? '',
    painAfter: visit.painAfter ?? '',
    subjective: visit.subjective,
    objective: visit.objective,
    assessment: visit.assessment,
    plan: visit.plan,
    advice: visit.advice,
    screeningChanges: visit.screeningChanges,
    needlingDone: visit.needlingDone,
    sites: visit.sites.map(siteRowFrom),
    adverseEvents: Object.fromEntries(
      ADVERSE_EVENT_KINDS.map(({ key }) => [key, { checked: events.has(key), detail: events.get(key) ?? '' }]),
    ) as DraftValues['adverseEvents'],
    needleCount: { ...visit.needleCount },
    minutesSpent: visit.minutesSpent ?? '',
  };
}

/** The needle count as numbers, an empty box counting as 0. */
export function needleCountOf(values: DraftValues['needleCount']): NeedleCount {
  const count = (value: number | string) => Math.max(0, Math.trunc(toNumber(value) ?? 0));
  return { opened: count(values.opened), removed: count(values.removed), retained: count(values.retained), disposed: count(values.disposed) };
}

/** The adverse events ticked. */
export function checkedEvents(values: DraftValues['adverseEvents']): AdverseEventKind[] {
  return ADVERSE_EVENT_KINDS.map(({ key }) => key).filter((key) => values[key]?.checked);
}

/** The request body of an autosave, what it leaves out and why, and which row each sent site came from. */
export interface DraftSave {
  body: Omit<SaveVisitRequest, 'version'>;
  /** Parts not sent yet because they are unfinished or invalid: "Site 2: choose the twitch response". */
  unsaved: string[];
  /** `body.sites[i]` is row `rowOfSite[i]` of the table (blank and unfinished rows are not sent). */
  rowOfSite: number[];
  /** Problems that stop the whole draft from being sent (the API would refuse it with 400). */
  invalid: string[];
}

const FIELD_LABELS: Record<string, string> = {
  painBefore: 'Pain before',
  painAfter: 'Pain after',
  minutesSpent: 'Minutes spent',
  needleCount: 'Needle count',
  subjective: 'Subjective',
  objective: 'Objective',
  assessment: 'Assessment',
  plan: 'Plan',
  advice: 'Advice',
  screeningChanges: 'Screening changes',
};

/**
 * What autosave sends for the form as it stands. A draft may be unfinished, but the API only takes complete,
 * valid sites and events (400 otherwise): those still being typed stay on screen and are listed in `unsaved`
 * rather than blocking the rest of the note from being saved.
 */
export function draftSaveOf(values: DraftValues, musclesById: ReadonlyMap<string, Muscle>): DraftSave {
  const unsaved: string[] = [];
  const sites: VisitSiteInput[] = [];
  const rowOfSite: number[] = [];
  values.sites.forEach((row, index) => {
    if (isBlankRow(row)) return;
    const state = siteRowState(row, musclesById);
    if (state.site) {
      sites.push(state.site);
      rowOfSite.push(index);
      return;
    }
    const reasons = [
      ...(state.missing.length ? [`add the ${state.missing.join(', ')}`] : []),
      ...(state.depth.deeperThanNeedle ? ['the depth is deeper than the needle'] : []),
      ...Object.entries(state.errors)
        .filter(([field]) => !(field === 'depthCm' && state.depth.deeperThanNeedle))
        .map(([field, message]) => `${field}: ${message}`),
    ];
    unsaved.push(`Site ${index + 1}: ${reasons.join('; ')}`);
  });

  const adverseEvents = checkedEvents(values.adverseEvents).flatMap((kind) => {
    const detail = values.adverseEvents[kind].detail.trim();
    if (kind === 'other' && !detail) {
      unsaved.push('Other adverse event: describe it');
      return [];
    }
    return [{ kind, ...(detail ? { detail } : {}) }];
  });

  const body = {
    planId: values.planId,
    painBefore: toNumber(values.painBefore),
    painAfter: toNumber(values.painAfter),
    subjective: values.subjective,
    objective: values.objective,
    assessment: values.assessment,
    plan: values.plan,
    advice: values.advice,
    screeningChanges: values.screeningChanges,
    needlingDone: values.needlingDone,
    sites,
    adverseEvents,
    needleCount: needleCountOf(values.needleCount),
    minutesSpent: toNumber(values.minutesSpent),
  };
  const parsed = SaveVisitRequest.safeParse({ ...body, version: 1 });
  const invalid = parsed.success
    ? []
    : parsed.error.issues.map((issue) => `${FIELD_LABELS[String(issue.path[0])] ?? String(issue.path.join('.'))}: ${issue.message}`);
  return { body, unsaved, rowOfSite, invalid };
}

/** The draft's text as plain text, for keeping a copy when someone else's save means it cannot be saved. */
export function draftAsText(values: DraftValues, musclesById: ReadonlyMap<string, Muscle>): string {
  const sections: [string, string][] = [
    ['Screening changes', values.screeningChanges],
    ['Subjective', values.subjective],
    ['Objective', values.objective],
    ['Assessment', values.assessment],
    ['Plan', values.plan],
    ['Advice', values.advice],
  ];
  const lines = [`Pain before: ${values.painBefore === '' ? '-' : values.painBefore}, after: ${values.painAfter === '' ? '-' : values.painAfter}`];
  for (const [title, text] of sections) if (text.trim()) lines.push('', `${title}:`, text);
  const rows = values.sites.filter((row) => !isBlankRow(row));
  if (rows.length) {
    lines.push('', 'Sites:');
    for (const row of rows) {
      const muscle = musclesById.get(row.muscleId)?.name ?? '(muscle not chosen)';
      const needle = `${row.gauge} mm × ${row.lengthMm} mm, ${row.depthCm} cm, ${row.technique}`;
      const observed = `twitch ${row.twitch || '-'}, tolerance ${row.tolerance || '-'}`;
      lines.push(`- ${muscle} ${row.side} ${row.level} ${needle}, ${observed}`.replace(/\s+/g, ' '));
    }
  }
  return lines.join('\n');
}
