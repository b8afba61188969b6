import { expect, test, type Page } from '@playwright/test';

const DEMO_PASSWORD = 'demo-clinic-2026';

type Patient = { id: string; firstName: string; lastName: string; dateOfBirth: string };

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('reception@demo.clinic');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Riley Chen').first()).toBeVisible();
}

/** The surname with two letters swapped in the middle, the commonest typing slip at a front desk. */
function misspell(name: string): string {
  const i = Math.floor(name.length / 2) - 1;
  return name.slice(0, i) + name[i + 1] + name[i] + name.slice(i + 2);
}

/**
 * The front desk's first two tasks of the day, from the keyboard: find a patient whose surname the caller spells
 * wrong (typos tolerated, best match first, Enter opens the record), then register a new patient who shares a
 * date of birth and a similar name with someone on file, see the possible duplicate, and register them anyway.
 * (Booking a 10-session course around a conflict is receptionist-books-course.spec.ts.)
 */
test('a receptionist finds a misspelt patient from the keyboard and registers a new one past a possible duplicate', async ({ page }, testInfo) => {
  await signIn(page);
  // A demo patient with a distinctive surname (at least 7 letters, no other patient sharing it).
  const listed = await page.request.get('/api/patients?q=e&pageSize=50');
  expect(listed.status()).toBe(200);
  const { items } = (await listed.json()) as { items: Patient[] };
  const counts = new Map<string, number>();
  for (const p of items) counts.set(p.lastName, (counts.get(p.lastName) ?? 0) + 1);
  const target = items.find((p) => p.lastName.length >= 7 && /^[A-Za-z]+$/.test(p.lastName) && counts.get(p.lastName) === 1 && misspell(p.lastName) !== p.lastName)!;
  expect(target, 'a demo patient with a distinctive surname').toBeTruthy();
  const typed = `${target.firstName} ${misspell(target.lastName)}`;

  await page.goto('/patients');
  const search = page.getByRole('combobox', { name: 'Find a patient' }).or(page.getByRole('textbox', { name: 'Find a patient' }));
  await search.fill(typed);
  const results = page.getByRole('listbox', { name: 'Patients found' });
  await expect(results.getByRole('option').first()).toContainText(target.lastName);
  await page.screenshot({ path: testInfo.outputPath('01-misspelt-search.png'), fullPage: true });
  await search.press('Enter');
  await expect(page).toHaveURL(new RegExp(`/patients/${target.id}$`));
  await expect(page.getByRole('heading', { level: 1 })).toContainText(target.lastName);

  // A new patient born the same day with a one-letter-different surname: the desk is warned before creating.
  await page.goto('/patients/new');
  const form = page.getByRole('form', { name: 'Register a patient' });
  const lastName = `${target.lastName.slice(0, -1)}${target.lastName.endsWith('e') ? 'a' : 'e'}`;
  await form.getByRole('textbox', { name: 'First name' }).fill(target.firstName);
  await form.getByRole('textbox', { name: 'Last name' }).fill(lastName);
  await form.getByRole('textbox', { name: 'Date of birth' }).fill(target.dateOfBirth);
  await form.getByRole('textbox', { name: 'Email' }).fill(`new.${Date.now()}@example.com`);
  await expect(page.getByRole('list', { name: 'Possible duplicates' })).toContainText(target.lastName);
  await form.getByRole('button', { name: 'Register patient' }).click();
  const warning = page.getByRole('alert').filter({ hasText: 'This person may already be registered' });
  await expect(warning).toContainText(target.lastName);
  await page.screenshot({ path: testInfo.outputPath('02-possible-duplicate.png'), fullPage: true });
  await warning.getByRole('button', { name: 'None of these — register as a new patient' }).click();

  await expect(page).toHaveURL(/\/patients\/[0-9a-f-]{36}$/);
  await expect(page.getByRole('heading', { level: 1 })).toContainText(lastName);
  expect(page.url()).not.toContain(target.id);
  await page.screenshot({ path: testInfo.outputPath('03-registered.png'), fullPage: true });
});
