import { expect, request as playwrightRequest, test, type APIRequestContext, type Page } from '@playwright/test';

const DEMO_PASSWORD = 'demo-clinic-2026';
const ZONE = 'America/Vancouver';

type Clinic = { id: string; name: string };
type Named = { id: string; name: string };

/** A signed-in API client of the demo app with its CSRF token, for the set-up a receptionist and manager would do. */
async function apiAs(baseURL: string, email: string) {
  const context = await playwrightRequest.newContext({ baseURL });
  const login = await context.post('/api/auth/login', { data: { email, password: DEMO_PASSWORD } });
  expect(login.status(), `login ${email}`).toBe(200);
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  const call = async <T>(method: 'get' | 'post', url: string, data?: object, expected = method === 'post' ? [200, 201] : [200]): Promise<T> => {
    const response = method === 'get' ? await context.get(url) : await context.post(url, { data, headers: { 'X-CSRF-Token': csrfToken } });
    expect(expected, `${method.toUpperCase()} ${url}: ${await response.text()}`).toContain(response.status());
    return (await response.json()) as T;
  };
  return { context, get: <T>(url: string) => call<T>('get', url), post: <T>(url: string, data: object, expected?: number[]) => call<T>('post', url, data, expected) };
}

const todayIn = (zone: string) => new Intl.DateTimeFormat('en-CA', { timeZone: zone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(new Date());

/**
 * What the front desk and a manager do before the clinician charts: register a new patient, book them today at
 * 06:00 (before opening, so a manager's override) with the given physiotherapist, and mark them arrived.
 */
async function arrivedPatientFor(baseURL: string, clinicianName: string, lastName: string) {
  const reception = await apiAs(baseURL, 'reception@demo.clinic');
  const manager = await apiAs(baseURL, 'manager@demo.clinic');
  const { items: clinics } = await reception.get<{ items: Clinic[] }>('/api/clinics');
  const kitsilano = clinics.find((clinic) => clinic.name === 'Kitsilano')!;
  const { items: clinicians } = await reception.get<{ items: Named[] }>(`/api/clinicians?clinicId=${kitsilano.id}`);
  const clinician = clinicians.find((c) => c.name === clinicianName)!;
  const { items: types } = await reception.get<{ items: Named[] }>(`/api/appointment-types?clinicId=${kitsilano.id}`);
  const treatment = types.find((t) => t.name === 'IMS treatment')!;
  const patient = await reception.post<{ id: string }>('/api/patients', {
    homeClinicId: kitsilano.id,
    firstName: 'Noor',
    lastName,
    dateOfBirth: '1984-03-12',
    acknowledgedDuplicateIds: [],
  });
  const booked = await manager.post<{ id: string; version: number }>('/api/appointments', {
    clinicId: kitsilano.id,
    patientId: patient.id,
    clinicianId: clinician.id,
    appointmentTypeId: treatment.id,
    localStartsAt: `${todayIn(ZONE)}T06:00`,
    overrideReason: 'Early session before opening for a patient on shifts',
  });
  await reception.post(`/api/appointments/${booked.id}/arrive`, { version: booked.version });
  await Promise.all([reception.context.dispose(), manager.context.dispose()]);
  return { patientId: patient.id, clinicId: kitsilano.id, appointmentId: booked.id, name: `Noor ${lastName}` };
}

async function signIn(page: Page, email: string, name: string) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText(name).first()).toBeVisible();
}

/** Fills site row n (1-based) the way a clinician does: muscle by typing, then the needle and the response. */
async function chartSite(page: Page, n: number, site: { muscle: string; side: string; gauge: string; length: string; depth: string; twitch: string; tolerance: string }) {
  const muscle = page.getByRole('textbox', { name: `Site ${n} muscle` });
  await muscle.click();
  await muscle.pressSequentially(site.muscle);
  await page.getByRole('option', { name: site.muscle, exact: true }).click();
  await page.getByRole('combobox', { name: `Site ${n} side` }).selectOption(site.side);
  await page.getByRole('textbox', { name: `Site ${n} gauge (mm)` }).fill(site.gauge);
  await page.getByRole('textbox', { name: `Site ${n} needle length (mm)` }).fill(site.length);
  await page.getByRole('textbox', { name: `Site ${n} depth (cm)` }).fill(site.depth);
  await page.getByRole('combobox', { name: `Site ${n} twitch` }).selectOption(site.twitch);
  await page.getByRole('combobox', { name: `Site ${n} tolerance` }).selectOption(site.tolerance);
}

