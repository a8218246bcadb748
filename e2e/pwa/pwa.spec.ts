import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { publicUrls, waitForServiceWorker } from './support';

/**
 * Issue 7, installable PWA: the service worker activates, public pages open offline from its cache, anything else
 * shows the offline page, and Chromium's own installability check passes. Service workers are blocked in the other
 * suites (playwright.config.ts); this one allows them.
 */
test.use({ serviceWorkers: 'allow' });

test('the manifest is valid: name, standalone, theme, 192/512 + maskable icons that exist, seller shortcuts', async ({ request }) => {
  const res = await request.get('/manifest.webmanifest');
  expect(res.ok()).toBe(true);
  const m = await res.json();
  expect(m).toMatchObject({ name: expect.stringContaining('VITA'), short_name: 'VITA', display: 'standalone', start_url: expect.stringMatching(/^\//), theme_color: '#7c3aed', lang: 'es' });
  const sizes = (m.icons as Array<{ sizes: string; purpose?: string; src: string }>).map((i) => `${i.sizes}:${i.purpose ?? 'any'}`);
  expect(sizes).toEqual(expect.arrayContaining(['192x192:any', '512x512:any', '512x512:maskable']));
  for (const icon of m.icons as Array<{ src: string }>) {
    const r = await request.get(icon.src);
    expect(r.ok(), icon.src).toBe(true);
    expect(r.headers()['content-type']).toBe('image/png');
  }
  expect((m.shortcuts as Array<{ name: string }>).map((s) => s.name)).toEqual(['Nuevo producto', 'Pedidos', 'Salir en vivo']);
});

test('the service worker activates and Chromium finds the app installable', async ({ playwright, baseURL }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'installability is checked once, on the desktop project');
  // Chromium never offers installation in an incognito profile (every default Playwright context is one): use a real profile.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vita-pwa-'));
  const context = await playwright.chromium.launchPersistentContext(dir, {
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-dev-shm-usage', '--disable-gpu'],
    baseURL,
    locale: 'es-PE',
    serviceWorkers: 'allow',
  });
  try {
    const page = context.pages()[0] ?? (await context.newPage());
    await page.goto('/');
    await waitForServiceWorker(page);
    const scope = await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())?.scope);
    expect(scope).toBe(`${baseURL}/`);
    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send('Page.getInstallabilityErrors')) as { installabilityErrors: Array<{ errorId: string }> };
    expect(installabilityErrors.map((e) => e.errorId)).toEqual([]);
    const manifest = (await cdp.send('Page.getAppManifest')) as { url: string; errors: unknown[] };
    expect(manifest.url).toContain('/manifest.webmanifest');
    expect(manifest.errors).toEqual([]);
  } finally {
    await context.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('offline: a visited store page opens from the cache, an unvisited page shows the offline page', async ({ page, context }) => {
  const { store, product } = await publicUrls(page);
  await page.goto('/');
  await waitForServiceWorker(page);
  // Visit the store once online: the worker keeps it (stale-while-revalidate).
  await page.goto(store);
  const storeName = (await page.locator('#store-name > span').first().innerText()).trim();
  await expect
    .poll(() => page.evaluate(async (path) => !!(await (await caches.open('vita-pages')).match(path)), store), { timeout: 10_000 })
    .toBe(true);

  await context.setOffline(true);
  try {
    await page.goto(store);
    await expect(page.getByRole('heading', { level: 1 })).toContainText(storeName);
    // A page never visited (and anything personal) falls back to the offline page.
    await page.goto(`${product}?nocache=1`);
    await expect(page.getByTestId('offline-page')).toBeVisible();
    await expect(page.getByRole('heading', { name: 'Sin conexión' })).toBeVisible();
    await page.goto('/dashboard');
    await expect(page.getByTestId('offline-page')).toBeVisible();
  } finally {
    await context.setOffline(false);
  }
  // Back online the offline page reloads itself; then look at what the worker stored.
  await expect(page.getByTestId('offline-page')).toBeHidden({ timeout: 15_000 });
  await page.goto(store);
  // Nothing personal in the caches: no API answers, no dashboard, no cart or checkout.
  const cached = await page.evaluate(async () => {
    const urls: string[] = [];
    for (const name of await caches.keys()) for (const req of await (await caches.open(name)).keys()) urls.push(new URL(req.url).pathname);
    return urls;
  });
  expect(cached.filter((u) => /^\/(api|dashboard|carrito|checkout|pedidos|ingresar)/.test(u))).toEqual([]);
});
