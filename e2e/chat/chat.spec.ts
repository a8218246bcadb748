import { expect, test } from '@playwright/test';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';

/**
 * Two people, two browser contexts: a buyer asks about a size from the product → the seller, with the inbox open,
 * sees it arrive live with AI suggestions → taps one → the buyer sees the reply live. Then the summary and the CRM
 * show the conversation. Screenshots at the project's viewport (390×844 on phone).
 */
test('buyer asks about a size, seller answers live with an AI suggestion; summary and CRM show it', async ({ browser }, testInfo) => {
  test.setTimeout(180_000);
  const sellerCtx = await browser.newContext();
  const buyerCtx = await browser.newContext();
  const seller = await sellerCtx.newPage();
  const buyer = await buyerCtx.newPage();

  await signUpThroughUi(seller, sellerCtx, freshEmail(testInfo, 'chat-seller'));
  const slug = `chat-${testInfo.project.name}-${Date.now().toString(36)}`;
  const store = await trpcMutation<{ id: string }>(seller, 'store.create', { name: 'Moda Chat', slug, currency: 'PEN' });
  const product = await trpcMutation<{ id: string }>(seller, 'product.create', {
    storeId: store.id,
    title: 'Polo básico',
    price: 3990,
    currency: 'PEN',
    options: [{ name: 'Talla', values: ['S', 'M', 'L'] }],
    variants: [
      { options: { Talla: 'S' }, stock: 4 },
      { options: { Talla: 'M' }, stock: 3 },
      { options: { Talla: 'L' }, stock: 0 },
    ],
  });

  // The seller keeps the inbox open.
  await seller.goto(`/dashboard/inbox/${store.id}`);
  await expect(seller.getByRole('heading', { name: 'Mensajes' })).toBeVisible();
  await expect(seller.getByText('Aún no tienes mensajes')).toBeVisible();

  // The buyer asks from the product ("Preguntar al vendedor" opens this page with the product as context).
  const next = `/mensajes/nuevo?tienda=${store.id}&producto=${product.id}`;
  await signUpThroughUi(buyer, buyerCtx, freshEmail(testInfo, 'chat-buyer'), next);
  await expect(buyer.getByText('Sobre Polo básico')).toBeVisible();
  const box = buyer.getByRole('textbox', { name: 'Mensaje' });
  await box.fill('Hola! ¿Tienen talla M? <b>urgente</b>');
  await buyer.getByRole('button', { name: 'Enviar' }).click();
  await buyer.waitForURL(/\/mensajes\/[0-9a-f-]{36}$/);
  // Markup typed by a person is shown as text, never rendered.
  await expect(buyer.getByTestId('message-body').last()).toHaveText('Hola! ¿Tienen talla M? <b>urgente</b>');
  await expect(buyer.locator('[data-testid="messages"] b')).toHaveCount(0);

  // Live on the seller's side, without reloading.
  const row = seller.getByTestId('conversation-row').first();
  await expect(row).toContainText('¿Tienen talla M?', { timeout: 15_000 });
  await expect(row).toHaveAttribute('data-unread', '1');
  await seller.screenshot({ path: testInfo.outputPath('inbox.png') });
  await row.click();
  await seller.waitForURL(new RegExp(`/dashboard/inbox/${store.id}/[0-9a-f-]{36}$`));
  await expect(seller.getByText('Pregunta por Polo básico')).toBeVisible();

  // AI suggestions grounded in the data (M: 3 in stock), one tap sends.
  const chips = seller.getByTestId('suggestion-chip');
  await expect(chips.first()).toBeVisible({ timeout: 20_000 });
  await expect(chips.first()).toContainText(/M/);
  await seller.screenshot({ path: testInfo.outputPath('thread-suggestions.png') });
  const chosen = (await chips.first().innerText()).trim();
  await chips.first().click();
  await expect(seller.getByTestId('message-body').last()).toHaveText(chosen);
  await expect(seller.getByTestId('suggestions')).toHaveCount(0);

  // The buyer sees the reply arrive live.
  await expect(buyer.getByTestId('message-body').last()).toHaveText(chosen, { timeout: 15_000 });
  await buyer.screenshot({ path: testInfo.outputPath('buyer-thread.png') });

  // Summary on demand.
  await seller.getByRole('button', { name: 'Resumir' }).click();
  await expect(seller.getByTestId('summary')).toContainText('Qué busca');
  await expect(seller.getByTestId('summary')).toContainText('Polo básico');

  // Mark done: off the working list.
  await seller.getByRole('button', { name: 'Marcar hecha' }).click();
  await expect(seller.getByRole('button', { name: '✓ Hecha' })).toBeVisible();

  // CRM: the buyer is a customer; the customer page shows the conversation.
  await seller.goto(`/dashboard/tiendas/${store.id}/clientes`);
  await expect(seller.getByTestId('customer-list')).toContainText('0 pedidos');
  await expect(seller.getByTestId('chart-daily')).toBeVisible();
  await seller.screenshot({ path: testInfo.outputPath('crm.png'), fullPage: true });
  await seller.getByTestId('customer-list').getByRole('link').first().click();
  await expect(seller.getByTestId('timeline')).toContainText('¿Tienen talla M?');
  await expect(seller.getByTestId('timeline')).toContainText(chosen.slice(0, 20));
  await expect(seller.getByTestId('customer-summary')).toContainText('Polo básico');
  await seller.getByLabel('Nueva etiqueta').fill('talla m');
  await seller.getByLabel('Nueva etiqueta').press('Enter');
  await expect(seller.getByRole('button', { name: 'Quitar talla m' })).toBeVisible(); // the chip: «talla m ×»
  await seller.screenshot({ path: testInfo.outputPath('customer.png'), fullPage: true });

  // The buyer's list shows the store's reply as read.
  await buyer.goto('/mensajes');
  await expect(buyer.getByTestId('conversation-row').first()).toContainText('Moda Chat');
  await expect(buyer.getByTestId('conversation-row').first()).toHaveAttribute('data-unread', '0');
  await buyer.screenshot({ path: testInfo.outputPath('buyer-list.png') });

  // In English (language cookie): the chrome is translated, what people wrote stays as written.
  await sellerCtx.addCookies([{ name: 'NEXT_LOCALE', value: 'en', url: new URL('/', seller.url()).toString() }]); // path=/
  await seller.reload();
  await expect(seller.getByRole('heading', { name: 'History' })).toBeVisible();
  await expect(seller.getByTestId('timeline')).toContainText('You:');
  await expect(seller.getByTestId('timeline')).toContainText('¿Tienen talla M?');
  await seller.screenshot({ path: testInfo.outputPath('customer-en.png'), fullPage: true });
  await seller.goto(`/dashboard/inbox/${store.id}?filtro=done`);
  await expect(seller.getByRole('link', { name: 'Done', exact: true })).toHaveAttribute('aria-current', 'page');
  await expect(seller.getByTestId('conversation-row').first()).toContainText('Polo básico');
  await seller.screenshot({ path: testInfo.outputPath('inbox-en.png') });

  await sellerCtx.close();
  await buyerCtx.close();
});
