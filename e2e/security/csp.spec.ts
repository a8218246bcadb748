import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';

/** Records every CSP violation (the DOM event) and every console message about one, from the first script on. */
async function watchCsp(context: BrowserContext) {
  await context.addInitScript(() => {
    const w = window as unknown as { __csp: string[] };
    w.__csp = [];
    document.addEventListener('securitypolicyviolation', (e) => w.__csp.push(`${e.violatedDirective} ${e.blockedURI} ${e.sourceFile}:${e.lineNumber}`));
  });
}

async function expectNoViolations(page: Page, consoleErrors: string[], where: string) {
  // Violations are reported asynchronously; give the page a moment after load.
  await page.waitForLoadState('load');
  await page.waitForTimeout(300);
  const events = await page.evaluate(() => (window as unknown as { __csp?: string[] }).__csp ?? []);
  expect(events, `CSP violations on ${where}`).toEqual([]);
  expect(consoleErrors.filter((m) => /Content Security Policy|Refused to/i.test(m)), `CSP console errors on ${where}`).toEqual([]);
}

function collectConsole(page: Page): string[] {
  const errors: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  return errors;
}

async function visit(page: Page, errors: string[], path: string, kind: 'dynamic' | 'cached') {
  errors.length = 0;
  const res = await page.goto(path);
  expect(res, path).not.toBeNull();
  const h = res!.headers();
  const csp = h['content-security-policy'] ?? '';
  expect(csp, `${path} CSP`).toContain("frame-ancestors 'none'");
  expect(csp).toContain("object-src 'none'");
  expect(csp).toContain("base-uri 'none'");
  if (kind === 'dynamic') {
    expect(csp, `${path} should be nonce-based`).toMatch(/script-src 'nonce-[A-Za-z0-9+/=]{20,}' 'strict-dynamic'/);
    expect(csp).not.toContain("'unsafe-inline' 'strict-dynamic'");
  } else {
    expect(csp, `${path} should be the cached-page policy`).toMatch(/script-src 'self' 'unsafe-inline'/);
  }
  expect(h['x-content-type-options']).toBe('nosniff');
  expect(h['referrer-policy']).toBe('strict-origin-when-cross-origin');
  expect(h['x-frame-options']).toBe('DENY');
  expect(h['permissions-policy']).toContain('camera=()');
  expect(h['permissions-policy']).toContain('microphone=()');
  expect(h['x-request-id']).toMatch(/^[A-Za-z0-9._:-]{8,}$/);
  await expectNoViolations(page, errors, path);
}

test('public pages load with their CSP and no violations; chunks carry Subresource Integrity', async ({ page, context }) => {
  await watchCsp(context);
  const errors = collectConsole(page);
  await visit(page, errors, '/', 'cached');
  // Next's SRI covers the bootstrap scripts it writes into the HTML (runtime, framework, main-app); route chunks
  // requested later by the runtime are not in its manifest.
  const integrity = await page
    .locator('script[src*="/_next/static/chunks/webpack-"], script[src*="/_next/static/chunks/main-app-"]')
    .evaluateAll((els) => els.map((e) => e.getAttribute('integrity')));
  expect(integrity).toHaveLength(2);
  for (const i of integrity) expect(i).toMatch(/^sha256-[A-Za-z0-9+/=]{44}$/);

  const storeHref = await page.locator('a[href^="/s/"]').first().getAttribute('href');
  expect(storeHref).toBeTruthy();
  const storePath = new URL(storeHref!, 'http://x').pathname.split('/').slice(0, 3).join('/');
  await visit(page, errors, storePath, 'cached');
  const productHref = await page.locator(`a[href^="${storePath}/p/"]`).first().getAttribute('href');
  if (productHref) await visit(page, errors, new URL(productHref, 'http://x').pathname, 'cached');
  await visit(page, errors, '/en', 'cached');
  await visit(page, errors, '/carrito', 'dynamic');
  await visit(page, errors, '/ingresar', 'dynamic');
  await visit(page, errors, '/invitacion/AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA', 'dynamic');
  await expect(page.getByText(/no existe o fue reemplazada/)).toBeVisible();

  const api = await page.request.get('/api/health');
  expect(api.headers()['x-content-type-options']).toBe('nosniff');
  expect(api.headers()['content-security-policy']).toContain("default-src 'none'");
});

test('a seller’s dashboard pages load with a nonce CSP and no violations', async ({ page, context }, testInfo) => {
  await watchCsp(context);
  const errors = collectConsole(page);
  await signUpThroughUi(page, context, freshEmail(testInfo, 'csp'));
  const store = await trpcMutation<{ id: string }>(page, 'store.create', { name: 'Tienda CSP', slug: `csp-${Date.now().toString(36)}`, currency: 'PEN' });
  const base = `/dashboard/tiendas/${store.id}`;
  for (const path of ['/dashboard', `${base}/productos`, `${base}/productos/nuevo`, `${base}/pedidos`, `${base}/cupones`, `${base}/entregas`, `${base}/billetera`, `${base}/editar`, `${base}/equipo`, '/dashboard/plan', '/pedidos']) {
    await visit(page, errors, path, 'dynamic');
  }
});

test('state-changing API calls from another origin are refused (CSRF)', async ({ request }) => {
  const res = await request.post('/api/trpc/cart.add', {
    headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site', 'content-type': 'application/json' },
    data: { json: { variantId: '00000000-0000-4000-8000-000000000000', qty: 1 } },
  });
  expect(res.status()).toBe(403);
  const form = await request.post('/api/trpc/cart.add', { headers: { 'content-type': 'text/plain' }, data: '{"json":{"variantId":"00000000-0000-4000-8000-000000000000"}}' });
  expect(form.status()).toBe(415);
});
