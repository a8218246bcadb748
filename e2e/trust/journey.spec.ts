import fs from 'node:fs';
import path from 'node:path';
import { expect, test, type BrowserContext, type Page, type TestInfo } from '@playwright/test';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';

/** The e2e server's data dir holds the local demo admin's generated password (scripts/local/demo-admin.ts). */
function demoAdmin(): { email: string; password: string } {
  const dir = path.resolve(process.env.VITA_DATA_DIR ?? '.data/e2e');
  return (JSON.parse(fs.readFileSync(path.join(dir, 'secrets.json'), 'utf8')) as { demoAdmin: { email: string; password: string } }).demoAdmin;
}

async function sellerWithStore(page: Page, context: BrowserContext, testInfo: TestInfo) {
  const email = freshEmail(testInfo, 'kyc');
  await signUpThroughUi(page, context, email);
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const store = await trpcMutation<{ id: string; slug: string; name: string }>(page, 'store.create', { name: `Cerámica Ñawi ${tag}`, slug: `ceramica-${tag}`, currency: 'PEN' });
  return { ...store, email };
}

// Two accounts, a third-party page and the console: longer than the default on a loaded machine.
test.describe.configure({ timeout: 150_000 });

const shot = async (page: Page, testInfo: TestInfo, name: string) => {
  if (testInfo.project.name !== 'phone') return;
  // TRUST_SHOT_DIR keeps them outside test-results (which every Playwright run wipes).
  const dir = process.env.TRUST_SHOT_DIR;
  await page.screenshot({ path: dir ? path.join(dir, `${name}.png`) : testInfo.outputPath(`${name}.png`), fullPage: true });
};

/** From the wallet to DIDIT's hosted page (the local sandbox) and back, choosing `outcome` there. */
async function verifyInSandbox(page: Page, testInfo: TestInfo, store: { id: string }, outcome: 'Aprobar' | 'Enviar a revisión') {
  await page.goto(`/dashboard/tiendas/${store.id}/billetera`);
  await expect(page.getByText('Verifica tu identidad para retirar')).toBeVisible();
  await page.getByRole('link', { name: 'Verificar mi identidad' }).click();
  await expect(page.getByRole('heading', { name: 'Verificación de identidad' })).toBeVisible();
  await expect(page.getByTestId('kyc-standing')).toHaveAttribute('data-status', 'unverified');
  await shot(page, testInfo, 'verification-start');
  await page.getByLabel(/Una persona/).check();
  await page.getByRole('button', { name: 'Verificar ahora' }).click();
  // DIDIT's hosted flow (sandbox): accented names go through the signed webhook.
  await expect(page.getByRole('heading', { name: 'Verificación de identidad (KYC)' })).toBeVisible();
  await expect(page.getByTestId('didit-status')).toHaveText('En curso');
  await page.getByLabel('Nombres').fill('José Ñusta');
  await page.getByLabel('Apellidos').fill('Peña Álvarez');
  await shot(page, testInfo, 'didit-sandbox');
  await page.getByRole('button', { name: outcome }).click();
  await page.waitForURL((u) => u.pathname === `/dashboard/tiendas/${store.id}/verificacion`);
}

test('a seller verifies in the DIDIT sandbox: the badge appears and payouts open', async ({ page, context }, testInfo) => {
  const store = await sellerWithStore(page, context, testInfo);
  await page.goto(`/s/${store.slug}`);
  await expect(page.getByRole('heading', { name: store.name })).toBeVisible();
  await expect(page.getByTitle('Tienda verificada')).toHaveCount(0);

  await verifyInSandbox(page, testInfo, store, 'Aprobar');
  await expect(page.getByTestId('kyc-standing')).toHaveAttribute('data-status', 'approved');
  await expect(page.getByRole('heading', { name: 'Tienda verificada' })).toBeVisible();
  await shot(page, testInfo, 'verification-approved');

  await page.goto(`/s/${store.slug}`);
  await expect(page.getByTitle('Tienda verificada')).toBeVisible();
  await shot(page, testInfo, 'store-verified');

  await page.goto(`/dashboard/tiendas/${store.id}/billetera`);
  await expect(page.getByRole('heading', { name: 'Retirar' })).toBeVisible();
  await expect(page.getByText('Verifica tu identidad para retirar')).toHaveCount(0);
});

