import { expect, test, type Page } from '@playwright/test';
import sharp from 'sharp';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';

/**
 * The seller dashboard end to end, each test with a fresh account: open a store (slug suggested from the name),
 * add a product with photos and size × colour variants, edit stock inline, archive and restore, and hit the Free
 * plan's product limit.
 */

async function photo(color: string, name: string) {
  const buffer = await sharp({ create: { width: 640, height: 640, channels: 3, background: color } })
    .jpeg()
    .toBuffer();
  return { name, mimeType: 'image/jpeg', buffer };
}

async function openStore(page: Page, name: string): Promise<string> {
  await page.goto('/dashboard');
  await page.getByRole('link', { name: 'Abre tu tienda' }).first().click();
  await page.getByLabel('Nombre de la tienda').fill(name);
  const slug = page.getByLabel('Dirección de tu tienda');
  await expect(slug).not.toHaveValue('');
  await expect(page.getByText('✓ Disponible')).toBeVisible();
  await page.getByLabel('WhatsApp').fill('+51 987 654 321');
  await page.getByLabel('Moneda').selectOption('PEN');
  await page.getByRole('button', { name: 'Abrir mi tienda' }).click();
  await page.waitForURL((url) => url.pathname === '/dashboard' && url.searchParams.has('tienda'));
  return new URL(page.url()).searchParams.get('tienda')!;
}

test('open a store, add a product with photos and variants, edit stock inline, archive and restore', async ({
  page,
  context,
}, testInfo) => {
  await signUpThroughUi(page, context, freshEmail(testInfo, 'tienda'));
  await expect(page.getByRole('heading', { name: /bienvenida/ })).toBeVisible();
  const name = `Tejidos ${Date.now().toString(36)}`;
  const storeId = await openStore(page, name);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expect(page.getByText('Aún no tienes productos')).toBeVisible();

  // Product editor: field errors from the shared zod schema, then a valid product.
  await page.goto(`/dashboard/tiendas/${storeId}/productos/nuevo`);
  const fileInput = page.locator('input[type=file]').first();
  await expect(fileInput).toBeEnabled(); // enabled once hydrated
  await fileInput.setInputFiles([await photo('#c0392b', 'roja.jpg'), await photo('#222222', 'negra.jpg')]);
  await expect(page.getByRole('img', { name: 'Foto 2' })).toBeVisible({ timeout: 30_000 });
  await page.getByLabel('Título').fill('Polo Pima');
  await page.getByLabel('Precio', { exact: true }).fill('59.90');
  await page.getByLabel('Precio antes').fill('49');
  await page.getByRole('button', { name: /Agregar opciones/ }).click();
  await page.getByLabel('Opción 1').fill('Talla');
  await page
    .getByLabel(/^Valores/)
    .first()
    .fill('S, M,');
  await page.getByRole('button', { name: 'Agregar otra opción' }).click();
  await page.getByLabel('Opción 2').fill('Color');
  await page
    .getByLabel(/^Valores/)
    .nth(1)
    .fill('Rojo, Negro,');
  await expect(page.locator('input[id^="v-stock-"]')).toHaveCount(4);
  await page.getByLabel('Mismo stock para todas').fill('3');
  await page.getByRole('button', { name: 'Aplicar' }).click();
  await page.locator('#v-stock-2').fill('');
  await page.getByRole('button', { name: 'Crear producto' }).click();
  await expect(page.getByText('Ingresa el stock.')).toBeVisible();
  await expect(page.getByText('Debe ser mayor que el precio.')).toBeVisible();
  await page.locator('#v-stock-2').fill('5');
  await page.getByLabel('Precio antes').fill('79.90');
  await page.getByRole('button', { name: 'Crear producto' }).click();
  await expect(page.getByText('¡Producto creado!')).toBeVisible();

  // Product table: inline stock per variant (optimistic, saved on Enter), archive, restore.
  await page.goto(`/dashboard/tiendas/${storeId}/productos`);
  await expect(page.getByRole('link', { name: 'Polo Pima', exact: true })).toBeVisible();
  await page.getByRole('button', { name: /14 uds · 4 variantes/ }).click();
  const stock = page.getByLabel(/Stock de Polo Pima, (S \/ Rojo|Rojo \/ S)/);
  await stock.fill('7');
  await stock.press('Enter');
  await expect(page.getByRole('button', { name: /18 uds · 4 variantes/ })).toBeVisible();
  await expect(page.getByText('Guardado')).toBeAttached();
  await page.reload();
  await expect(page.getByRole('button', { name: /18 uds · 4 variantes/ })).toBeVisible();

  await page.getByRole('button', { name: 'Archivar Polo Pima' }).click();
  await expect(page.getByText('«Polo Pima» archivado.')).toBeVisible();
  await page.getByRole('tab', { name: 'Archivados' }).click();
  await page.getByRole('button', { name: 'Restaurar Polo Pima' }).click();
  await expect(page.getByText('«Polo Pima» restaurado')).toBeVisible();

  // The buyer side sees it: the store page (brand colour, product card with its photo) and marketplace search.
  const publicHref = await page.getByRole('link', { name: 'Ver tienda' }).first().getAttribute('href');
  expect(publicHref).toMatch(/^\/s\/[a-z0-9-]+$/);
  await page.goto(publicHref!);
  await expect(page.getByRole('heading', { name })).toBeVisible();
  await expectImagesLoaded(page.getByRole('img', { name: /Polo Pima/ }));
  await page.getByRole('link', { name: /Polo Pima/ }).first().click();
  await expect(page.getByRole('heading', { name: 'Polo Pima' })).toBeVisible();
  await expect.poll(() => page.locator('main').getByRole('img', { name: /Polo Pima/ }).count()).toBeGreaterThanOrEqual(2); // both photos
  await expectImagesLoaded(page.locator('main img'));

  await page.goto(`/buscar?q=${encodeURIComponent('polo pima')}`);
  // the result card names its store, and this test's store name is unique
  await expect(page.getByRole('list').getByText(name, { exact: true })).toBeVisible();
});

