import { expect, test } from '@playwright/test';
import { Secret, TOTP } from 'otpauth';
import { freshEmail, PASSWORD, signUpThroughUi } from '../support/auth';

/**
 * Two-step verification end to end against the Cognito emulator: turn it on with the authenticator app's secret,
 * sign out, and the next sign-in asks for the app's code (Amplify's TOTP step) before letting the person in.
 */
test('a seller turns on two-step verification and the next sign-in asks for the app code', async ({ page, context }, testInfo) => {
  test.setTimeout(120_000);
  const email = freshEmail(testInfo, 'totp');
  await signUpThroughUi(page, context, email, '/dashboard/seguridad');
  await expect(page.getByRole('heading', { name: 'Seguridad de tu cuenta' })).toBeVisible();
  await expect(page.getByTestId('two-step')).toHaveAttribute('data-enabled', 'false');

  await page.getByRole('button', { name: 'Activar verificación en dos pasos' }).click();
  await expect(page.getByTestId('totp-qr')).toBeVisible();
  const secret = (await page.getByTestId('totp-secret').innerText()).trim();
  const totp = new TOTP({ secret: Secret.fromBase32(secret) });

  // A wrong code is refused and nothing changes.
  const wrong = String((Number(totp.generate()) + 1) % 1_000_000).padStart(6, '0');
  await page.getByLabel('Código de la app').fill(wrong);
  await page.getByRole('button', { name: 'Confirmar y activar' }).click();
  await expect(page.getByRole('alert').filter({ hasText: 'El código no coincide' })).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('two-step-setup.png'), fullPage: true });

  await page.getByLabel('Código de la app').fill(totp.generate());
  await page.getByRole('button', { name: 'Confirmar y activar' }).click();
  await expect(page.getByTestId('two-step')).toHaveAttribute('data-enabled', 'true');
  await expect(page.getByText('Desde tu próximo ingreso te pediremos el código')).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('two-step-on.png'), fullPage: true });

  await page.getByRole('button', { name: 'Salir' }).click();
  await page.waitForURL((u) => !u.pathname.startsWith('/dashboard'));

  await page.goto('/ingresar?next=/dashboard/seguridad');
  await page.getByLabel('Correo electrónico').fill(email);
  await page.getByLabel('Contraseña', { exact: true }).fill(PASSWORD);
  await page.getByRole('button', { name: 'Entrar' }).click();
  // The password alone does not sign in: the TOTP step.
  const codeField = page.getByLabel(/Código/).first();
  await expect(codeField).toBeVisible();
  await page.screenshot({ path: testInfo.outputPath('two-step-challenge.png'), fullPage: true });
  await codeField.fill(totp.generate());
  await page.getByRole('button', { name: 'Confirmar' }).click();
  await page.waitForURL((u) => u.pathname === '/dashboard/seguridad', { timeout: 30_000 });
  await expect(page.getByTestId('two-step')).toHaveAttribute('data-enabled', 'true');
});
