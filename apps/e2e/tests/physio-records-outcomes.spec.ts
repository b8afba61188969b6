import { expect, test, type Page } from '@playwright/test';

const DEMO_PASSWORD = 'demo-clinic-2026';

type PlanSummary = { id: string; completedSessions: number; primaryMeasure: string; patient: { name: string } };
type PlanOutcomes = { measures: Array<{ measure: string; records: unknown[] }> };

async function signIn(page: Page) {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('physio@demo.clinic');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(page.getByText('Maya Thompson').first()).toBeVisible();
}

/** Answers all ten NDI items with the same value through the form's radio groups. */
async function answerNdi(page: Page, value: number) {
  const answers = page.getByRole('region', { name: 'NDI answers' });
  const groups = answers.getByRole('radiogroup');
  await expect(groups).toHaveCount(10);
  for (let index = 0; index < 10; index += 1) {
    await groups.nth(index).getByRole('radio', { name: String(value), exact: true }).check();
  }
}

/**
 * A physiotherapist records a baseline NDI and a session-4 NDI on a course in progress (one whose primary measure is
 * another, so its baseline is free), and sees on the plan page the change from baseline, the MCID line on the chart
 * and the responder status.
 */
test('a physiotherapist records a baseline and a session-4 NDI and sees the change, the MCID line and the responder status', async ({ page }, testInfo) => {
  await signIn(page);
  const { items } = (await (await page.request.get('/api/plans?status=active&pageSize=200')).json()) as { items: PlanSummary[] };
  let plan: PlanSummary | undefined;
  for (const candidate of items.filter((p) => p.completedSessions >= 4 && p.primaryMeasure !== 'NDI')) {
    const outcomes = (await (await page.request.get(`/api/plans/${candidate.id}/outcomes`)).json()) as PlanOutcomes;
    if (!outcomes.measures.some((m) => m.measure === 'NDI' && m.records.length > 0)) {
      plan = candidate;
      break;
    }
  }
  expect(plan, 'an active demo course with 4+ signed sessions and no NDI yet').toBeTruthy();

  await page.goto(`/plans/${plan!.id}`);
  // Baseline: every item 3 of 5 → NDI 30 of 50.
  await page.getByRole('button', { name: 'Record outcome' }).click();
  let dialog = page.getByRole('dialog', { name: 'Record outcome' });
  await dialog.getByRole('textbox', { name: 'Measure' }).click();
  await page.getByRole('option', { name: /^NDI/ }).click();
  await dialog.getByRole('radio', { name: 'Baseline', exact: true }).check();
  await answerNdi(page, 3);
  await expect(dialog.getByRole('status', { name: 'Score preview' })).toContainText('30');
  await dialog.getByRole('button', { name: 'Record outcome' }).click();
  await expect(dialog).toBeHidden();

  // Session 4: every item 2 → NDI 20: 10 points better, beyond the 7.5-point MCID.
  await page.getByRole('button', { name: 'Record outcome' }).click();
  dialog = page.getByRole('dialog', { name: 'Record outcome' });
  await dialog.getByRole('textbox', { name: 'Measure' }).click();
  await page.getByRole('option', { name: /^NDI/ }).click();
  await dialog.getByRole('radio', { name: 'Session', exact: true }).check();
  await dialog.getByRole('textbox', { name: 'Session number' }).fill('4');
  await answerNdi(page, 2);
  await expect(dialog.getByRole('status', { name: 'Score preview' })).toContainText('20');
  await dialog.getByRole('button', { name: 'Record outcome' }).click();
  await expect(dialog).toBeHidden();

  const card = page.getByRole('region', { name: 'NDI outcomes' });
  await expect(card).toContainText('−10 points (−33.3%)');
  await expect(card).toContainText('MCID reached');
  await expect(card.getByText('Responder', { exact: true })).toBeVisible();
  // The chart draws the MCID target as a labelled reference line (baseline 30 − 7.5 = 22.5).
  const chart = card.getByRole('figure', { name: 'NDI over the course' });
  await expect(chart.getByText('MCID', { exact: true })).toBeVisible();
  await expect(chart).toContainText('dashed line: MCID target 22.5');
  await card.scrollIntoViewIfNeeded();
  await page.screenshot({ path: testInfo.outputPath('ndi-responder.png'), fullPage: true });
});
