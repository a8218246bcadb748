import { test } from '@playwright/test';
import { freshEmail, signUpThroughUi } from '../support/auth';
import { audit, publicUrls } from './support';

type Urls = Awaited<ReturnType<typeof publicUrls>>;
const PUBLIC: Record<string, (u: Urls) => string | null> = {
  home: () => '/',
  'home (en)': () => '/en',
  store: (u) => u.store,
  'store (en)': (u) => `/en${u.store}`,
  product: (u) => u.product,
  'product (en)': (u) => `/en${u.product}`,
  category: (u) => u.category,
  search: () => '/buscar?q=cafe',
  cart: () => '/carrito',
  'sign in': () => '/ingresar',
  offline: () => '/offline',
  'store QR': (u) => `${u.store}/qr`,
};

for (const [name, path] of Object.entries(PUBLIC)) {
  test(`public: ${name}`, async ({ page }) => {
    const p = path(await publicUrls(page));
    test.skip(!p, 'no such page in the demo data');
    await audit(page, p!);
  });
}

test('seller pages', async ({ page, context }, testInfo) => {
  test.setTimeout(180_000);
  await signUpThroughUi(page, context, freshEmail(testInfo, 'axe'));
  for (const p of ['/dashboard', '/dashboard/tiendas/nueva', '/dashboard/plan', '/pedidos']) await audit(page, p);
});
