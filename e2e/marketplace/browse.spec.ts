import { expect, test } from '@playwright/test';

/**
 * A signed-out buyer on the demo catalogue (read only, so tests can share it): home → search with a typo and
 * filters (no JavaScript needed) → store page in its brand colour → product page whose price and stock come from
 * the live island → WhatsApp contact. Archived products and unknown stores answer 404.
 */

test('home shows featured stores, products and categories', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Compra directo');
  await expect(page.getByRole('heading', { name: 'Tiendas destacadas' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Tejidos Quispe' }).first()).toBeVisible();
  await expect(page.getByRole('heading', { name: 'Productos destacados' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Joyería' }).first()).toHaveAttribute('href', '/c/joyeria');
  await expect(page.getByRole('link', { name: 'Vender en VITA' }).first()).toHaveAttribute('href', '/dashboard');
});

test('search corrects a typo and filters with a plain form', async ({ page }) => {
  await page.goto('/');
  const box = page.getByRole('searchbox', { name: 'Buscar productos' }).last();
  await box.fill('zapatilas');
  await box.press('Enter');
  await expect(page).toHaveURL(/\/buscar\?q=zapatilas/);
  await expect(page.getByText('Mostrando resultados para')).toContainText('zapatillas');
  await expect(page.getByRole('link', { name: 'Zapatillas urbanas de lona' })).toBeVisible();

  await page.goto('/buscar?q=alpaca&stock=1&orden=bestsellers');
  await expect(page.getByRole('link', { name: 'Con stock (quitar filtro)' })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Cárdigan de alpaca trenzado' })).toHaveCount(0); // sold out
});

test('filters work without JavaScript', async ({ browser }) => {
  const context = await browser.newContext({ javaScriptEnabled: false });
  const page = await context.newPage();
  await page.goto('/buscar?q=alpaca');
  const form = page.locator('form:visible', { has: page.getByRole('button', { name: 'Aplicar filtros' }) });
  const summary = page.locator('summary:visible');
  if (await summary.count()) await summary.click();
  await form.getByLabel('Solo con stock').check();
  await form.getByRole('button', { name: 'Aplicar filtros' }).click();
  await expect(page).toHaveURL(/stock=1/);
  await expect(page.getByRole('link', { name: 'Chompa de alpaca tejida a mano' })).toBeVisible();
  await context.close();
});

test('store page uses the brand colour and links to WhatsApp', async ({ page }) => {
  await page.goto('/s/tejidos-quispe');
  await expect(page.getByRole('heading', { level: 1, name: /Tejidos Quispe/ })).toBeVisible();
  const brand = await page.locator('main').first().evaluate((el) => getComputedStyle(el).getPropertyValue('--brand').trim());
  expect(brand).toBe('#b45309');
  await expect(page.getByRole('link', { name: 'Escribir por WhatsApp' })).toHaveAttribute('href', /^https:\/\/wa\.me\/51984123456\?text=/);
  await expect(page.getByRole('link', { name: 'Chompa de alpaca tejida a mano' })).toBeVisible();
});

test('cached pages are whole HTML: nothing streamed in after the shell (no layout shift, all there without JavaScript)', async ({ request }) => {
  for (const path of ['/', '/s/tejidos-quispe', '/s/tejidos-quispe/p/chompa-alpaca-tejida-a-mano', '/en/s/tejidos-quispe']) {
    const html = await (await request.get(path)).text();
    // React's placeholder for a Suspense boundary whose content comes later in the stream
    expect(html, path).not.toMatch(/<template id="B:\d+"/);
    expect(html.indexOf('<header'), path).toBeGreaterThan(-1);
    expect(html.indexOf('<header'), path).toBeLessThan(html.indexOf('<main'));
    expect(html, path).toMatch(/<footer/);
  }
});

test('store page photos are optimised images with no image script: the first one preloaded, the rest lazy', async ({ page }) => {
  const scripts: string[] = [];
  page.on('response', (r) => {
    if (r.request().resourceType() === 'script') scripts.push(r.url());
  });
  await page.goto('/s/tejidos-quispe');
  const photos = page.locator('main ul img');
  await expect(photos.first()).toBeVisible();
  const first = photos.first();
  // next.config.mjs's own widths (390 is not one of Next's defaults), served through the image optimiser
  await expect(first).toHaveAttribute('srcset', /\/_next\/image\?url=%2Fmedia%2F.+&w=390&q=75 390w/);
  await expect(first).toHaveAttribute('fetchpriority', 'high');
  await expect(first).not.toHaveAttribute('loading', 'lazy');
  await expect(photos.nth(1)).toHaveAttribute('loading', 'lazy');
  await expect.poll(() => first.evaluate((img: HTMLImageElement) => img.complete && img.naturalWidth > 0)).toBe(true);
  // One image preload: this page's. The product pages next/link prefetches from the cards must not add theirs (a
  // server component's react-dom preload() did: a hint in each prefetched payload, acted on by the browser).
  await page.waitForLoadState('networkidle');
  await expect(page.locator('link[rel="preload"][as="image"][fetchpriority="high"]')).toHaveCount(1);
  // next/image's client component is not part of the page
  const bodies = await Promise.all(scripts.map((u) => page.request.get(u).then((r) => r.text())));
  expect(bodies.some((b) => b.includes('data-nimg') && b.includes('onLoadingComplete'))).toBe(false);
});

test('product cards prefetch their page on intent (touch, pointer, focus), not all at once when the page loads', async ({ page }) => {
  const prefetched: string[] = [];
  page.on('request', (r) => {
    const h = r.headers();
    if (h['rsc'] && new URL(r.url()).pathname.includes('/p/')) prefetched.push(new URL(r.url()).pathname);
  });
  await page.goto('/s/tejidos-quispe');
  await page.waitForLoadState('networkidle');
  expect(prefetched).toEqual([]);
  const card = page.locator('main ul li a[href*="/p/"]').first();
  const href = (await card.getAttribute('href'))!;
  await card.focus();
  await expect.poll(() => prefetched).toContain(href);
  await card.click();
  await expect(page).toHaveURL(new RegExp(`${href}$`));
  await expect(page.locator('h1')).toBeVisible();
});

test('product page: live price and stock, variant picker, WhatsApp with the product name', async ({ page }) => {
  const live = page.waitForResponse((r) => r.url().includes('/api/live-offers') && r.ok());
  await page.goto('/s/tejidos-quispe/p/chompa-alpaca-tejida-a-mano');
  const response = await live;
  expect(response.headers()['cache-control']).toBe('no-store');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Chompa de alpaca tejida a mano');
  await expect(page.getByText('S/ 289').first()).toBeVisible();
  await expect(page.getByRole('button', { name: 'Agregar al carrito' })).toBeEnabled();

  // The first available variant (S / Terracota) is preselected. S / Azul marino is sold out in the demo data
  // (its button then reads "S (agotado)"); M / Azul marino is not.
  await expect(page.getByRole('button', { name: 'S', exact: true })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'Azul marino' }).click();
  await expect(page.getByText('Agotado en esta opción')).toBeVisible();
  // A sold-out option cannot be added to the cart.
  await expect(page.getByRole('button', { name: 'Agotado', exact: true })).toBeDisabled();
  await expect(page.getByRole('button', { name: 'S (agotado)' })).toHaveAttribute('aria-pressed', 'true');
  await page.getByRole('button', { name: 'M', exact: true }).click();
  await expect(page.getByText(/En stock|Quedan/)).toBeVisible();
  const wa = await page.getByRole('link', { name: 'Escribir por WhatsApp' }).getAttribute('href');
  expect(decodeURIComponent(wa ?? '')).toContain('«Chompa de alpaca tejida a mano» (Talla M, Color Azul marino)');
});

test('archived products, unknown stores and categories are not found', async ({ page }) => {
  for (const path of ['/s/mercadito-de-oaxaca/p/caja-regalo-guelaguetza-2023', '/s/tienda-que-no-existe', '/c/no-existe']) {
    const res = await page.goto(path);
    expect(res?.status(), path).toBe(404);
  }
  await expect(page.getByText('Error 404')).toBeVisible();
});
