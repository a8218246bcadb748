import { expect, test, type Page, type TestInfo } from '@playwright/test';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';

/**
 * The design-system primitives (components/ui: Radix underneath) as a person uses them in the seller's dashboard:
 * the on/off switch toggles with Space, the confirm dialog cancels without doing anything and confirms with the
 * action, the store menu opens from the keyboard and runs an item, the date filter opens as a disclosure.
 * Screenshots (light and dark) go to the test's output folder.
 */

async function shot(page: Page, testInfo: TestInfo, name: string) {
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page.screenshot({ path: testInfo.outputPath(`${name}-${colorScheme}.png`) });
  }
  await page.emulateMedia({ colorScheme: 'light' });
}

test('switch, confirm dialog, menu and disclosure from the keyboard', async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  await signUpThroughUi(page, context, freshEmail(testInfo, 'primitivas'));
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const store = await trpcMutation<{ id: string }>(page, 'store.create', { name: `Prim ${tag}`, slug: `prim-${tag}`, currency: 'PEN' });
  await trpcMutation(page, 'commerceSettings.createDeliveryOption', { storeId: store.id, kind: 'flat_rate', label: 'Envío Lima', price: 1000 });
  await trpcMutation(page, 'commerceSettings.createDeliveryOption', { storeId: store.id, kind: 'flat_rate', label: 'Envío Cusco', price: 1500 });

  await page.goto(`/dashboard/tiendas/${store.id}/entregas`);
  const options = page.getByRole('list', { name: 'Opciones de entrega' });
  const lima = options.getByRole('listitem').filter({ hasText: 'Envío Lima' });
  await expect(lima).toBeVisible();

  // Switch: Space turns it off (saved: it stays off after a reload), Space again turns it back on.
  const limaSwitch = lima.getByRole('switch');
  await expect(limaSwitch).toHaveAttribute('aria-checked', 'true');
  await limaSwitch.focus();
  await page.keyboard.press('Space');
  await expect(limaSwitch).toHaveAttribute('aria-checked', 'false');
  await shot(page, testInfo, 'switch');
  await page.reload();
  await expect(limaSwitch).toHaveAttribute('aria-checked', 'false');
  await limaSwitch.focus();
  await page.keyboard.press('Space');
  await expect(limaSwitch).toHaveAttribute('aria-checked', 'true');

  // Confirm dialog: Escape and «Cancelar» leave the option alone; focus goes back to the button that asked.
  const deleteLima = page.getByRole('button', { name: 'Eliminar Envío Lima' });
  await deleteLima.click();
  const confirm = page.getByRole('alertdialog', { name: '¿Eliminar?' });
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole('button', { name: 'Cancelar' })).toBeFocused();
  await shot(page, testInfo, 'confirm-dialog');
  await page.keyboard.press('Escape');
  await expect(confirm).toHaveCount(0);
  await expect(deleteLima).toBeFocused();
  await deleteLima.click();
  await confirm.getByRole('button', { name: 'Cancelar' }).click();
  await expect(confirm).toHaveCount(0);
  await page.reload();
  await expect(lima).toBeVisible();
  // «Sí, eliminar» runs the action: only that option goes.
  await deleteLima.click();
  await confirm.getByRole('button', { name: 'Sí, eliminar' }).click();
  await expect(page.getByText('Opción eliminada. Los pedidos anteriores la conservan.')).toBeVisible();
  await expect(lima).toHaveCount(0);
  await expect(options.getByRole('listitem').filter({ hasText: 'Envío Cusco' })).toBeVisible();

  // Disclosure: the orders' date filter.
  await page.goto(`/dashboard/tiendas/${store.id}/pedidos`);
  const dates = page.getByRole('button', { name: 'Fechas' });
  await expect(dates).toHaveAttribute('aria-expanded', 'false');
  await expect(page.getByLabel('Desde')).toHaveCount(0);
  await dates.focus();
  await page.keyboard.press('Enter');
  await expect(dates).toHaveAttribute('aria-expanded', 'true');
  await expect(page.getByLabel('Desde')).toBeVisible();
  await page.keyboard.press('Enter');
  await expect(page.getByLabel('Desde')).toHaveCount(0);

  // Menu: Enter opens the store menu on its first item, Escape closes it back onto the button, End + Enter runs
  // the last item («Abrir otra tienda»).
  const switcher = page.getByRole('button', { name: /^Prim .*, tienda actual\. Cambiar de tienda$/ });
  await expect(switcher).toHaveAttribute('aria-haspopup', 'menu');
  // The menu's code loads after hydration (not first-load JS): Radix's trigger carries data-state.
  await expect(switcher).toHaveAttribute('data-state', 'closed');
  await switcher.focus();
  await page.keyboard.press('Enter');
  const menu = page.getByRole('menu');
  await expect(menu).toBeVisible();
  await expect(menu.getByRole('menuitem', { name: new RegExp(`Prim ${tag}`) })).toBeFocused();
  await expect(menu.getByRole('menuitem', { name: new RegExp(`Prim ${tag}`) })).toHaveAttribute('aria-current', 'true');
  await shot(page, testInfo, 'menu');
  await page.keyboard.press('Escape');
  await expect(menu).toHaveCount(0);
  await expect(switcher).toBeFocused();
  await page.keyboard.press('ArrowDown');
  await expect(menu).toBeVisible();
  await page.keyboard.press('End');
  await expect(menu.getByRole('menuitem', { name: 'Abrir otra tienda' })).toBeFocused();
  await page.keyboard.press('Enter');
  await page.waitForURL(/\/dashboard\/tiendas\/nueva$/);
});
