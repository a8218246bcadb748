import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { expect, test, type Page } from '@playwright/test';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';
import { publicUrls } from './support';

/** Phone screenshots of the translated pages go here when I18N_SHOT_DIR is set (outside test-results, which is wiped). */
async function shot(page: Page, name: string) {
  const dir = process.env.I18N_SHOT_DIR;
  if (!dir) return;
  mkdirSync(dir, { recursive: true });
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
}

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
  await expect(page.getByRole('group', { name: 'Share' }).getByRole('button', { name: 'Copy link' })).toBeVisible();
  await expect(page.getByText(/^(In stock|Only \d units? left!|Sold out)$/)).toBeVisible();
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

test('per-request pages follow the NEXT_LOCALE=en cookie: <html lang>, seller dashboard, cart, checkout, orders, search, sign-in', async ({
  page,
  context,
  browser,
  baseURL,
}, testInfo) => {
  test.setTimeout(150_000);
  // The static English twin is served as a real English document, not a Spanish one with a lang="en" wrapper.
  await page.goto('/en');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await signUpThroughUi(page, context, freshEmail(testInfo, 'idioma'));
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const store = await trpcMutation<{ id: string; slug: string; name: string }>(page, 'store.create', { name: `Telar ${tag}`, slug: `telar-${tag}`, currency: 'PEN' });
  const product = await trpcMutation<{ id: string; slug: string }>(page, 'product.create', {
    storeId: store.id,
    title: `Manta ${tag}`,
    description: 'Tejida a mano.',
    price: 8990,
    currency: 'PEN',
    variants: [{ options: {}, stock: 5 }],
  });
  await context.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);

  await page.goto(`/dashboard?tienda=${store.id}`);
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const nav = page.getByRole('navigation', { name: 'Dashboard' }).last();
  await expect(nav.getByRole('link', { name: 'Home' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'New product' })).toBeVisible();
  await expect(page.getByRole('region', { name: 'Store summary' }).getByText('Active', { exact: true })).toBeVisible();
  await shot(page, 'dashboard-en');

  await page.goto(`/dashboard/tiendas/${store.id}/productos`);
  await expect(page.getByRole('heading', { name: 'Products', level: 1 })).toBeVisible();
  await expect(page.getByRole('button', { name: `Archive Manta ${tag}` })).toBeVisible();
  await shot(page, 'products-en');

  await page.goto(`/dashboard/tiendas/${store.id}/pedidos`);
  await expect(page.getByRole('heading', { name: 'Orders', level: 1 })).toBeVisible();
  await expect(page.getByText("You have no orders yet. When someone buys from your store, you'll see it here.")).toBeVisible();
  await shot(page, 'seller-orders-en');

  await page.goto(`/dashboard/tiendas/${store.id}/billetera`);
  await expect(page.getByRole('region', { name: 'Balances' })).toBeVisible();
  await shot(page, 'wallet-en');

  await page.goto('/dashboard/plan');
  await expect(page.getByRole('heading', { name: 'Your plan', level: 1 })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Free', level: 2 })).toBeVisible(); // plans.name_en
  await shot(page, 'plan-en');

  // Buyer side: the product page redirects to its English twin; cart and checkout follow the cookie.
  await page.goto(`/s/${store.slug}/p/${product.slug}`);
  await expect(page).toHaveURL(new RegExp(`/en/s/${store.slug}/p/${product.slug}$`));
  await page.getByRole('button', { name: 'Add to cart' }).click();
  await expect(page.getByText(/Added\. You have 1 in your cart\./)).toBeVisible({ timeout: 20_000 });
  // The cached page's islands carry their English labels as props (no i18n client): the cart link's plural too.
  await expect(page.getByRole('link', { name: 'Cart, 1 item' })).toBeVisible();
  await page.goto('/carrito');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  await expect(page.getByRole('heading', { name: 'Your cart' })).toBeVisible();
  await expect(page.getByTestId('store-subtotal')).toHaveText(/^PEN\s?89\.90$/);
  await shot(page, 'cart-en');
  await page.getByRole('link', { name: 'Continue to payment' }).click();
  await expect(page.getByRole('heading', { name: 'Checkout', exact: true })).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Your details' })).toBeVisible();
  await shot(page, 'checkout-en');

  await page.goto('/pedidos');
  await expect(page.getByRole('heading', { name: 'My orders' })).toBeVisible();
  await shot(page, 'orders-en');

  await page.goto('/buscar');
  await expect(page.getByRole('heading', { name: 'All products' })).toBeVisible();
  // The filters toggle exists on phones only (desktop shows the filters beside the results); the search box is on both.
  await expect(page.getByPlaceholder('What do you need?').first()).toBeVisible();
  if (testInfo.project.name === 'phone') await expect(page.getByText('Filters and sort')).toBeVisible();
  await shot(page, 'search-en');

  // Sign-in, signed out (own context, same cookie).
  const anon = await browser.newContext({ baseURL, viewport: { width: 390, height: 844 }, locale: 'es-PE', serviceWorkers: 'block' });
  await anon.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: baseURL! }]);
  const signIn = await anon.newPage();
  await signIn.goto('/ingresar');
  await expect(signIn.locator('html')).toHaveAttribute('lang', 'en');
  await expect(signIn.getByRole('heading', { name: 'Sign in or create your account' })).toBeVisible();
  await expect(signIn.getByRole('button', { name: 'Sign in', exact: true })).toBeVisible();
  await expect(signIn.getByLabel('Email')).toBeVisible();
  await shot(signIn, 'sign-in-en');
  await anon.close();
});