async function setCount(page: Page, label: string, value: number) {
  const input = page.getByRole('textbox', { name: label, exact: true });
  await input.fill(String(value));
  await input.blur();
}

/**
 * A physiotherapist records the patient's IMS consent, charts a visit with three needled sites from "My day", meets the
 * unbalanced needle count at signing, fixes it, signs (which completes the appointment), and adds an addendum that
 * then shows with the note.
 */
test('a physiotherapist charts three sites, fixes the refused needle count, signs and adds an addendum', async ({ page, baseURL }, testInfo) => {
  const lastName = `Chartwell${Date.now() % 100_000}`;
  const visit = await arrivedPatientFor(baseURL!, 'Dr. Maya Thompson, PT', lastName);
  // Consent is the clinician's to take (API here; its own screens are covered by the patients journeys).
  const physioApi = await apiAs(baseURL!, 'physio@demo.clinic');
  await physioApi.post(`/api/patients/${visit.patientId}/consents`, {
    clinicId: visit.clinicId, consentedOn: todayIn(ZONE), risksDisclosed: ['soreness', 'bruising', 'bleeding'], thoraxIncluded: false, method: 'written', givenBy: 'patient',
  });

  await signIn(page, 'physio@demo.clinic', 'Maya Thompson');
  await page.goto(`/my-day?date=${todayIn(ZONE)}`);
  await page.getByRole('button', { name: `Start note: ${visit.name}` }).click();
  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
  const visitId = page.url().split('/').pop()!;

  await page.getByRole('textbox', { name: /^Pain before/ }).fill('7');
  await page.getByRole('textbox', { name: /^Pain after/ }).fill('4');
  await page.getByRole('textbox', { name: 'Subjective' }).fill('Neck and shoulder pain for 8 months, worse at the desk.');
  await page.getByRole('textbox', { name: 'Assessment' }).fill('Shortened upper trapezius and splenius; good twitch responses.');
  await page.getByRole('button', { name: 'Add site' }).click();
  await chartSite(page, 1, { muscle: 'Upper trapezius', side: 'left', gauge: '0.25', length: '30', depth: '1.5', twitch: 'local', tolerance: 'good' });
  await page.getByRole('button', { name: 'Add site' }).click();
  await chartSite(page, 2, { muscle: 'Splenius capitis', side: 'left', gauge: '0.25', length: '30', depth: '2', twitch: 'strong', tolerance: 'good' });
  await page.getByRole('button', { name: 'Add site' }).click();
  await chartSite(page, 3, { muscle: 'Infraspinatus', side: 'right', gauge: '0.30', length: '40', depth: '2.5', twitch: 'local', tolerance: 'fair' });
  // Four needles opened but only three removed and disposed: the count does not balance.
  await setCount(page, 'Opened', 4);
  await setCount(page, 'Removed', 3);
  await setCount(page, 'Disposed', 3);
  await expect(page.getByText(/^Saved \d/)).toBeVisible({ timeout: 15_000 });
  await page.screenshot({ path: testInfo.outputPath('01-charted.png'), fullPage: true });

  await page.getByRole('button', { name: 'Sign…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign this note' });
  await dialog.getByRole('button', { name: 'Sign note' }).click();
  const refusal = dialog.getByRole('alert').filter({ hasText: 'This note cannot be signed yet' });
  await expect(refusal).toBeVisible();
  await expect(refusal.getByRole('heading', { name: 'Needle count' })).toBeVisible();
  await expect(refusal.getByRole('heading')).toHaveCount(1);
  await page.screenshot({ path: testInfo.outputPath('02-refused.png'), fullPage: true });
  await page.keyboard.press('Escape');

  await setCount(page, 'Opened', 3);
  await expect(page.getByText(/^Saved \d/)).toBeVisible({ timeout: 15_000 });
  await page.getByRole('button', { name: 'Sign…' }).click();
  await page.getByRole('dialog', { name: 'Sign this note' }).getByRole('button', { name: 'Sign note' }).click();
  const signed = page.getByRole('note', { name: 'Signed note' });
  await expect(signed).toContainText('Signed by Dr. Maya Thompson, PT');
  await expect(page.getByRole('table', { name: 'Needling sites' })).toContainText('Infraspinatus');
  await expect(page.getByRole('img', { name: /Upper trapezius/ }).first()).toBeVisible();

  const form = page.getByRole('form', { name: 'Add addendum' });
  await form.getByRole('textbox', { name: /^Reason/ }).fill('Late entry');
  await form.getByRole('textbox', { name: /^Addendum/ }).fill('Patient phoned the next morning: soreness settled overnight.');
  await form.getByRole('button', { name: 'Add addendum' }).click();
  const addendum = page.getByRole('article', { name: 'Addendum 1' });
  await expect(addendum).toContainText('Reason: Late entry');
  await expect(addendum).toContainText('soreness settled overnight');
  await page.screenshot({ path: testInfo.outputPath('03-signed-with-addendum.png'), fullPage: true });

  // What the API now holds: signed, locked with a hash, the appointment completed, the addendum with the note.
  const note = await physioApi.get<{ status: string; contentHash: string; sites: unknown[]; addenda: Array<{ reason: string }>; needleCount: object }>(`/api/visits/${visitId}`);
  expect(note).toMatchObject({ status: 'signed', needleCount: { opened: 3, removed: 3, retained: 0, disposed: 3 }, addenda: [{ reason: 'Late entry' }] });
  expect(note.sites).toHaveLength(3);
  expect(note.contentHash).toMatch(/^[0-9a-f]{64}$/);
  const appointment = await physioApi.get<{ status: string }>(`/api/appointments/${visit.appointmentId}`);
  expect(appointment.status).toBe('completed');
  await physioApi.context.dispose();
});

