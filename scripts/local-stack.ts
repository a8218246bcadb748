/**
 * Brings up every local part the app needs when no cloud coordinates are configured:
 * embedded PostgreSQL (unless DATABASE_URL is set), migrations, the Cregis sandbox (unless CREGIS_BASE_URL is set),
 * the Cognito emulator with its pool/client/groups, locally generated secrets, and (for dev) demo data on an empty database.
 * Returns the environment the Next.js server and the worker are started with.
 */
import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import path from 'node:path';
import webpush from 'web-push';
import { runMigrations } from '../server/db/migrate';
import { startCognitoLocal } from './local/cognito';
import { newSandboxProject, startCregisSandbox, type SandboxProject } from './local/cregis-sandbox';
import { ensureDemoAdmin, newDemoAdmin, type DemoAdmin } from './local/demo-admin';
import { newDiditSandboxSecrets, startDiditSandbox, type DiditSandboxSecrets } from './local/didit-sandbox';
import { startEmbeddedPostgres } from './local/postgres';

export type LocalStack = { env: Record<string, string>; stop: () => Promise<void> };

/**
 * Everything local lives here (git-ignored); e2e and bench runs point VITA_DATA_DIR at a throw-away directory.
 * Read at call time: those scripts set the variable after this module is imported.
 */
function dataDir(): string {
  return path.resolve(process.env.VITA_DATA_DIR ?? '.data');
}

type LocalSecrets = {
  mediaSigningSecret: string;
  cregis: { checkout: SandboxProject; payout: SandboxProject };
  didit: DiditSandboxSecrets;
  /** The local admin console account (Cognito group admins). */
  demoAdmin: DemoAdmin;
  /** Web Push VAPID key pair (base64url), generated once: subscriptions are bound to the public key. */
  vapid: { publicKey: string; privateKey: string };
};

/** Generated once per data dir; a secret added later is filled into an existing file without touching the others. */
async function localSecrets(): Promise<LocalSecrets> {
  const file = path.join(dataDir(), 'secrets.json');
  const existing = (await fs.readFile(file, 'utf8').then(JSON.parse, () => ({}))) as Partial<LocalSecrets>;
  const secrets: LocalSecrets = {
    mediaSigningSecret: existing.mediaSigningSecret ?? crypto.randomBytes(32).toString('hex'),
    cregis: existing.cregis ?? { checkout: newSandboxProject(), payout: newSandboxProject() },
    didit: existing.didit ?? newDiditSandboxSecrets(),
    demoAdmin: existing.demoAdmin ?? newDemoAdmin(),
    vapid: existing.vapid ?? webpush.generateVAPIDKeys(),
  };
  if (existing.mediaSigningSecret !== secrets.mediaSigningSecret || existing.cregis !== secrets.cregis || existing.didit !== secrets.didit || existing.demoAdmin !== secrets.demoAdmin || existing.vapid !== secrets.vapid) {
    await fs.mkdir(dataDir(), { recursive: true });
    await fs.writeFile(file, JSON.stringify(secrets, null, 2), { mode: 0o600 });
  }
  return secrets;
}

/**
 * Names the data the app will serve: a random id kept in the data dir (new after `.data/` is wiped), or the
 * external DATABASE_URL's hash. Next's data cache is dropped when it changes (see run-next.ts).
 */
async function dataIdentity(databaseUrl: string): Promise<string> {
  if (process.env.DATABASE_URL) return crypto.createHash('sha256').update(databaseUrl).digest('hex').slice(0, 16);
  const file = path.join(dataDir(), 'instance-id');
  try {
    return (await fs.readFile(file, 'utf8')).trim();
  } catch {
    const id = crypto.randomBytes(8).toString('hex');
    await fs.writeFile(file, id);
    return id;
  }
}

