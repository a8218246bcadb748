import { expect, test, type APIRequestContext } from '@playwright/test';
import { formatMoney } from '../../components/ui/money';

/**
 * A guest buyer on the demo catalogue: product page → add to cart (header badge) → cart with steppers and subtotal →
 * checkout with its totals from the live quote and the form's validation. Nothing is submitted, so the shared demo
 * stock is never reserved; each test has its own browser context, hence its own guest cart cookie.
 */

// Plenty of stock in the demo data (30), so other specs buying units do not make it sell out.
const PRODUCT = '/s/conecta-tech/p/cargador-rapido-usb-c-30w';
const STORE = 'Conecta Tech';

type TrpcBody<T> = { result: { data: { json: T } } };

async function trpcGet<T>(request: APIRequestContext, path: string, input?: unknown): Promise<T> {
  const qs = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify({ json: input }))}`;
  const res = await request.get(`/api/trpc/${path}${qs}`);
  expect(res.ok()).toBe(true);
  return ((await res.json()) as TrpcBody<T>).result.data.json;
}

type Cart = { count: number; groups: { storeName: string; currency: string; subtotal: number; lines: { unitPrice: number; qty: number }[] }[] };
type Quote = { stores: { storeName: string; currency: string; subtotal: number; deliveryOptions: { id: string; kind: string; label: string; fee: number }[]; deliveryOptionId: string | null; total: number }[] };

test('guest adds to cart, adjusts quantity, and sees the checkout totals and form checks', async ({ page, context }) => {
  await page.goto(PRODUCT);
  const add = page.getByRole('button', { name: 'Agregar al carrito' });
  await expect(add).toBeEnabled();
  await add.click();
  await expect(page.getByText(/Agregado\. Tienes 1 en tu carrito\./)).toBeVisible({ timeout: 20_000 });
  await expect(page.getByRole('link', { name: 'Carrito, 1 producto' })).toBeVisible();

  // The HttpOnly cookie keys the cart; the page's own requests and this API context share it.
  const cookie = (await context.cookies()).find((c) => c.name === 'vita_cart');
  expect(cookie?.httpOnly).toBe(true);
  expect(cookie?.sameSite).toBe('Lax');
  const cart = await trpcGet<Cart>(page.request, 'cart.get');
  expect(cart.count).toBe(1);
  const group = cart.groups[0]!;
  const unit = group.lines[0]!.unitPrice;

  await page.getByRole('link', { name: 'Ver carrito' }).click();
  await expect(page).toHaveURL(/\/carrito$/);
  await expect(page.getByTestId('cart-line')).toHaveCount(1);
  await expect(page.getByRole('link', { name: STORE })).toBeVisible();
  await expect(page.getByTestId('store-subtotal')).toHaveText(formatMoney(unit, group.currency));
  await page.getByRole('button', { name: /^Agregar una unidad de / }).click();
  await expect(page.getByTestId('store-subtotal')).toHaveText(formatMoney(2 * unit, group.currency));
  await expect(page.getByRole('link', { name: 'Carrito, 2 productos' })).toBeVisible();

  await page.getByRole('link', { name: 'Continuar al pago' }).click();
  await expect(page).toHaveURL(/\/checkout$/);
  const quote = await trpcGet<Quote>(page.request, 'checkout.quote', { stores: [] });
  const store = quote.stores[0]!;
  expect(store.subtotal).toBe(2 * unit);
  await expect(page.getByTestId('checkout-store')).toContainText(STORE);
  await expect(page.getByTestId('grand-total')).toHaveText(formatMoney(store.total, store.currency));

  // Contact is required; a shipping option asks for the address and adds its fee to the total.
  await page.getByRole('button', { name: /^Pagar / }).click();
  await expect(page.getByText('Escribe tu nombre.')).toBeVisible();
  await expect(page.getByText('Correo no válido.')).toBeVisible();
  const shipping = store.deliveryOptions.find((o) => o.kind !== 'pickup' && o.fee > 0);
  if (shipping) {
    await page.getByRole('radio', { name: new RegExp(shipping.label) }).check();
    await expect(page.getByTestId('grand-total')).toHaveText(formatMoney(store.subtotal + shipping.fee, store.currency));
    await expect(page.getByRole('heading', { name: 'Dirección de envío' })).toBeVisible();
    await page.getByLabel('Nombre y apellido').fill('María Quispe');
    await page.getByLabel('Correo').fill('maria@');
    await page.getByRole('button', { name: /^Pagar / }).click();
    await expect(page.getByText('Correo no válido.')).toBeVisible();
    await expect(page.getByText('Escribe la dirección.')).toBeVisible();
    await expect(page.getByText('Escribe la ciudad.')).toBeVisible();
  }
  const pickup = store.deliveryOptions.find((o) => o.kind === 'pickup');
  if (pickup) {
    await page.getByRole('radio', { name: new RegExp(pickup.label) }).check();
    await expect(page.getByRole('heading', { name: 'Dirección de envío' })).toHaveCount(0);
    await expect(page.getByTestId('grand-total')).toHaveText(formatMoney(store.subtotal, store.currency));
  }
});

test('another guest does not see this cart', async ({ page, browser }) => {
  await page.goto(PRODUCT);
  await page.getByRole('button', { name: 'Agregar al carrito' }).click();
  await expect(page.getByRole('link', { name: 'Carrito, 1 producto' })).toBeVisible();

  const other = await browser.newContext();
  const otherPage = await other.newPage();
  await otherPage.goto('/carrito');
  await expect(otherPage.getByRole('heading', { name: 'Tu carrito está vacío' })).toBeVisible();
  await other.close();
});

test('the product page stays a cached page with the cart island', async ({ request }) => {
  const res = await request.get(PRODUCT);
  expect(res.ok()).toBe(true);
  // ISR under `next start`: shared-cacheable HTML, and no cart cookie handed out by the page itself.
  expect(res.headers()['cache-control'] ?? '').toMatch(/s-maxage=\d+/);
  expect(res.headers()['set-cookie'] ?? '').not.toContain('vita_cart');
});
