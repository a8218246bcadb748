import { expect, test, type BrowserContext, type Page } from '@playwright/test';
import { codeFromDevMail, freshEmail, PASSWORD } from '../support/auth';

/** The session cookies (the guest cart cookie `vita_cart` is not one: it carries no identity). */
const SESSION_COOKIE_NAMES: string[] = ['vita_at', 'vita_id', 'vita_rt'];

/**
 * The whole account journey against the Cognito emulator, with the codes read from the dev mailbox
 * (/dev/correo): sign up → confirm → signed in → sign out → sign in → forgot password → sign in with the new
 * password. Each run uses a fresh address, so projects and workers never share an account.
 */

const NEW_PASSWORD = 'Vita-nueva-2026';

/** No token may be readable by page scripts: not in document.cookie, localStorage or sessionStorage. */
async function expectNoTokenInPage(page: Page) {
  const exposed = await page.evaluate(() => {
    const values = [document.cookie];
    for (const store of [localStorage, sessionStorage]) {
      for (let i = 0; i < store.length; i++) {
        const key = store.key(i)!;
        values.push(key, store.getItem(key) ?? '');
      }
    }
    return values.join('\n');
  });
  expect(exposed).not.toMatch(/eyJ[\w-]+\.[\w-]+/); // a JWT
  expect(exposed).not.toMatch(/vita_(at|id|rt)|CognitoIdentityServiceProvider|refreshToken/);
}

async function expectHttpOnlySession(context: BrowserContext) {
  const cookies = await context.cookies();
  const byName = new Map(cookies.map((c) => [c.name, c]));
  for (const name of ['vita_at', 'vita_id']) {
    expect(byName.get(name), name).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/' });
  }
  expect(byName.get('vita_rt')).toMatchObject({ httpOnly: true, sameSite: 'Lax', path: '/api/auth' });
}

async function signIn(page: Page, email: string, password: string) {
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(password);
  await page.getByRole('button', { name: 'Entrar' }).click();
}

test('sign up, confirm, sign out, sign in and reset the password', async ({ page, context }, testInfo) => {
  const email = freshEmail(testInfo);
  // `next` is honoured and must come back as a same-site path.
  const next = '/?desde=ingresar';

  // Sign up
  await page.goto(`/ingresar?next=${encodeURIComponent(next)}`);
  await page.getByRole('tab', { name: 'Crear cuenta' }).click();
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repite la contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Crear cuenta' }).click();

  // Confirm with the code from the dev mailbox; auto sign-in hands the tokens to the server.
  await expect(page.getByText('Revisa tu correo')).toBeVisible();
  const signUpCode = await codeFromDevMail(context, email, /Confirmar registro/);
  await page.getByLabel('Código').fill(signUpCode);
  await page.getByRole('button', { name: 'Confirmar' }).click();
  await page.waitForURL((url) => `${url.pathname}${url.search}` === next);
  await expectHttpOnlySession(context);
  await expectNoTokenInPage(page);

  // A signed-in visitor of the sign-in page goes straight on.
  await page.goto('/ingresar?next=/');
  await expect(page).toHaveURL((url) => url.pathname === '/');

  // Sign out with the same request SignOutButton makes (`/` has no button); the session cookies are gone.
  const signOut = await page.evaluate(async () => (await fetch('/api/auth/session', { method: 'DELETE' })).status);
  expect(signOut).toBe(204);
  expect((await context.cookies()).filter((c) => SESSION_COOKIE_NAMES.includes(c.name))).toEqual([]);
  await page.goto('/dashboard');
  await expect(page).toHaveURL(/\/ingresar\?next=%2Fdashboard/);

  // Sign in
  await signIn(page, email, PASSWORD);
  await page.waitForURL((url) => url.pathname === '/dashboard');
  await expectHttpOnlySession(context);
  await expectNoTokenInPage(page);

  // Sign out through the dashboard's button
  await page.getByRole('button', { name: /Salir|Cerrar sesión/ }).click();
  await page.waitForURL((url) => url.pathname === '/');
  expect((await context.cookies()).filter((c) => SESSION_COOKIE_NAMES.includes(c.name))).toEqual([]);

  // Forgot password → code from the dev mailbox → new password → sign in with it
  await page.goto('/ingresar?next=/');
  await page.getByRole('button', { name: '¿Olvidaste tu contraseña?' }).click();
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByRole('button', { name: 'Enviar código' }).click();
  const resetCode = await codeFromDevMail(context, email, /Restablecer contraseña/);
  await page.getByLabel('Código').fill(resetCode);
  await page.getByLabel('Nueva contraseña').fill(NEW_PASSWORD);
  await page.getByLabel('Repite la contraseña').fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Enviar', exact: true }).click();

  await expect(page.getByRole('button', { name: 'Entrar' })).toBeVisible();
  await signIn(page, email, PASSWORD);
  await expect(page.locator('.amplify-alert')).toContainText('Correo o contraseña incorrectos');
  await page.getByLabel('Contraseña', { exact: true }).fill(NEW_PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  await page.waitForURL((url) => url.pathname === '/');
  await expectHttpOnlySession(context);
  await expectNoTokenInPage(page);
});

test('an off-site next is ignored', async ({ page }) => {
  const res = await page.request.get('/api/auth/refresh?next=//evil.example/x', { maxRedirects: 0 });
  expect(res.status()).toBe(303);
  expect(res.headers().location).toBe('/ingresar?next=%2Fdashboard');
});
