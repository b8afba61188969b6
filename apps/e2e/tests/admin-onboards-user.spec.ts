import { expect, test } from '@playwright/test';

const DEMO_PASSWORD = 'demo-clinic-2026';

/**
 * Admin journey: sign in, register a new receptionist, hand over the one-time set-password link; the new person
 * opens it, chooses a password, signs in and sees only what a receptionist may use. The link then no longer works.
 */
test('an admin onboards a receptionist who sets a password and signs in', async ({ page, browser }, testInfo) => {
  await page.goto('/login');
  await page.getByRole('textbox', { name: 'Email', exact: true }).fill('admin@demo.clinic');
  await page.getByRole('textbox', { name: 'Password', exact: true }).fill(DEMO_PASSWORD);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();

  await page.getByRole('link', { name: 'Users' }).click();
  await expect(page.getByRole('heading', { name: 'Users' })).toBeVisible();
  await page.getByRole('link', { name: 'New user' }).or(page.getByRole('button', { name: 'New user' })).first().click();

  const email = `front.desk.${Date.now()}@demo.clinic`;
  await page.getByRole('textbox', { name: 'Name' }).fill('Casey Front Desk');
  await page.getByRole('textbox', { name: 'Email' }).fill(email);
  await page.getByRole('checkbox', { name: /^Receptionist/ }).check();
  await page.getByRole('checkbox', { name: 'Kitsilano' }).check();
  await page.getByRole('button', { name: 'Create user' }).click();

  const linkField = page.getByRole('textbox', { name: 'Set-password link' });
  await expect(linkField).toBeVisible();
  const link = await linkField.inputValue();
  expect(link).toMatch(/\/reset-password\?token=/);
  await page.screenshot({ path: testInfo.outputPath('admin-new-user-link.png'), fullPage: true });

  // The new receptionist, in a separate browser context (no admin cookie).
  const context = await browser.newContext();
  const newcomer = await context.newPage();
  await newcomer.goto(new URL(link).pathname + new URL(link).search);
  const password = 'quiet harbour lantern 42';
  await newcomer.getByLabel(/^New password/).fill(password);
  await newcomer.getByLabel(/^Repeat new password/).fill(password);
  await newcomer.getByRole('button', { name: 'Set new password' }).click();

  await expect(newcomer).toHaveURL(/\/login/);
  await newcomer.getByRole('textbox', { name: 'Email', exact: true }).fill(email);
  await newcomer.getByRole('textbox', { name: 'Password', exact: true }).fill(password);
  await newcomer.getByRole('button', { name: 'Sign in', exact: true }).click();
  await expect(newcomer.getByText('Casey Front Desk').first()).toBeVisible();
  // A receptionist's navigation has no admin entries.
  await expect(newcomer.getByRole('link', { name: 'Users' })).toHaveCount(0);
  await expect(newcomer.getByRole('link', { name: 'Audit log' })).toHaveCount(0);
  await newcomer.screenshot({ path: testInfo.outputPath('receptionist-home.png'), fullPage: true });

  // The link was single-use.
  const reuse = await context.request.post('/api/auth/password-reset/complete', {
    data: { token: new URL(link).searchParams.get('token'), password: 'another long password 7' },
  });
  expect(reuse.status()).toBe(400);
  await context.close();
});
