import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';

const DEMO_PASSWORD = 'demo-clinic-2026';

async function signIn(page: Page, email: string) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByRole('navigation').first()).toBeVisible();
}

/** Serious and critical axe violations of the page as it stands (WCAG 2.1 A/AA rules), described for the failure message. */
async function seriousViolations(page: Page): Promise<string[]> {
  // Let data load and Mantine's transitions finish so the check sees the page a user sees.
  await page.waitForLoadState('networkidle');
  await page.waitForTimeout(300);
  // A page that failed to load would pass trivially: the check is of the real screen.
  await expect(page.getByText(/^Could not load/)).toHaveCount(0);
  const results = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']).analyze();
  return results.violations
    .filter((violation) => violation.impact === 'serious' || violation.impact === 'critical')
    .map((violation) => {
      const nodes = violation.nodes.slice(0, 3).map((node) => {
        // For contrast, the colours axe measured say what to fix.
        const data = node.any[0]?.data as { fgColor?: string; bgColor?: string; contrastRatio?: number } | undefined;
        const colours = data?.fgColor ? ` [${data.fgColor} on ${data.bgColor}: ${data.contrastRatio}]` : '';
        return `${node.target.join(' ')} "${(node.html ?? '').slice(0, 80)}"${colours}`;
      });
      return `${violation.id} (${violation.impact}): ${violation.help} — ${nodes.join(' | ')}`;
    });
}

/** A detail page's path from the first item the API lists (with the page's session), e.g. a patient or a plan. */
async function firstDetailPath(page: Page, list: string, path: (id: string) => string): Promise<string> {
  const response = await page.request.get(list);
  expect(response.status(), `GET ${list}`).toBe(200);
  const { items } = (await response.json()) as { items: Array<{ id: string }> };
  expect(items.length, `${list} lists something`).toBeGreaterThan(0);
  return path(items[0].id);
}

test('the sign-in page has no serious or critical accessibility violation', async ({ page }) => {
  await page.goto('/login');
  expect(await seriousViolations(page)).toEqual([]);
});

type Detail = { list: string; path: (id: string) => string };
const PATIENT: Detail = { list: '/api/patients?q=a&pageSize=1', path: (id) => `/patients/${id}` };
const PLAN: Detail = { list: '/api/plans?status=active&pageSize=1', path: (id) => `/plans/${id}` };

const MAIN_PAGES: Array<{ role: string; email: string; paths: string[]; details?: Detail[] }> = [
  { role: 'receptionist', email: 'reception@demo.clinic', paths: ['/', '/patients', '/patients/new', '/schedule', '/schedule/course/new', '/account'], details: [PATIENT] },
  { role: 'physiotherapist', email: 'physio@demo.clinic', paths: ['/', '/my-day', '/patients'], details: [PATIENT, PLAN] },
  { role: 'manager', email: 'manager@demo.clinic', paths: ['/', '/my-day', '/patients', '/schedule', '/reports'] },
  { role: 'admin', email: 'admin@demo.clinic', paths: ['/', '/admin/users', '/admin/clinicians', '/admin/clinics', '/admin/audit'] },
];

for (const { role, email, paths, details } of MAIN_PAGES) {
  test(`every main page of the ${role} has no serious or critical accessibility violation`, async ({ page }) => {
    await signIn(page, email);
    const failures: string[] = [];
    const visit = async (path: string) => {
      await page.goto(path);
      for (const violation of await seriousViolations(page)) failures.push(`${path}: ${violation}`);
    };
    for (const path of paths) await visit(path);
    for (const detail of details ?? []) await visit(await firstDetailPath(page, detail.list, detail.path));
    expect(failures).toEqual([]);
  });
}

test('a signed visit note and the charting screen have no serious or critical accessibility violation', async ({ page }) => {
  await signIn(page, 'physio@demo.clinic');
  const visits = await page.request.get('/api/visits?status=signed&pageSize=1');
  const drafts = await page.request.get('/api/visits?status=draft&pageSize=1');
  const failures: string[] = [];
  for (const list of [visits, drafts]) {
    const { items } = (await list.json()) as { items: Array<{ id: string }> };
    if (items.length === 0) continue;
    await page.goto(`/visits/${items[0].id}`);
    for (const violation of await seriousViolations(page)) failures.push(`/visits/${items[0].id}: ${violation}`);
  }
  expect(failures).toEqual([]);
});
