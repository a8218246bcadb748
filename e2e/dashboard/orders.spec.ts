import { expect, test, type Page } from '@playwright/test';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';

/**
 * The store's commerce settings through the UI, each test with a fresh seller and store: delivery options (kinds,
 * validation, switching off, order) and coupons (validation, duplicate code, upper-casing).
 */

async function sellerStore(page: Page, context: Parameters<typeof signUpThroughUi>[1], email: string): Promise<string> {
  await signUpThroughUi(page, context, email);
  const store = await trpcMutation<{ id: string }>(page, 'store.create', {
    name: 'Tejidos Quispe',
    slug: `tq-${Date.now().toString(36)}-${Math.floor(Math.random() * 1e4)}`,
    currency: 'PEN',
  });
  return store.id;
}

test('delivery options: validation per kind, create, switch off and reorder', async ({ page, context }, testInfo) => {
  const storeId = await sellerStore(page, context, freshEmail(testInfo, 'entregas'));
  await page.goto(`/dashboard/tiendas/${storeId}/entregas`);
  await expect(page.getByRole('heading', { name: 'Entregas', level: 1 })).toBeVisible();

  // No options yet: the form is open right away.
  const form = page.getByRole('form', { name: 'Nueva opción de entrega' });
  await form.getByRole('button', { name: 'Agregar' }).click();
  await expect(form.getByText('Mínimo 2 caracteres.')).toBeVisible();

  await form.getByRole('radio', { name: /Gratis desde un monto/ }).check();
  await form.getByLabel('Nombre que ve tu cliente').fill('Envío a domicilio');
  await form.getByLabel('Costo de envío', { exact: true }).fill('10');
  await form.getByRole('button', { name: 'Agregar' }).click();
  await expect(form.getByText('Ingresa un monto.')).toBeVisible();
  await form.getByLabel('Gratis desde', { exact: true }).fill('200');
  await form.getByRole('button', { name: 'Agregar' }).click();
  await expect(page.getByText('«Envío a domicilio» agregada.')).toBeVisible();
  const options = page.getByRole('list', { name: 'Opciones de entrega' });
  await expect(options.getByText('S/ 10 · gratis desde S/ 200')).toBeVisible();

  // A pickup option needs to say where.
  await page.getByRole('button', { name: 'Agregar opción de entrega' }).click();
  const pickup = page.getByRole('form', { name: 'Nueva opción de entrega' });
  await pickup.getByRole('radio', { name: /Recojo en tienda/ }).check();
  await pickup.getByLabel('Nombre que ve tu cliente').fill('Recojo en taller');
  await pickup.getByRole('button', { name: 'Agregar' }).click();
  await expect(pickup.getByText(/Di dónde y cuándo/)).toBeVisible();
  await pickup.getByLabel('Dónde y cuándo').fill('Jr. Cusco 123, lun–sáb 10–18 h');
  await pickup.getByRole('button', { name: 'Agregar' }).click();
  await expect(options.getByText('Recojo en taller')).toBeVisible();

  // Reorder: the pickup option first.
  await page.getByRole('button', { name: 'Subir Recojo en taller' }).click();
  await expect(options.getByRole('listitem').first()).toContainText('Recojo en taller');

  // Switch one off; the state survives a reload.
  const homeSwitch = options.getByRole('listitem').filter({ hasText: 'Envío a domicilio' }).getByRole('switch');
  await homeSwitch.click();
  await expect(homeSwitch).toHaveAttribute('aria-checked', 'false');
  await page.reload();
  await expect(options.getByRole('listitem').first()).toContainText('Recojo en taller');
  await expect(options.getByRole('listitem').filter({ hasText: 'Envío a domicilio' }).getByRole('switch')).toHaveAttribute('aria-checked', 'false');
});

test('coupons: validation, upper-cased code, duplicate code refused', async ({ page, context }, testInfo) => {
  const storeId = await sellerStore(page, context, freshEmail(testInfo, 'cupones'));
  await page.goto(`/dashboard/tiendas/${storeId}/cupones`);
  await expect(page.getByText('Aún no tienes cupones')).toBeVisible();

  await page.getByRole('button', { name: 'Crear cupón' }).click();
  let form = page.getByRole('form', { name: 'Nuevo cupón' });
  await form.getByLabel('Código').fill('bienvenida10');
  await expect(form.getByLabel('Código')).toHaveValue('BIENVENIDA10');
  await form.getByRole('spinbutton', { name: 'Porcentaje' }).fill('150');
  await form.getByRole('button', { name: 'Crear cupón' }).click();
  await expect(form.getByText('El porcentaje va de 1 a 100.')).toBeVisible();
  await form.getByRole('spinbutton', { name: 'Porcentaje' }).fill('10');
  await form.getByLabel('Límite de usos').fill('100');
  await form.getByRole('button', { name: 'Crear cupón' }).click();
  await expect(page.getByText('Cupón BIENVENIDA10 creado.')).toBeVisible();
  const list = page.getByRole('list', { name: 'Cupones' });
  await expect(list.getByText('10 % de descuento')).toBeVisible();
  await expect(list.getByText('0 usos de 100 · sin vencimiento')).toBeVisible();

  // The same code again (any case) is refused by the server with a message on the field.
  await page.getByRole('button', { name: 'Crear cupón' }).click();
  form = page.getByRole('form', { name: 'Nuevo cupón' });
  await form.getByLabel('Código').fill('Bienvenida10');
  await form.locator('label', { hasText: 'Monto fijo' }).click();
  await form.getByLabel('Monto de descuento').fill('5');
  await form.getByRole('button', { name: 'Crear cupón' }).click();
  await expect(form.getByText('Ya existe un cupón con este código.')).toBeVisible();

  // A fixed-amount coupon with a minimum purchase.
  await form.getByLabel('Código').fill('ENVIO5');
  await form.getByLabel('Compra mínima').fill('50');
  await form.getByRole('button', { name: 'Crear cupón' }).click();
  await expect(list.getByText('S/ 5 de descuento · compras desde S/ 50')).toBeVisible();
  await page.reload();
  await expect(list.getByRole('listitem')).toHaveCount(2);
});
