import { expect, type BrowserContext, type Page, type TestInfo } from '@playwright/test';

export const PASSWORD = 'Vita-prueba-2026';

/** A new address per test, so projects and workers never share an account. */
export function freshEmail(testInfo: TestInfo, tag = 'e2e'): string {
  return `${tag}-${testInfo.project.name}-${testInfo.workerIndex}-${Date.now()}-${Math.floor(Math.random() * 1e4)}@prueba.vita`;
}

/** Reads the pending code for `email` from the dev mailbox, in a separate tab (the Authenticator keeps its state). */
export async function codeFromDevMail(context: BrowserContext, email: string, kind: RegExp): Promise<string> {
  const mail = await context.newPage();
  try {
    let code = '';
    await expect(async () => {
      await mail.goto('/dev/correo');
      const card = mail.getByTestId('dev-mail-code').filter({ hasText: email }).filter({ hasText: kind });
      await expect(card).toHaveCount(1, { timeout: 1_000 });
      code = (await card.getByTestId('dev-mail-value').innerText()).trim();
    }).toPass({ timeout: 15_000 });
    expect(code).toMatch(/^\d{6}$/);
    return code;
  } finally {
    await mail.close();
  }
}

/** Real sign-up through the Amplify Authenticator against the Cognito emulator; ends signed in on `next`. */
export async function signUpThroughUi(page: Page, context: BrowserContext, email: string, next = '/dashboard') {
  await page.goto(`/ingresar?modo=registro&next=${encodeURIComponent(next)}`);
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(PASSWORD);
  await page.getByLabel('Repite la contraseña').fill(PASSWORD);
  await page.getByRole('button', { name: 'Crear cuenta' }).click();
  await expect(page.getByText('Revisa tu correo')).toBeVisible();
  const code = await codeFromDevMail(context, email, /Confirmar registro/);
  await page.getByLabel('Código').fill(code);
  await page.getByRole('button', { name: 'Confirmar' }).click();
  await page.waitForURL((url) => url.pathname === new URL(next, 'http://x').pathname, { timeout: 30_000 });
}

/**
 * Calls a tRPC mutation over HTTP from the signed-in page (same cookies, same origin) — for test setup that
 * would be tedious through the UI, like filling a plan.
 */
export async function trpcMutation<T = unknown>(page: Page, path: string, input: unknown): Promise<T> {
  const res = await page.evaluate(
    async ({ path, input }) => {
      const r = await fetch(`/api/trpc/${path}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ json: input }),
      });
      return { status: r.status, body: await r.json() };
    },
    { path, input },
  );
  if (res.status !== 200) throw new Error(`${path} → ${res.status}: ${JSON.stringify(res.body)}`);
  return res.body.result.data.json as T;
}
