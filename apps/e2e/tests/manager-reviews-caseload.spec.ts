import { readFile } from 'node:fs/promises';
import { expect, test, type Page } from '@playwright/test';

const DEMO_PASSWORD = 'demo-clinic-2026';
const PHYSIO = 'Dr. Maya Thompson, PT';
/** The caseload CSV's header row: the API's columns, in order. */
const CASELOAD_HEADER = [
  'clinicianId',
  'clinicianName',
  'activePlans',
  'patientsSeen',
  'sessionsDelivered',
  'bookedHours',
  'availableHours',
  'utilisationPercent',
  'appointmentsDue',
  'noShows',
  'noShowPercent',
  'lateCancellations',
  'lateCancellationPercent',
  'completedCourses',
  'averageSessionsPerCompletedCourse',
  'discontinuedCourses',
  'stalledCourses',
  'completionPercent',
  'dropOutPercent',
  'reviewDue',
].join(',');

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('manager@demo.clinic');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Jordan Patel').first()).toBeVisible();
}

/**
 * A manager opens the caseload of the last four weeks (the demo's past appointments: completed, no-shows, cancelled),
 * drills into the physiotherapist's sessions delivered and finds exactly that many appointments behind it, looks at
 * the outcomes by condition, and exports the caseload as CSV: a header and one line per clinician, then the total.
 */
test('a manager reviews the caseload, drills into sessions delivered, reads outcomes and exports the CSV', async ({ page }, testInfo) => {
  await signIn(page);
  await page.getByRole('navigation', { name: 'Main navigation' }).getByRole('link', { name: 'Reports' }).click();
  await expect(page.getByRole('heading', { name: 'Reports', level: 1 })).toBeVisible();
  await expect(page.getByRole('tab', { name: 'Caseload' })).toHaveAttribute('aria-selected', 'true');

  await page.getByRole('button', { name: 'Last 4 weeks' }).click();
  await expect(page.getByRole('button', { name: 'Last 4 weeks' })).toHaveAttribute('aria-pressed', 'true');
  await expect(page).toHaveURL(/[?&]from=\d{4}-\d{2}-\d{2}&to=\d{4}-\d{2}-\d{2}/);
  const table = page.getByRole('table', { name: 'Caseload per clinician' });
  await expect(table).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Utilisation per clinician' }).locator('svg.recharts-surface')).toBeVisible();

  // The physiotherapist's sessions delivered: a number the demo's past month makes more than zero.
  const delivered = table.getByRole('button', { name: new RegExp(`^Sessions delivered, ${PHYSIO.replace(/[.,]/g, '\\$&')}: \\d+$`) });
  const sessions = Number(await delivered.textContent());
  expect(sessions).toBeGreaterThan(0);
  await page.screenshot({ path: testInfo.outputPath('01-caseload-last-4-weeks.png'), fullPage: true });

  await delivered.click();
  const drawer = page.getByRole('dialog', { name: `Sessions delivered · ${PHYSIO}` });
  const list = drawer.getByRole('table', { name: `Sessions delivered · ${PHYSIO}` });
  await expect(list).toBeVisible();
  await expect(drawer.getByText(new RegExp(`^1–${Math.min(sessions, 25)} of ${sessions} appointments$`))).toBeVisible();
  await expect(list.locator('tbody tr')).toHaveCount(Math.min(sessions, 25));
  // Delivered means completed: nothing else is behind the number.
  await expect(list.locator('tbody tr').filter({ hasNotText: 'Completed' })).toHaveCount(0);
  await expect(list.locator('tbody tr').first().getByRole('link').first()).toHaveAttribute('href', /^\/patients\/[0-9a-f-]{36}$/);
  await page.screenshot({ path: testInfo.outputPath('02-sessions-delivered-drilldown.png'), fullPage: true });
  await drawer.getByRole('button', { name: 'Close the list' }).click();
  await expect(drawer).toBeHidden();

  await page.getByRole('tab', { name: 'Outcomes' }).click();
  const outcomes = page.getByRole('table', { name: 'Outcomes by condition' });
  await expect(outcomes).toBeVisible();
  await expect(outcomes.getByRole('button', { name: /^Responders at session 4, .+: \d+$/ }).first()).toBeVisible();
  await expect(outcomes.getByRole('cell').filter({ hasText: /^\d+ of \d+( \(\d+(\.\d)?%\))?$/ }).first()).toBeVisible();
  await expect(page.getByRole('figure', { name: 'Responders by condition' }).locator('svg.recharts-surface')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('03-outcomes.png'), fullPage: true });

  await page.getByRole('tab', { name: 'Caseload' }).click();
  await expect(table).toBeVisible();
  const clinicians = await table.locator('tbody tr th').allTextContents();
  expect(clinicians).toContain(PHYSIO);
  const downloadStarted = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export CSV: caseload' }).click();
  const download = await downloadStarted;
  expect(download.suggestedFilename()).toMatch(/^caseload-\d{4}-\d{2}-\d{2}-to-\d{4}-\d{2}-\d{2}\.csv$/);
  const saved = testInfo.outputPath(download.suggestedFilename());
  await download.saveAs(saved);
  await expect(page.getByText(/^Saved caseload-.+\.csv \(\d+ rows\)$/)).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('04-caseload-exported.png'), fullPage: true });

  const lines = (await readFile(saved, 'utf8')).replace(/^\uFEFF/, '').trimEnd().split(/\r?\n/);
  expect(lines[0]).toBe(CASELOAD_HEADER);
  const body = lines.slice(1);
  expect(body).toHaveLength(clinicians.length + 1);
  expect(body.at(-1)).toMatch(/^,Total,/);
  for (const name of clinicians) expect(body.some((line) => line.includes(name.includes(',') ? `"${name}"` : name))).toBe(true);
  const physioLine = body.find((line) => line.includes(`"${PHYSIO}"`))!;
  // The CSV's sessions delivered is the figure on screen (fifth column; the quoted name holds a comma).
  expect(Number(physioLine.split(`"${PHYSIO}",`)[1]!.split(',')[2])).toBe(sessions);
});
