import { expect, test } from '@playwright/test';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';

test('an owner invites staff by email; the invitee signs up from the link, accepts and sees only what staff may use', async ({ page, context, browser }, testInfo) => {
  test.setTimeout(120_000);
  await signUpThroughUi(page, context, freshEmail(testInfo, 'owner'));
  const store = await trpcMutation<{ id: string }>(page, 'store.create', { name: 'Tienda Equipo', slug: `equipo-${Date.now().toString(36)}`, currency: 'PEN' });
  await page.goto(`/dashboard/tiendas/${store.id}/equipo`);
  await expect(page.getByRole('heading', { name: 'Equipo', level: 1 })).toBeVisible();

  const invitee = freshEmail(testInfo, 'staff');
  await page.getByLabel('Correo', { exact: true }).fill(invitee);
  await page.getByLabel('Rol', { exact: true }).selectOption('staff');
  await page.getByRole('button', { name: 'Enviar invitación' }).click();
  await expect(page.getByText(`Invitación enviada a ${invitee}.`)).toBeVisible();
  const link = await page.getByTestId('invitation-link').inputValue();
  expect(link).toMatch(/\/invitacion\/[A-Za-z0-9_-]{43}$/);
  await expect(page.getByTestId('team-invitation').filter({ hasText: invitee })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('team-owner.png'), fullPage: true });

  // The invitee: another browser, signed out.
  const other = await browser.newContext({ locale: 'es-PE', viewport: page.viewportSize() ?? undefined });
  const p2 = await other.newPage();
  const path = new URL(link).pathname;
  await p2.goto(path);
  await expect(p2.getByRole('heading', { name: 'Invitación a Tienda Equipo' })).toBeVisible();
  await expect(p2.getByRole('link', { name: 'Ingresar o crear cuenta para aceptar' })).toBeVisible();
  await p2.screenshot({ path: testInfo.outputPath('team-invitation.png') });
  await signUpThroughUi(p2, other, invitee, path);
  await p2.getByRole('button', { name: 'Aceptar y entrar a la tienda' }).click();
  await p2.waitForURL((u) => u.pathname === '/dashboard' && u.searchParams.get('tienda') === store.id);
  const nav = p2.getByRole('navigation', { name: 'Panel' }).first();
  await expect(nav.getByRole('link', { name: 'Pedidos' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Billetera' })).toHaveCount(0);
  await expect(nav.getByRole('link', { name: 'Cupones' })).toHaveCount(0);
  await other.close();

  await page.reload();
  await expect(page.getByTestId('team-member').filter({ hasText: invitee })).toBeVisible();
  await expect(page.getByText('No hay invitaciones pendientes.')).toBeVisible();
});
