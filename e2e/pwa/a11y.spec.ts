import { test } from '@playwright/test';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';
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
  test.setTimeout(300_000);
  await signUpThroughUi(page, context, freshEmail(testInfo, 'axe'));
  for (const p of ['/dashboard', '/dashboard/tiendas/nueva', '/dashboard/plan', '/pedidos']) await audit(page, p);

  // The same seller with a store and a product: every section of the store's dashboard.
  const slug = `axe-${testInfo.project.name}-${Date.now().toString(36)}`;
  const store = await trpcMutation<{ id: string }>(page, 'store.create', { name: 'Tienda Axe', slug, currency: 'PEN' });
  await trpcMutation(page, 'product.create', {
    storeId: store.id,
    title: 'Gorro de lana',
    price: 2990,
    currency: 'PEN',
    options: [{ name: 'Talla', values: ['S', 'M'] }],
    variants: [
      { options: { Talla: 'S' }, stock: 3 },
      { options: { Talla: 'M' }, stock: 0 },
    ],
  });
  const base = `/dashboard/tiendas/${store.id}`;
  await audit(page, '/dashboard');
  for (const section of ['productos', 'pedidos', 'editar', 'cupones', 'entregas', 'billetera', 'equipo', 'en-vivo', 'clientes', 'verificacion']) {
    await audit(page, `${base}/${section}`);
  }
  await audit(page, '/mensajes');
});
