import { expect, test } from '@playwright/test';
import { publicUrls } from './support';

/** Spanish first, English second: the switch changes the strings and the money format; the browser language is followed. */
test('switching to English changes the strings and the currency format, and the choice sticks', async ({ page }) => {
  const { product } = await publicUrls(page);
  await page.goto(product);
  await expect(page.locator('html')).toHaveAttribute('lang', 'es');
  await expect(page.getByRole('button', { name: 'Agregar al carrito' })).toBeVisible();
  const priceEs = (await page.locator('main').getByText(/^S\/\s?\d/).first().innerText()).trim();
  expect(priceEs).toMatch(/^S\/\s?\d+(\.\d{2})?$/);

  await page.getByTestId('locale-switch').first().click();
  await page.waitForURL(`**/en${product}`);
  await expect(page.locator('[lang="en"]').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Add to cart' })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Description' })).toBeVisible();
  const priceEn = (await page.locator('main').getByText(/^PEN\s?\d/).first().innerText()).trim();
  expect(priceEn).toMatch(/^PEN\s?\d+(\.\d{2})?$/);
  expect(priceEn.replace(/\D/g, '')).toBe(priceEs.replace(/\D/g, ''));

  // hreflang/canonical point at both language URLs.
  await expect(page.locator('link[rel="canonical"]')).toHaveAttribute('href', new RegExp(`/en${product}$`));
  await expect(page.locator('link[rel="alternate"][hreflang="es"]')).toHaveAttribute('href', new RegExp(`${product}$`));

  // The cookie remembers it: the Spanish URL now redirects, and per-request pages (search) speak English too.
  await page.goto(product);
  await expect(page).toHaveURL(new RegExp(`/en${product}$`));
  await page.goto('/buscar');
  await expect(page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Sign in' })).toBeVisible();

  // And back.
  await page.goto(`/en${product}`);
  await page.getByTestId('locale-switch').first().click();
  await page.waitForURL((u) => u.pathname === product);
  await expect(page.getByRole('button', { name: 'Agregar al carrito' })).toBeVisible();
});

test.describe('an English browser', () => {
  test.use({ locale: 'en-US' });
  test('lands on the English page from a Spanish link', async ({ page }) => {
    const { store } = await publicUrls(page);
    await page.goto(store);
    await expect(page).toHaveURL(new RegExp(`/en${store}$`));
    await expect(page.getByRole('heading', { name: 'Products' })).toBeVisible();
  });
});

test('the English pages are static: no cookie needed, same HTML for everyone', async ({ request }) => {
  const res = await request.get('/en', { headers: { 'accept-language': 'es' } });
  expect(res.status()).toBe(200);
  expect(res.headers()['x-nextjs-cache'] ?? res.headers()['x-nextjs-prerender']).toBeTruthy();
  expect(await res.text()).toContain('Buy directly from the stores');
});
