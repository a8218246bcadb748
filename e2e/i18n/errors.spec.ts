import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { publicUrls } from '../pwa/support';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';

/** Phone screenshots go here when I18N_SHOT_DIR is set (outside test-results, which is wiped). */
async function shot(page: Page, name: string) {
  const dir = process.env.I18N_SHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

/**
 * Error texts follow the reader's language: a field error the form finds itself (shared zod schema, checked in the
 * browser) and one the server sends (the address is taken), in English with NEXT_LOCALE=en and in Spanish without.
 */
test('an English seller sees English field and server errors in the store form; a Spanish one, Spanish', async ({ page, context, baseURL }, testInfo) => {
  test.setTimeout(120_000);
  const { store: demoStore } = await publicUrls(page);
  const takenSlug = demoStore.split('/')[2]!;

  await signUpThroughUi(page, context, freshEmail(testInfo, 'errores'));
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const store = await trpcMutation<{ id: string; slug: string }>(page, 'store.create', { name: `Telar ${tag}`, slug: `telar-${tag}`, currency: 'PEN' });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);

  await page.goto(`/dashboard/tiendas/${store.id}/editar`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const name = page.getByLabel('Store name');
  const save = page.getByRole('button', { name: 'Save changes' });

  // Checked in the browser with the shared schema (retried: a click before hydration submits the form natively).
  await expect(async () => {
    await name.fill('A');
    await save.click();
    await expect(page.getByText('At least 2 characters.')).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await expect(name).toHaveAttribute('aria-invalid', 'true');
  await shot(page, 'store-form-field-error-en');

  // Sent by the server: the address belongs to another store.
  await name.fill(`Telar ${tag}`);
  await page.getByLabel("Your store's address").fill(takenSlug);
  await save.click();
  await expect(page.getByText(/^Already taken\. Suggestion: /)).toBeVisible();
  await shot(page, 'store-form-server-error-en');

  // The same two errors for a Spanish reader.
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'es', url: baseURL! }]);
  await page.goto(`/dashboard/tiendas/${store.id}/editar`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  // A click before hydration submits the form natively (a reload): retry until the form's own check answers.
  await expect(async () => {
    await page.getByLabel('Nombre de la tienda').fill('A');
    await page.getByRole('button', { name: 'Guardar cambios' }).click();
    await expect(page.getByText('Mínimo 2 caracteres.')).toBeVisible({ timeout: 2_000 });
  }).toPass();
  await page.getByLabel('Nombre de la tienda').fill(`Telar ${tag}`);
  await page.getByLabel('Dirección de tu tienda').fill(takenSlug);
  await page.getByRole('button', { name: 'Guardar cambios' }).click();
  await expect(page.getByText(/^Ya está en uso\. Sugerencia: /)).toBeVisible();
});
