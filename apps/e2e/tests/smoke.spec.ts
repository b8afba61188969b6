import { expect, test } from '@playwright/test';

test.describe('smoke', () => {
  test('the app serves its health check', async ({ request }) => {
    const response = await request.get('/api/health');
    expect(response.status()).toBe(200);
    expect(await response.json()).toMatchObject({ status: 'ok' });
  });

  test('a visitor opening / is sent to the sign-in page', async ({ page }, testInfo) => {
    await page.goto('/');

    await expect(page).toHaveURL(/\/login(?:[?#].*)?$/);
    await expect(page.getByRole('heading', { name: 'Sign in' })).toBeVisible();
    // By accessible name, i.e. through the <label>: a required field's label text also holds a
    // decorative "*", so getByLabel(..., { exact: true }) would not match.
    await expect(page.getByRole('textbox', { name: 'Email', exact: true })).toBeVisible();
    await expect(page.getByRole('textbox', { name: 'Password', exact: true })).toBeVisible();
    await expect(page.getByRole('button', { name: 'Sign in', exact: true })).toBeEnabled();

    const screenshot = testInfo.outputPath('login-page.png');
    await page.screenshot({ path: screenshot, fullPage: true });
    await testInfo.attach('login page', { path: screenshot, contentType: 'image/png' });
  });
});
