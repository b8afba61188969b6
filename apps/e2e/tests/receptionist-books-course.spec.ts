import { expect, test, type APIRequestContext, type Page } from '@playwright/test';

const DEMO_PASSWORD = 'demo-clinic-2026';
const PHYSIO = 'Dr. Maya Thompson, PT';
const SESSIONS = 10;
/** The session the test books for someone else first, so exactly that one conflicts (1-based). */
const BLOCKED_SESSION = 3;

type Appointment = { id: string; patientId: string; clinicianId: string; seriesId: string | null; status: string; localStart: string; startsAt: string; endsAt: string };
type Patient = { id: string; firstName: string; lastName: string; preferredName: string | null; archived: boolean };

/** Plain calendar dates (YYYY-MM-DD), counted without any zone rules. */
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
const isoWeekday = (date: string) => new Date(`${date}T00:00:00Z`).getUTCDay() || 7;
const minutesOf = (clock: string) => Number(clock.slice(0, 2)) * 60 + Number(clock.slice(3, 5));
const displayName = (p: Patient) => `${p.firstName}${p.preferredName && p.preferredName !== p.firstName ? ` (${p.preferredName})` : ''} ${p.lastName}`;

async function getJson<T>(request: APIRequestContext, url: string): Promise<T> {
  const response = await request.get(url);
  expect(response.status(), `GET ${url}`).toBe(200);
  return (await response.json()) as T;
}

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('reception@demo.clinic');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Riley Chen').first()).toBeVisible();
}

/**
 * A receptionist books a 10-session weekly IMS course with the physiotherapist. One session is taken beforehand by
 * another patient (booked through the API), so the preview shows 9 free sessions and 1 conflict with alternatives;
 * the receptionist picks an alternative and books all 10 at once.
 */
