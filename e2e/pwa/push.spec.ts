import crypto from 'node:crypto';
import { expect, test } from '@playwright/test';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';
import { waitForServiceWorker } from './support';

/**
 * Push in the browser: a signed-in seller's subscription is stored (push.subscribe → push.preferences shows the
 * device), and the service worker turns a push message into a notification that opens the right page. (Delivery
 * through the real web-push library to a local push service that checks the VAPID JWT and decrypts the payload is
 * server/services/push/push.test.ts: headless Chromium cannot reach a real push service offline.)
 */
test.use({ serviceWorkers: 'allow' });

test('subscription stored, preferences saved, a push becomes a notification', async ({ page, context }, testInfo) => {
  test.skip(testInfo.project.name !== 'desktop', 'once is enough');
  test.setTimeout(180_000);
  await context.grantPermissions(['notifications']);
  await signUpThroughUi(page, context, freshEmail(testInfo, 'push'));
  const config = await page.evaluate(async () => (await (await fetch('/api/trpc/push.config')).json()).result.data.json);
  expect(config.publicKey).toMatch(/^[A-Za-z0-9_-]{80,}$/);

  const ecdh = crypto.createECDH('prime256v1');
  ecdh.generateKeys();
  const sub = { endpoint: `https://push.invalid/${crypto.randomUUID()}`, keys: { p256dh: ecdh.getPublicKey('base64url'), auth: crypto.randomBytes(16).toString('base64url') } };
  await trpcMutation(page, 'push.subscribe', sub);
  await trpcMutation(page, 'push.setPreferences', { newOrder: true, newMessage: false, storeLive: true });
  const prefs = await page.evaluate(async () => (await (await fetch('/api/trpc/push.preferences')).json()).result.data.json);
  expect(prefs).toEqual({ newOrder: true, newMessage: false, storeLive: true, devices: 1 });

  // The worker's push handler: deliver a message through DevTools and read the notification it shows.
  await page.goto('/');
  await waitForServiceWorker(page);
  const cdp = await context.newCDPSession(page);
  await cdp.send('ServiceWorker.enable');
  const registrationId = await new Promise<string>((resolve) => {
    cdp.on('ServiceWorker.workerRegistrationUpdated', (e: { registrations: Array<{ registrationId: string; isDeleted: boolean }> }) => {
      const r = e.registrations.find((x) => !x.isDeleted);
      if (r) resolve(r.registrationId);
    });
  });
  const origin = new URL(page.url()).origin;
  await cdp.send('ServiceWorker.deliverPushMessage', {
    origin,
    registrationId,
    data: JSON.stringify({ title: 'Nuevo pedido #1042', body: 'Tejidos Quispe: S/ 189 pagado.', url: '/dashboard', tag: 'order:e2e' }),
  });
  await expect
    .poll(async () => page.evaluate(async () => (await (await navigator.serviceWorker.ready).getNotifications()).map((n) => `${n.title}|${n.body}|${n.tag}`)), { timeout: 10_000 })
    .toEqual(['Nuevo pedido #1042|Tejidos Quispe: S/ 189 pagado.|order:e2e']);
});