/** The first image is visible with decoded pixels, and no eagerly loaded one is broken (a stale media URL). */
async function expectImagesLoaded(imgs: import('@playwright/test').Locator) {
  await expect(imgs.first()).toBeVisible();
  await expect.poll(() => imgs.first().evaluate((e) => (e as HTMLImageElement).naturalWidth)).toBeGreaterThan(0);
  const broken = (els: Element[]) =>
    els.filter((e) => {
      const img = e as HTMLImageElement;
      return img.loading !== 'lazy' && img.complete && img.naturalWidth === 0;
    }).length;
  await expect.poll(() => imgs.evaluateAll(broken)).toBe(0);
}

test('the Free plan stops at 20 active products and says how to get more', async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  await signUpThroughUi(page, context, freshEmail(testInfo, 'limite'));
  const storeId = await openStore(page, `Limite ${Date.now().toString(36)}`);
  for (let i = 0; i < 20; i++) {
    await trpcMutation(page, 'product.create', {
      storeId,
      title: `Producto ${i + 1}`,
      price: 1000 + i,
      currency: 'PEN',
      variants: [{ options: {}, stock: 1 }],
    });
  }
  await page.goto(`/dashboard?tienda=${storeId}`);
  await expect(page.getByText(/20\s*de\s*20 productos activos/)).toBeVisible();
  await expect(page.getByText('Mejora a Pro: hasta 5 tiendas y 1.000 productos.').first()).toBeVisible();

  await page.goto(`/dashboard/tiendas/${storeId}/productos/nuevo`);
  await page.getByLabel('Título').fill('Uno de más');
  await page.getByLabel('Precio', { exact: true }).fill('25');
  await page.getByRole('button', { name: 'Crear producto' }).click();
  await expect(page.getByText('No pudimos crear el producto.')).toBeVisible();
  await expect(page.getByRole('link', { name: 'Ver planes' }).last()).toHaveAttribute('href', '/dashboard/plan');
});
