import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';
import { audit, publicUrls } from './support';

/**
 * The dark theme (app/dark-theme.css follows prefers-color-scheme): axe over the main public pages and a seller page
 * with the phone in dark mode (colour contrast is what the theme can break), and dark screenshots of the main screens
 * (DARK_SHOT_DIR keeps them outside test-results, which every run wipes).
 */
test.use({ colorScheme: 'dark' });

const shot = async (page: Page, testInfo: TestInfo, name: string) => {
  if (testInfo.project.name !== 'phone') return;
  const dir = process.env.DARK_SHOT_DIR;
  await page.screenshot({ path: dir ? path.join(dir, `${name}.png`) : testInfo.outputPath(`${name}.png`), fullPage: true });
};

test('dark: the page really is dark (the theme applies without a script)', async ({ page }) => {
  await page.goto('/ingresar');
  const bg = await page.evaluate(() => getComputedStyle(document.body).backgroundColor);
  expect(bg).not.toBe('rgb(255, 255, 255)');
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
});

type Urls = Awaited<ReturnType<typeof publicUrls>>;
const PUBLIC: Record<string, (u: Urls) => string> = {
  home: () => '/',
  store: (u) => u.store,
  product: (u) => u.product,
  cart: () => '/carrito',
  'sign in': () => '/ingresar',
};
for (const [name, url] of Object.entries(PUBLIC)) {
  test(`dark axe: ${name}`, async ({ page }) => {
    await audit(page, url(await publicUrls(page)));
  });
}

test('dark axe: seller dashboard', async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  await signUpThroughUi(page, context, freshEmail(testInfo, 'dark-axe'));
  await audit(page, '/dashboard');
});

test('dark screenshots: buyer screens', async ({ page }, testInfo) => {
  test.setTimeout(150_000);
  const u = await publicUrls(page);
  for (const [name, p] of [['home', '/'], ['store', u.store], ['product', u.product], ['sign-in', '/ingresar']] as const) {
    await page.goto(p);
    await page.waitForLoadState('load');
    await shot(page, testInfo, `dark-${name}`);
  }
  await page.goto(u.product);
  await page.getByRole('button', { name: 'Agregar al carrito' }).click();
  await expect(page.getByText(/Agregado\./)).toBeVisible({ timeout: 20_000 });
  await page.goto('/carrito');
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await shot(page, testInfo, 'dark-cart');
  await page.goto('/checkout');
  await page.waitForLoadState('load');
  await shot(page, testInfo, 'dark-checkout');
});

test('dark screenshots: seller and admin screens', async ({ page, context, browser }, testInfo) => {
  test.setTimeout(180_000);
  await signUpThroughUi(page, context, freshEmail(testInfo, 'dark'));
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const store = await trpcMutation<{ id: string }>(page, 'store.create', { name: `Tienda Oscura ${tag}`, slug: `oscura-${tag}`, currency: 'PEN' });
  for (const [name, p] of [
    ['dashboard', '/dashboard'],
    ['product-editor', `/dashboard/tiendas/${store.id}/productos/nuevo`],
    ['inbox', '/dashboard/inbox'],
    ['wallet', `/dashboard/tiendas/${store.id}/billetera`],
  ] as const) {
    await page.goto(p);
    await page.waitForLoadState('load');
    await shot(page, testInfo, `dark-${name}`);
  }
  // The local demo admin (scripts/local/demo-admin.ts writes its password to the e2e data dir).
  const dir = path.resolve(process.env.VITA_DATA_DIR ?? '.data/e2e');
  const { email, password } = (JSON.parse(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')) as { demoAdmin: { email: string; password: string } }).demoAdmin;
  const adminContext = await browser.newContext({ viewport: page.viewportSize() ?? undefined, locale: 'es-PE', colorScheme: 'dark' });
  const admin = await adminContext.newPage();
  await admin.goto('/ingresar?next=/admin');
  await admin.getByLabel('Correo electrónico').fill(email);
  await admin.getByLabel('Contraseña', { exact: true }).fill(password);
  await admin.getByRole('button', { name: 'Entrar' }).click();
  await admin.waitForURL((url) => url.pathname === '/admin');
  await admin.waitForLoadState('load');
  await shot(admin, testInfo, 'dark-admin');
  await adminContext.close();
});