test('an In Review case waits for an admin, who approves it from the console', async ({ page, context, browser }, testInfo) => {
  const store = await sellerWithStore(page, context, testInfo);
  await verifyInSandbox(page, testInfo, store, 'Enviar a revisión');
  await expect(page.getByText('Tu caso está en revisión manual')).toBeVisible();
  await expect(page.getByTestId('kyc-standing')).toHaveAttribute('data-status', 'pending');

  // A seller is not an admin: the console does not exist for them (each page answers 404, never a 500).
  for (const path of ['/admin', '/admin/kyc', '/admin/usuarios', '/admin/tiendas', '/admin/auditoria']) {
    const denied = await page.goto(path);
    expect(denied?.status(), path).toBe(404);
  }

  const adminContext = await browser.newContext({ viewport: page.viewportSize() ?? undefined, locale: 'es-PE' });
  const admin = await adminContext.newPage();
  const { email, password } = demoAdmin();
  await admin.goto('/ingresar?next=/admin/kyc');
  await admin.getByLabel('Correo electrónico').fill(email);
  await admin.getByLabel('Contraseña', { exact: true }).fill(password);
  await admin.getByRole('button', { name: 'Entrar' }).click();
  await admin.waitForURL((u) => u.pathname === '/admin/kyc');
  const kase = admin.getByTestId('kyc-case').filter({ hasText: store.name });
  await expect(kase).toBeVisible();
  await expect(kase).toContainText('José Ñusta Peña Álvarez');
  await shot(admin, testInfo, 'admin-kyc-queue');
  await kase.getByLabel('Nota (la verá la tienda)').fill('Documento legible, coincide con la selfie.');
  await kase.getByRole('button', { name: 'Aprobar' }).click();
  await expect(admin.getByText('Verificación aprobada')).toBeVisible();
  await expect(admin.getByTestId('kyc-case').filter({ hasText: store.name })).toHaveCount(0);

  await admin.goto('/admin/auditoria');
  await expect(admin.getByTestId('audit-verdict')).toHaveAttribute('data-ok', 'true');
  await expect(admin.getByText('admin.kyc_review').first()).toBeVisible();
  await shot(admin, testInfo, 'admin-audit');

  await page.goto(`/dashboard/tiendas/${store.id}/verificacion`);
  await expect(page.getByTestId('kyc-standing')).toHaveAttribute('data-status', 'approved');
  await expect(page.getByText('Documento legible, coincide con la selfie.')).toBeVisible();

  // The admin suspends the seller's account: the open session stops working and the store leaves the marketplace.
  await admin.goto('/admin/usuarios');
  await admin.getByLabel('Buscar').fill(store.email);
  await admin.getByRole('button', { name: 'Buscar' }).click();
  const person = admin.getByTestId('admin-user').filter({ hasText: store.email });
  await person.getByRole('button', { name: 'Suspender' }).click();
  await person.getByLabel('Motivo de la suspensión').fill('Pagos en disputa');
  await person.getByRole('button', { name: 'Confirmar suspensión' }).click();
  await expect(admin.getByText(`Cuenta ${store.email} suspendida junto con 1 tienda.`)).toBeVisible();
  await expect(person).toContainText('Motivo: Pagos en disputa');
  await shot(admin, testInfo, 'admin-users-suspended');

  await page.goto(`/dashboard/tiendas/${store.id}/billetera`);
  await expect(page).toHaveURL(/\/ingresar\?next=/);
  await expect.poll(async () => (await page.goto(`/s/${store.slug}`))?.status()).toBe(404);

  await person.getByRole('button', { name: 'Restablecer' }).click();
  await person.getByLabel('Motivo para restablecer').fill('Disputa aclarada');
  await person.getByRole('button', { name: 'Confirmar' }).click();
  await expect(admin.getByText(`Cuenta ${store.email} restablecida y 1 tienda de vuelta.`)).toBeVisible();
  await expect.poll(async () => (await page.goto(`/s/${store.slug}`))?.status()).toBe(200);
  await adminContext.close();
});
