import { expect, test } from '@playwright/test';
import { freshEmail, signUpThroughUi, trpcMutation } from '../support/auth';

/**
 * A scheduled show's start time reads in the viewer's own time zone, and the page hydrates without an error. The
 * server renders in UTC (it cannot know the phone's zone); the viewer used to format with the phone's zone while
 * hydrating, so for everyone outside UTC React threw the server HTML away (minified error #418) and re-rendered the
 * whole page on the client.
 */
test('a scheduled show says its start in the phone’s time zone, with no hydration error', async ({ page, context, browser }, testInfo) => {
  test.skip(testInfo.project.name !== 'phone', 'one seller journey is enough; the desktop project adds nothing here');
  await signUpThroughUi(page, context, freshEmail(testInfo, 'horario'));
  const tag = `${Date.now().toString(36)}${Math.floor(Math.random() * 1e4)}`;
  const store = await trpcMutation<{ id: string }>(page, 'store.create', { name: `Horario ${tag}`, slug: `horario-${tag}`, currency: 'PEN' });
  // 03:30 UTC is the previous evening in Lima (UTC−5): the day and the hour both differ.
  const at = new Date(Date.now() + 3 * 86_400_000);
  at.setUTCHours(3, 30, 0, 0);
  const show = await trpcMutation<{ slug: string }>(page, 'liveSeller.schedule', { storeId: store.id, title: 'Remate nocturno', scheduledAt: at.toISOString() });

  const lima = await browser.newContext({ timezoneId: 'America/Lima', locale: 'es-PE', viewport: { width: 390, height: 844 } });
  try {
    const viewer = await lima.newPage();
    const errors: string[] = [];
    viewer.on('pageerror', (e) => errors.push(e.message));
    viewer.on('console', (m) => m.type() === 'error' && errors.push(m.text()));
    await viewer.goto(`/live/${show.slug}`);
    // Formatted by the browser itself (its ICU), in the context's zone: what the phone should show.
    const local = await viewer.evaluate((iso) => new Date(iso).toLocaleString('es', { dateStyle: 'medium', timeStyle: 'short' }), at.toISOString());
    expect(local).not.toBe(await viewer.evaluate((iso) => new Date(iso).toLocaleString('es', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' }), at.toISOString()));
    await expect(viewer.getByText(`Empieza ${local}`)).toBeVisible();
    // The HTML itself (no JavaScript) has the time in UTC and says so; the server formats with Node's ICU.
    const html = await (await viewer.request.get(`/live/${show.slug}`)).text();
    expect(html).toContain(`${at.toLocaleString('es', { dateStyle: 'medium', timeStyle: 'short', timeZone: 'UTC' })} UTC`);
    expect(errors.filter((e) => /418|hydrat/i.test(e))).toEqual([]);
    await viewer.screenshot({ path: testInfo.outputPath('scheduled-lima.png') });
  } finally {
    await lima.close();
  }
});