/** physio2 holds no needling authorisation: the note can be charted but never signed, in the browser or through the API. */
test('a physiotherapist without needling authorisation cannot sign an IMS note', async ({ page, baseURL }, testInfo) => {
  const visit = await arrivedPatientFor(baseURL!, 'Sam Okafor, PT', `Unsigned${Date.now() % 100_000}`);
  const physio2Api = await apiAs(baseURL!, 'physio2@demo.clinic');
  await physio2Api.post(`/api/patients/${visit.patientId}/consents`, {
    clinicId: visit.clinicId, consentedOn: todayIn(ZONE), risksDisclosed: ['soreness', 'bruising'], thoraxIncluded: false, method: 'verbal', givenBy: 'patient',
  });

  await signIn(page, 'physio2@demo.clinic', 'Sam Okafor');
  await page.goto(`/my-day?date=${todayIn(ZONE)}`);
  await page.getByRole('button', { name: `Start note: ${visit.name}` }).click();
  await expect(page).toHaveURL(/\/visits\/[0-9a-f-]{36}$/);
  const visitId = page.url().split('/').pop()!;
  await page.getByRole('textbox', { name: /^Pain before/ }).fill('6');
  await page.getByRole('textbox', { name: /^Pain after/ }).fill('5');
  await page.getByRole('textbox', { name: 'Assessment' }).fill('Lumbar paraspinal tightness.');
  await page.getByRole('button', { name: 'Add site' }).click();
  await chartSite(page, 1, { muscle: 'Upper trapezius', side: 'right', gauge: '0.25', length: '30', depth: '1.5', twitch: 'local', tolerance: 'good' });
  await setCount(page, 'Opened', 1);
  await setCount(page, 'Removed', 1);
  await setCount(page, 'Disposed', 1);
  await expect(page.getByText(/^Saved \d/)).toBeVisible({ timeout: 15_000 });

  await page.getByRole('button', { name: 'Sign…' }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign this note' });
  await dialog.getByRole('button', { name: 'Sign note' }).click();
  const refusal = dialog.getByRole('alert').filter({ hasText: 'This note cannot be signed yet' });
  await expect(refusal.getByRole('heading', { name: 'Needling authorisation' })).toBeVisible();
  await expect(refusal).toContainText('has no IMS authorisation');
  await page.screenshot({ path: testInfo.outputPath('unauthorised-refused.png'), fullPage: true });

  const current = await physio2Api.get<{ version: number; status: string }>(`/api/visits/${visitId}`);
  const response = await physio2Api.context.post(`/api/visits/${visitId}/sign`, {
    data: { version: current.version },
    headers: { 'X-CSRF-Token': await csrfOf(physio2Api.context) },
  });
  expect(response.status()).toBe(422);
  const problem = (await response.json()) as { violations: Array<{ rule: string }> };
  expect(problem.violations.map((v) => v.rule)).toEqual(['needling-authorisation']);
  expect((await physio2Api.get<{ status: string }>(`/api/visits/${visitId}`)).status).toBe('draft');
  await physio2Api.context.dispose();
});

async function csrfOf(context: APIRequestContext): Promise<string> {
  const me = await context.get('/api/auth/me');
  return ((await me.json()) as { csrfToken: string }).csrfToken;
}
