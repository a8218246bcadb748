import path from 'node:path';
import { expect, test, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';
import { audit, publicUrls } from './support';

/**
 * The in-app theme switch (Sistema / Claro / Oscuro; components/ui/theme-switch.tsx, the head script in
 * components/ui/theme-script.ts, app/dark-theme.css). The phone is in LIGHT mode unless a test says otherwise, so a
 * dark page can only come from the choice. Colours are asserted on computed styles, not just the attribute.
 * THEME_SHOT_DIR keeps the screenshots outside test-results (which every run wipes).
 */
test.use({ colorScheme: 'light' });

const PAGE_DARK = 'rgb(11, 11, 14)'; // --vita-page
const WHITE = 'rgb(255, 255, 255)';

const bodyBg = (page: Page) => page.evaluate(() => getComputedStyle(document.body).backgroundColor);
const rootScheme = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).colorScheme);
const themeColor = (page: Page) =>
  page.evaluate(() => {
    // What the browser uses: the first theme-color meta whose media matches (or that has none).
    const metas = [...document.querySelectorAll<HTMLMetaElement>('meta[name="theme-color"]')];
    return metas.find((m) => !m.media || matchMedia(m.media).matches)?.content ?? null;
  });

/** The footer switch of a public page (a labelled group of three toggle buttons). */
const footerChoice = (page: Page, name: 'Sistema' | 'Claro' | 'Oscuro') =>
  page.getByRole('contentinfo').getByRole('group', { name: 'Tema' }).getByRole('button', { name, exact: true });

async function choose(page: Page, name: 'Sistema' | 'Claro' | 'Oscuro') {
  const button = footerChoice(page, name);
  await button.scrollIntoViewIfNeeded();
  await button.click();
  await expect(button).toHaveAttribute('aria-pressed', 'true');
}

