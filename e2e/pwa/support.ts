import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';

/** axe-core over one page (WCAG 2.1 A/AA rules): zero serious or critical violations. */
export async function audit(page: Page, path: string) {
  await page.goto(path);
  await page.waitForLoadState('load');
  // label-content-name-mismatch (WCAG 2.5.3, label in name: a voice-control user says what they see) is marked
  // experimental in axe-core and off by default; it is on here.
  const result = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .options({ rules: { 'label-content-name-mismatch': { enabled: true } } })
    .analyze();
  const bad = result.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
  expect(bad.map((v) => `${path} ${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(' ')).slice(0, 4).join(' | ')}`)).toEqual([]);
}

/** A public store and one of its products, read from the sitemap (whatever the demo data is). */
export async function publicUrls(page: Page): Promise<{ store: string; product: string; category: string | null }> {
  const res = await page.request.get('/sitemap.xml');
  expect(res.ok()).toBe(true);
  const xml = await res.text();
  const locs = [...xml.matchAll(/<loc>([^<]+)<\/loc>/g)].map((m) => new URL(m[1]!).pathname);
  const product = locs.find((p) => /^\/s\/[^/]+\/p\/[^/]+$/.test(p));
  const store = product ? product.split('/p/')[0] : locs.find((p) => /^\/s\/[^/]+$/.test(p));
  expect(store, 'sitemap lists a store').toBeTruthy();
  expect(product, 'sitemap lists a product').toBeTruthy();
  return { store: store!, product: product!, category: locs.find((p) => p.startsWith('/c/')) ?? null };
}

/** Waits until a service worker controls the page (reloading once after the first install: clientsClaim). */
export async function waitForServiceWorker(page: Page) {
  await page.waitForFunction(async () => {
    const reg = await navigator.serviceWorker.getRegistration();
    return reg?.active?.state === 'activated';
  }, null, { timeout: 30_000 });
  if (!(await page.evaluate(() => !!navigator.serviceWorker.controller))) await page.reload();
  await expect.poll(() => page.evaluate(() => !!navigator.serviceWorker.controller), { timeout: 15_000 }).toBe(true);
}