export async function startLocalStack(opts: {
  mode: 'dev' | 'start' | 'build';
  log: (line: string) => void;
}): Promise<LocalStack> {
  const stops: Array<() => Promise<void>> = [];
  const env: Record<string, string> = {};
  await fs.mkdir(dataDir(), { recursive: true });

  let databaseUrl = process.env.DATABASE_URL;
  if (!databaseUrl) {
    const pg = await startEmbeddedPostgres({
      dataDir: path.join(dataDir(), 'pg'),
      port: Number(process.env.EMBEDDED_PG_PORT ?? 54329),
      database: 'vita',
      persistent: true,
      log: (l) => process.env.DEBUG_PG && opts.log(`[pg] ${l}`),
    });
    stops.push(pg.stop);
    databaseUrl = pg.url;
    opts.log(`PostgreSQL (embedded) on ${new URL(databaseUrl).host}`);
  }
  env.DATABASE_URL = databaseUrl;
  await runMigrations(databaseUrl);
  opts.log('migrations applied');

  if (!process.env.CREGIS_BASE_URL && opts.mode !== 'build') {
    const { checkout, payout } = (await localSecrets()).cregis;
    const sandbox = await startCregisSandbox({
      port: Number(process.env.CREGIS_SANDBOX_PORT ?? 9350),
      stateFile: path.join(dataDir(), 'cregis-sandbox.json'),
      checkout,
      payout,
      log: (l) => process.env.DEBUG_CREGIS && opts.log(`[cregis] ${l}`),
    });
    stops.push(sandbox.stop);
    env.CREGIS_BASE_URL = sandbox.url;
    env.CREGIS_PID = checkout.pid;
    env.CREGIS_API_KEY = checkout.apiKey;
    env.CREGIS_PAYOUT_PID = payout.pid;
    env.CREGIS_PAYOUT_API_KEY = payout.apiKey;
    opts.log(`Cregis sandbox on ${sandbox.url} (control page ${sandbox.url}/sandbox)`);
  }

  if (!process.env.DIDIT_BASE_URL && opts.mode !== 'build') {
    const { didit } = await localSecrets();
    // DIDIT sends webhooks to the URL set in its console; the sandbox is told the app's.
    const appUrl = (process.env.APP_URL ?? `http://localhost:${process.env.PORT ?? 3000}`).replace(/\/$/, '');
    const sandbox = await startDiditSandbox({
      port: Number(process.env.DIDIT_SANDBOX_PORT ?? 9370),
      stateFile: path.join(dataDir(), 'didit-sandbox.json'),
      secrets: didit,
      webhookUrl: `${appUrl}/api/webhooks/didit`,
      log: (l) => process.env.DEBUG_DIDIT && opts.log(`[didit] ${l}`),
    });
    stops.push(sandbox.stop);
    env.DIDIT_BASE_URL = sandbox.url;
    env.DIDIT_API_KEY = didit.apiKey;
    env.DIDIT_WEBHOOK_SECRET = didit.webhookSecret;
    env.DIDIT_WORKFLOW_ID_KYC = didit.workflowKyc;
    env.DIDIT_WORKFLOW_ID_KYB = didit.workflowKyb;
    opts.log(`DIDIT sandbox on ${sandbox.url} (control page ${sandbox.url}/sandbox)`);
  }

  if ((process.env.AUTH_MODE ?? 'local') === 'local') {
    const port = Number(process.env.COGNITO_LOCAL_PORT ?? 9229);
    const dir = port === 9229 ? 'cognito' : `cognito-${port}`;
    const cognito = await startCognitoLocal({ dataDir: path.join(dataDir(), dir), port, log: opts.log });
    stops.push(cognito.stop);
    env.AUTH_MODE = 'local';
    env.COGNITO_ENDPOINT = cognito.endpoint;
    env.COGNITO_LOCAL_DATA_DIR = cognito.dataDir;
    env.COGNITO_USER_POOL_ID = cognito.userPoolId;
    env.COGNITO_CLIENT_ID = cognito.clientId;
    env.COGNITO_REGION = 'us-east-1';
    opts.log(`Cognito emulator on ${cognito.endpoint} (pool ${cognito.userPoolId})`);
    if (opts.mode !== 'build') {
      const { demoAdmin } = await localSecrets();
      await ensureDemoAdmin({ endpoint: cognito.endpoint, userPoolId: cognito.userPoolId, admin: demoAdmin });
      opts.log(`admin console: /admin as ${demoAdmin.email} / ${demoAdmin.password} (also in ${path.join(dataDir(), 'secrets.json')})`);
    }
  }

  env.VITA_DATA_ID = await dataIdentity(databaseUrl);
  if (!process.env.MEDIA_DIR) env.MEDIA_DIR = path.join(dataDir(), 'media');

  if ((process.env.LIVE_PROVIDER ?? 'local') === 'local' && opts.mode !== 'build') {
    // Local stand-in for IVS: RTMP ingest → HLS, recordings into local media storage, IVS-shaped lifecycle events.
    const { startLiveServer } = await import('./local/live-server');
    const recordingsDir = path.join(path.resolve(process.env.MEDIA_DIR ?? env.MEDIA_DIR!), 'live-recordings');
    const live = await startLiveServer({
      rtmpPort: Number(process.env.LIVE_RTMP_PORT ?? 19350),
      httpPort: Number(process.env.LIVE_HTTP_PORT ?? 9390),
      hlsDir: path.join(dataDir(), 'live-hls'),
      recordingsDir,
      databaseUrl,
      log: opts.log,
    });
    stops.push(live.stop);
    env.LIVE_PROVIDER = 'local';
    env.LIVE_RTMP_URL = live.rtmpUrl;
    env.LIVE_HLS_BASE_URL = live.httpUrl;
    env.LIVE_RECORDINGS_BASE_URL = `${live.httpUrl}/recordings`;
    env.LIVE_RECORDINGS_DIR = recordingsDir;
    opts.log(`live server: RTMP ${live.rtmpUrl}/<stream key>, HLS ${live.httpUrl}/hls/`);
  }
  if (!process.env.MEDIA_SIGNING_SECRET) {
    env.MEDIA_SIGNING_SECRET = (await localSecrets()).mediaSigningSecret;
  }
  if (!process.env.VAPID_PUBLIC_KEY) {
    const { vapid } = await localSecrets();
    env.VAPID_PUBLIC_KEY = vapid.publicKey;
    env.VAPID_PRIVATE_KEY = vapid.privateKey;
  }

  if (process.env.SEED !== '0') {
    const { seedIfEmpty } = await import('./seed');
    const seeded = await seedIfEmpty(databaseUrl, { log: opts.log });
    if (seeded) opts.log('demo data loaded');
  }

  return {
    env,
    stop: async () => {
      for (const stop of stops.reverse()) await stop().catch(() => {});
    },
  };
}