/** Records CSP violations from the very start of every document of the context. */
async function watchCsp(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __cspViolations: string[] };
    w.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI} ${e.sample}`));
  });
}
const cspViolations = (page: Page) => page.evaluate(() => (window as unknown as { __cspViolations: string[] }).__cspViolations);

const shot = async (page: Page, testInfo: TestInfo, name: string) => {
  const dir = process.env.THEME_SHOT_DIR;
  if (!dir || testInfo.project.name !== 'phone') return;
  await page.screenshot({ path: path.join(dir, `${name}.png`), fullPage: true });
};

test('Oscuro on a light phone: the page turns dark, survives a reload and follows to other pages', async ({ page }) => {
  const u = await publicUrls(page);
  await page.goto('/');
  expect(await bodyBg(page)).toBe(WHITE);
  await expect(footerChoice(page, 'Sistema')).toHaveAttribute('aria-pressed', 'true');

  await choose(page, 'Oscuro');
  await expect.poll(() => bodyBg(page)).toBe(PAGE_DARK);
  expect(await rootScheme(page)).toBe('dark');
  expect(await themeColor(page)).toBe('#0b0b0e');
  await expect(footerChoice(page, 'Sistema')).toHaveAttribute('aria-pressed', 'false');

  await page.reload();
  expect(await bodyBg(page)).toBe(PAGE_DARK);
  expect(await themeColor(page)).toBe('#0b0b0e');
  await expect(footerChoice(page, 'Oscuro')).toHaveAttribute('aria-pressed', 'true');

  // Another cached page, and a per-request one (nonce CSP: the head script runs by its hash).
  await page.goto(u.store);
  expect(await bodyBg(page)).toBe(PAGE_DARK);
  await page.goto('/ingresar');
  expect(await bodyBg(page)).toBe(PAGE_DARK);
  expect(await rootScheme(page)).toBe('dark');
});

test('no flash: the head script alone applies the choice, before and without any app JavaScript', async ({ page, context }) => {
  await page.goto('/');
  await choose(page, 'Oscuro');
  // No Next/React chunk may load now: whatever is dark was done by the inline <head> script, before first paint.
  await context.route('**/_next/static/**/*.js', (route) => route.abort());
  for (const p of ['/', '/ingresar']) {
    await page.goto(p);
    expect(await page.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(await bodyBg(page)).toBe(PAGE_DARK);
  }
});

test('Sistema follows the phone; Claro stays light on a dark phone', async ({ page }) => {
  await page.goto('/');
  await choose(page, 'Oscuro');
  await choose(page, 'Sistema');
  expect(await page.evaluate(() => document.documentElement.hasAttribute('data-theme'))).toBe(false);
  expect(await bodyBg(page)).toBe(WHITE);
  expect(await themeColor(page)).toBe('#7c3aed');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect.poll(() => bodyBg(page)).toBe(PAGE_DARK);
  expect(await themeColor(page)).toBe('#0b0b0e');
  await page.emulateMedia({ colorScheme: 'light' });
  await expect.poll(() => bodyBg(page)).toBe(WHITE);

  // Dark phone, Claro chosen: light page, light form controls, violet status bar.
  await page.emulateMedia({ colorScheme: 'dark' });
  await choose(page, 'Claro');
  await expect.poll(() => bodyBg(page)).toBe(WHITE);
  expect(await rootScheme(page)).toBe('light');
  expect(await themeColor(page)).toBe('#7c3aed');
  await page.reload();
  expect(await bodyBg(page)).toBe(WHITE);
  expect(await page.evaluate(() => matchMedia('(prefers-color-scheme: dark)').matches)).toBe(true);
});

test('a choice applies at once in the other open tabs', async ({ page, context }) => {
  const u = await publicUrls(page);
  const other = await context.newPage();
  await other.goto(u.store);
  expect(await bodyBg(other)).toBe(WHITE);
  await page.goto('/');
  await choose(page, 'Oscuro');
  await expect.poll(() => bodyBg(other)).toBe(PAGE_DARK);
  await expect(footerChoice(other, 'Oscuro')).toHaveAttribute('aria-pressed', 'true');
  await choose(page, 'Sistema');
  await expect.poll(() => bodyBg(other)).toBe(WHITE);
  await expect(footerChoice(other, 'Sistema')).toHaveAttribute('aria-pressed', 'true');
});

test('no CSP violation or hydration error on a per-request page and a cached page, with and without a stored theme', async ({ page, context }) => {
  await watchCsp(context);
  const messages: string[] = [];
  page.on('console', (m) => {
    // Production React reports hydration mismatches as minified errors #418/#423/#425.
    if (/Content Security Policy|Refused to|hydrat|Minified React error #4(18|23|25)/i.test(m.text())) messages.push(m.text());
  });
  for (const stored of [false, true]) {
    if (stored) {
      await page.goto('/');
      await choose(page, 'Oscuro');
    }
    for (const p of ['/ingresar', '/']) {
      await page.goto(p);
      await page.waitForLoadState('load');
      expect(await cspViolations(page), `${p} (stored theme: ${stored})`).toEqual([]);
      expect(await page.evaluate(() => document.documentElement.dataset.theme ?? null)).toBe(stored ? 'dark' : null);
    }
  }
  expect(messages).toEqual([]);
});

test('seller: the «Apariencia» section of the account page, axe in forced dark, screenshots', async ({ page, context }, testInfo) => {
  test.setTimeout(240_000);
  await signUpThroughUi(page, context, freshEmail(testInfo, 'theme'));

  await page.goto('/dashboard/seguridad');
  const section = page.getByRole('region', { name: 'Apariencia' });
  await expect(section).toBeVisible();
  const group = section.getByRole('group', { name: 'Tema' });
  await expect(group.getByRole('button', { name: 'Sistema' })).toHaveAttribute('aria-pressed', 'true');
  expect(await bodyBg(page)).toBe(WHITE);
  await group.getByRole('button', { name: 'Oscuro' }).click();
  await expect(group.getByRole('button', { name: 'Oscuro' })).toHaveAttribute('aria-pressed', 'true');
  await expect.poll(() => rootScheme(page)).toBe('dark');
  expect(await bodyBg(page)).toBe(PAGE_DARK);

  // Forced dark, light phone: zero serious/critical on the dashboard, the account page and a public page. (Before the
  // store exists, as in dark.spec.ts: with a store, /dashboard has two label-content-name-mismatch findings of its
  // own — the store switcher and the sort-direction button — that do not depend on the theme.)
  await audit(page, '/dashboard');
  expect(await bodyBg(page)).toBe(PAGE_DARK);
  await audit(page, '/dashboard/seguridad');
  const u = await publicUrls(page);
  await audit(page, u.store);

  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  await trpcMutation(page, 'store.create', { name: `Tienda Tema ${tag}`, slug: `tema-${tag}`, currency: 'PEN' });
  const screens = [['home', '/'], ['store', u.store], ['dashboard', '/dashboard'], ['settings', '/dashboard/seguridad']] as const;
  for (const [name, p] of screens) {
    await page.goto(p);
    await page.waitForLoadState('load');
    expect(await rootScheme(page)).toBe('dark');
    await shot(page, testInfo, `forced-dark-${name}`);
  }

  // Forced light on a dark phone.
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.goto('/dashboard/seguridad');
  await page.getByRole('region', { name: 'Apariencia' }).getByRole('button', { name: 'Claro' }).click();
  await expect.poll(() => rootScheme(page)).toBe('light');
  for (const [name, p] of screens) {
    await page.goto(p);
    await page.waitForLoadState('load');
    expect(await rootScheme(page)).toBe('light');
    expect(await bodyBg(page)).toBe(WHITE);
    await shot(page, testInfo, `forced-light-${name}`);
  }
});