test('a receptionist books a 10-session course, resolving the one conflict with an alternative', async ({ page }, testInfo) => {
  await signIn(page);
  const api = page.request; // the page's session cookie
  const { csrfToken } = await getJson<{ csrfToken: string }>(api, '/api/auth/me');

  // --- What the demo clinic holds: the clinic, the physiotherapist, the treatment type, free patients. ---
  const { items: clinics } = await getJson<{ items: Array<{ id: string; name: string; timeZone: string }> }>(api, '/api/clinics');
  const kitsilano = clinics.find((c) => c.name === 'Kitsilano')!;
  expect(kitsilano).toBeTruthy();
  const { items: clinicians } = await getJson<{ items: Array<{ id: string; name: string }> }>(api, `/api/clinicians?clinicId=${kitsilano.id}`);
  const physio = clinicians.find((c) => c.name === PHYSIO)!;
  expect(physio).toBeTruthy();
  const { items: types } = await getJson<{ items: Array<{ id: string; name: string; durationMinutes: number }> }>(api, `/api/appointment-types?clinicId=${kitsilano.id}`);
  const treatment = types.find((t) => t.name === 'IMS treatment')!;
  expect(treatment).toBeTruthy();

  const today = new Intl.DateTimeFormat('en-CA', { timeZone: kitsilano.timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());
  let firstMonday = addDays(today, 14);
  while (isoWeekday(firstMonday) !== 1) firstMonday = addDays(firstMonday, 1);
  // Padded by a day on each side: only localStart (the API's wall clock) decides below.
  const from = `${addDays(today, -1)}T00:00:00Z`;
  const to = `${addDays(firstMonday, 7 * 40)}T00:00:00Z`;
  const { items: upcoming } = await getJson<{ items: Appointment[] }>(api, `/api/appointments?clinicId=${kitsilano.id}&from=${from}&to=${to}`);
  const active = upcoming.filter((a) => a.status === 'booked' || a.status === 'arrived');
  const busyPatients = new Set(active.map((a) => a.patientId));
  const { items: patients } = await getJson<{ items: Patient[] }>(api, `/api/patients?clinicId=${kitsilano.id}&pageSize=100`);
  const [patient, other] = patients.filter((p) => !p.archived && !busyPatients.has(p.id));
  expect(other, 'two demo patients with nothing booked').toBeTruthy();

  // --- A weekly Monday time within the physio's Kitsilano hours (08:00-16:00) where all 10 sessions are free. ---
  const physioBusy = active.filter((a) => a.clinicianId === physio.id);
  const isFree = (date: string, clock: string) =>
    !physioBusy.some((a) => {
      if (a.localStart.slice(0, 10) !== date) return false;
      const start = minutesOf(a.localStart.slice(11, 16));
      const length = (Date.parse(a.endsAt) - Date.parse(a.startsAt)) / 60_000;
      return start < minutesOf(clock) + treatment.durationMinutes && minutesOf(clock) < start + length;
    });
  let plan: { dates: string[]; clock: string } | undefined;
  for (let week = 0; week < 26 && !plan; week += 1) {
    for (const clock of ['10:00', '11:00', '13:00', '09:00', '14:00']) {
      const dates = Array.from({ length: SESSIONS }, (_, i) => addDays(firstMonday, 7 * (week + i)));
      if (dates.every((date) => isFree(date, clock))) {
        plan = { dates, clock };
        break;
      }
    }
  }
  expect(plan, 'a weekly Monday time with 10 free sessions').toBeTruthy();
  const { dates, clock } = plan!;
  const blockedDate = dates[BLOCKED_SESSION - 1];

  // --- Someone else takes the 3rd session's slot first (wall-clock time: the API applies the zone rules). ---
  const blocker = await api.post('/api/appointments', {
    headers: { 'X-CSRF-Token': csrfToken },
    data: { clinicId: kitsilano.id, patientId: other.id, clinicianId: physio.id, appointmentTypeId: treatment.id, localStartsAt: `${blockedDate}T${clock}` },
  });
  expect(blocker.status()).toBe(201);
  const blocking = (await blocker.json()) as Appointment;
  expect(blocking.localStart).toBe(`${blockedDate}T${clock}`);

  // --- The wizard. ---
  await page.getByRole('link', { name: 'Schedule' }).click();
  await page.getByRole('link', { name: 'Book a course' }).click();
  await expect(page.getByRole('heading', { name: 'Book a course' })).toBeVisible();

  const patientBox = page.getByRole('textbox', { name: 'Patient' });
  await patientBox.fill(`${patient.firstName} ${patient.lastName}`);
  await page.getByRole('option', { name: new RegExp(`^${displayName(patient).replace(/[()]/g, '\\$&')} · `) }).click();
  await page.getByRole('textbox', { name: 'Clinician' }).click();
  await page.getByRole('option', { name: PHYSIO }).click();
  // The form preselects the clinic's first treatment type; choosing the selected option again would clear it.
  const typeBox = page.getByRole('textbox', { name: 'Appointment type' });
  const typeLabel = `IMS treatment (${treatment.durationMinutes} min)`;
  if ((await typeBox.inputValue()) !== typeLabel) {
    await typeBox.click();
    await page.getByRole('option', { name: typeLabel }).click();
  }
  await expect(typeBox).toHaveValue(typeLabel);
  await expect(page.getByRole('textbox', { name: 'Clinician' })).toHaveValue(PHYSIO);
  await page.getByLabel('First session').fill(dates[0]);
  await page.getByLabel('Time').fill(clock);
  // The first date's weekday is ticked for a weekly course.
  await expect(page.getByRole('checkbox', { name: 'Mon' })).toBeChecked();
  await page.getByRole('textbox', { name: 'Sessions' }).fill(String(SESSIONS));
  await page.getByRole('button', { name: 'Preview', exact: true }).click();

  // --- Preview: 9 free, 1 conflict naming the appointment holding it, with alternatives. ---
  const table = page.getByRole('table', { name: 'Course preview' });
  const rows = table.getByRole('row').filter({ has: page.getByRole('radio', { name: 'Skip' }) });
  await expect(rows).toHaveCount(SESSIONS);
  await expect(table.getByText('Free', { exact: true })).toHaveCount(SESSIONS - 1);
  await expect(table.getByText('Conflict', { exact: true })).toHaveCount(1);
  const conflictRow = rows.filter({ hasText: 'Conflict' });
  await expect(conflictRow.getByRole('cell').first()).toHaveText(String(BLOCKED_SESSION));
  await expect(conflictRow).toContainText(other.lastName);
  // Alternatives are labelled with their date and time ("Mon 1 Mar 2027, 10:30"); the first is taken.
  const alternative = conflictRow.getByRole('radio', { name: /, \d{2}:\d{2}$/ }).first();
  await expect(alternative).toBeVisible();
  // From the top, so the fixed header sits over the page header, not over the table.
  await page.getByRole('heading', { name: 'Book a course' }).scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('course-preview-with-conflict.png'), fullPage: true });

  const alternativeLabel = await alternative.evaluate((input) => (input as HTMLInputElement).labels?.[0]?.textContent?.trim() ?? '');
  expect(alternativeLabel).toMatch(/, \d{2}:\d{2}$/);
  await alternative.check();
  await page.getByRole('button', { name: `Book ${SESSIONS} sessions` }).click();

  // --- Result: all 10 booked. ---
  await expect(page.getByText(`${SESSIONS} sessions booked`)).toBeVisible();
  const booked = page.getByRole('list', { name: 'Booked sessions' }).getByRole('listitem');
  await expect(booked).toHaveCount(SESSIONS);
  await expect(page.getByRole('list', { name: 'Booked sessions' })).toContainText(alternativeLabel);
  await page.screenshot({ path: testInfo.outputPath('course-booked.png'), fullPage: true });

  // --- The API agrees: 10 booked in one series at the clinic's wall-clock times; the blocked slot is still the other patient's. ---
  const { items: mine } = await getJson<{ items: Appointment[] }>(api, `/api/appointments?patientId=${patient.id}&from=${from}&to=${to}`);
  const course = mine.filter((a) => a.status === 'booked');
  expect(course).toHaveLength(SESSIONS);
  expect(new Set(course.map((a) => a.seriesId)).size).toBe(1);
  expect(course[0].seriesId).not.toBeNull();
  const planned = dates.filter((date) => date !== blockedDate).map((date) => `${date}T${clock}`);
  expect(course.map((a) => a.localStart).filter((local) => planned.includes(local))).toHaveLength(SESSIONS - 1);
  expect(course.some((a) => a.localStart === `${blockedDate}T${clock}`)).toBe(false);

  const stillThere = await getJson<Appointment>(api, `/api/appointments/${blocking.id}`);
  expect(stillThere).toMatchObject({ patientId: other.id, status: 'booked', localStart: `${blockedDate}T${clock}`, startsAt: blocking.startsAt });
});
