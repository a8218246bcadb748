import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newDiditSandboxSecrets, startDiditSandbox, type DiditSandbox, type SandboxStatus } from '../../../scripts/local/didit-sandbox';
import { setKycProviderForTests, type KycProvider } from '../../adapters/kyc';
import { createDiditProvider } from '../../adapters/kyc/didit';
import { hmacHex, signRaw, signV2 } from '../../adapters/kyc/didit-signing';
import { canonicalJson } from '../../crypto/canonical-json';
import { auditLog, kycEvents, kycSessions, storeMembers, stores, type Store } from '../../db/schema';
import { callerFor, rejectionOf } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';
import { handleDiditWebhook } from '../../webhooks/didit';
import type { PaymentProvider } from '../../adapters/payments';
import type { AppError } from '../../errors/app-error';
import { requestPayout } from '../payouts/request-payout';
import { processKycEvent } from './process-kyc-event';
import { reconcileKyc } from './reconcile-kyc';
import { STORE_STATUS_OF } from './status-map';

const db = testDb();
const uid = () => crypto.randomBytes(4).toString('hex');
const secrets = newDiditSandboxSecrets();

let sandbox: DiditSandbox;
let provider: KycProvider;
let dir: string;
let receiver: http.Server;
let receiverUrl: string;
/** When false the sandbox's webhooks go nowhere (as when a firewall drops them). */
let deliverWebhooks = true;
const answers: number[] = [];

/** The app's webhook route in-process: node request → Request → handler; the queued job runs at once. */
function startReceiver(): Promise<void> {
  receiver = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', async () => {
      const request = new Request(`http://app${req.url}`, {
        method: 'POST',
        headers: req.headers as Record<string, string>,
        body: Buffer.concat(chunks),
      });
      const out = await handleDiditWebhook(request, { db, provider, enqueue: (async (_n: string, { eventId }: { eventId: string }) => processKycEvent({ db, eventId })) as never });
      answers.push(out.status);
      res.writeHead(out.status, { 'content-type': 'application/json' });
      res.end(await out.text());
    });
  });
  return new Promise((resolve) =>
    receiver.listen(0, '127.0.0.1', () => {
      receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/api/webhooks/didit`;
      resolve();
    }),
  );
}

beforeAll(async () => {
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-kyc-'));
  await startReceiver();
  sandbox = await startDiditSandbox({ port: 0, stateFile: path.join(dir, 'didit.json'), secrets, webhookUrl: () => (deliverWebhooks ? receiverUrl : undefined) });
  provider = createDiditProvider({
    baseUrl: sandbox.url,
    apiKey: secrets.apiKey,
    webhookSecret: secrets.webhookSecret,
    workflows: { individual: secrets.workflowKyc, business: secrets.workflowKyb },
    timeoutMs: 3000,
  });
  setKycProviderForTests(provider);
});

afterAll(async () => {
  setKycProviderForTests(undefined);
  await sandbox?.stop();
  await new Promise((r) => receiver?.close(r));
  await fs.rm(dir, { recursive: true, force: true });
});

async function ownerWithStore(kyc: Store['kycStatus'] = 'unverified') {
  const user = await createTestUser(db);
  const [store] = await db.insert(stores).values({ slug: `k-${uid()}`, name: 'Tienda Ñandú', currency: 'PEN', kycStatus: kyc }).returning();
  await db.insert(storeMembers).values({ storeId: store!.id, userId: user.id, role: 'owner' });
  return { user, store: store!, api: callerFor(db, user) };
}

const storeOf = async (id: string) => (await db.select().from(stores).where(eq(stores.id, id)))[0]!;
const sessionOf = async (id: string) => (await db.select().from(kycSessions).where(eq(kycSessions.id, id)))[0]!;

/** Starts verification through the procedure and returns our row and the sandbox's session id. */
async function started(kind: 'individual' | 'business' = 'individual', kyc: Store['kycStatus'] = 'unverified') {
  const o = await ownerWithStore(kyc);
  const { sessionId, url } = await o.api.kyc.start({ storeId: o.store.id, kind });
  const row = await sessionOf(sessionId);
  return { ...o, row, url, providerId: row.providerSessionId };
}

/** A webhook as DIDIT would sign it (both signatures), with overridable parts. */
function signedWebhook(body: Record<string, unknown>, opts: { ts?: number; secret?: string; only?: 'v1' | 'v2' | 'simple'; raw?: string } = {}) {
  const ts = String(opts.ts ?? Math.floor(Date.now() / 1000));
  const secret = opts.secret ?? secrets.webhookSecret;
  const raw = opts.raw ?? JSON.stringify(body);
  const headers: Record<string, string> = { 'content-type': 'application/json', 'x-timestamp': ts };
  if (!opts.only || opts.only === 'v1') headers['x-signature'] = signRaw(secret, raw);
  if (!opts.only || opts.only === 'v2') headers['x-signature-v2'] = signV2(secret, body);
  if (opts.only === 'simple') headers['x-signature-simple'] = hmacHex(secret, `${ts}:${String(body.session_id)}:${String(body.status)}:status.updated`);
  return new Request('http://app/api/webhooks/didit', { method: 'POST', headers, body: raw });
}

const handle = (req: Request) => handleDiditWebhook(req, { db, provider, enqueue: (async (_n: string, { eventId }: { eventId: string }) => processKycEvent({ db, eventId })) as never });

describe('DIDIT adapter and sandbox: sessions', () => {
  it('creates a session with workflow_id, vendor_data = store id and our callback; a second start answers the same one', async () => {
    const { row, url, store, api, user } = await started();
    expect(row).toMatchObject({ storeId: store.id, userId: user.id, kind: 'individual', status: 'Not Started', workflowId: secrets.workflowKyc });
    expect(url).toBe(`${sandbox.url}/session/${sandbox.session(row.providerSessionId)!.session_token}`);
    const s = sandbox.session(row.providerSessionId)!;
    expect(s.vendor_data).toBe(store.id);
    expect(s.callback).toBe(`http://127.0.0.1:3999/dashboard/tiendas/${store.id}/verificacion`);
    expect((await storeOf(store.id)).kycStatus).toBe('pending');
    const again = await api.kyc.start({ storeId: store.id, kind: 'individual' });
    expect(again).toMatchObject({ sessionId: row.id, reused: true });
    expect(await db.select().from(kycSessions).where(eq(kycSessions.storeId, store.id))).toHaveLength(1);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subject, `store:${store.id}`), eq(auditLog.action, 'kyc.started')));
    expect(audit).toHaveLength(1);
  });

  it('KYB uses the business workflow', async () => {
    const { row } = await started('business');
    expect(row.workflowId).toBe(secrets.workflowKyb);
    expect(sandbox.session(row.providerSessionId)!.kind).toBe('business');
  });

  it('only the owner starts it; bad input is BAD_REQUEST; an approved store is not verified twice', async () => {
    const o = await ownerWithStore();
    const manager = await createTestUser(db);
    await db.insert(storeMembers).values({ storeId: o.store.id, userId: manager.id, role: 'manager' });
    expect((await rejectionOf(callerFor(db, manager).kyc.start({ storeId: o.store.id, kind: 'individual' }))).code).toBe('FORBIDDEN');
    expect((await rejectionOf(o.api.kyc.start({ storeId: o.store.id, kind: 'robot' as never }))).code).toBe('BAD_REQUEST');
    const approved = await ownerWithStore('approved');
    const err = await rejectionOf(approved.api.kyc.start({ storeId: approved.store.id, kind: 'individual' }));
    expect(err.code).toBe('CONFLICT');
    expect(await db.select().from(kycSessions).where(eq(kycSessions.storeId, o.store.id))).toHaveLength(0);
  });

  it('a wrong API key or an unreachable DIDIT is a typed upstream error with a timeout', async () => {
    const bad = createDiditProvider({ baseUrl: sandbox.url, apiKey: 'nope', webhookSecret: 'x', workflows: { individual: secrets.workflowKyc, business: secrets.workflowKyb } });
    await expect(bad.createSession({ kind: 'individual', vendorData: 'x', callbackUrl: 'http://a/b', language: 'es' })).rejects.toMatchObject({ code: 'UPSTREAM_FAILED' });
    // A server that accepts the connection and never answers.
    const hang = http.createServer(() => {});
    await new Promise<void>((r) => hang.listen(0, '127.0.0.1', () => r()));
    const slow = createDiditProvider({
      baseUrl: `http://127.0.0.1:${(hang.address() as { port: number }).port}`,
      apiKey: 'k',
      webhookSecret: 'x',
      workflows: { individual: 'w', business: 'w' },
      timeoutMs: 300,
    });
    await expect(slow.getDecision('abc')).rejects.toMatchObject({ code: 'UPSTREAM_FAILED', data: { reason: 'TIMEOUT' } });
    hang.closeAllConnections();
    await new Promise((r) => hang.close(r));
  });
});

describe('hosted flow → signed webhooks → store status', () => {
  it('opening the page is In Progress; approving with accented names sends signed webhooks and approves the store', async () => {
    const { url, store, row } = await started();
    const page = await fetch(url);
    expect(await page.text()).toContain('María José');
    await expect.poll(async () => (await sessionOf(row.id)).status).toBe('In Progress');
    const submit = await fetch(`${url}/submit`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ outcome: 'approve', first_name: 'José Ñíguez', last_name: 'Peña Álvarez', document_number: '12345678' }),
      redirect: 'manual',
    });
    expect(submit.status).toBe(303);
    expect(submit.headers.get('location')).toBe(`http://127.0.0.1:3999/dashboard/tiendas/${store.id}/verificacion?verificationSessionId=${row.providerSessionId}&status=Approved`);
    const s = await sessionOf(row.id);
    expect(s.status).toBe('Approved');
    expect(JSON.stringify(s.decision)).toContain('José Ñíguez');
    const fresh = await storeOf(store.id);
    expect(fresh.kycStatus).toBe('approved');
    expect(fresh.verifiedAt).toBeInstanceOf(Date);
    const events = await db.select().from(kycEvents).where(eq(kycEvents.providerSessionId, row.providerSessionId));
    expect(events.map((e) => e.status).sort()).toEqual(['Approved', 'In Progress']);
    expect(events.every((e) => e.processedAt && e.outcome === 'applied')).toBe(true);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subject, `store:${store.id}`), eq(auditLog.action, 'kyc.status')));
    expect(audit.map((a) => a.data.to)).toEqual(['In Progress', 'Approved']);
  });

  it('maps every documented status onto the store', async () => {
    for (const status of Object.keys(STORE_STATUS_OF) as SandboxStatus[]) {
      const { row, store } = await started();
      await sandbox.setStatus(row.providerSessionId, status);
      if (status === 'Not Started') {
        // Same status as at creation: nothing to change.
        expect((await sessionOf(row.id)).status).toBe('Not Started');
        continue;
      }
      expect((await sessionOf(row.id)).status).toBe(status);
      const expected = status === 'Kyc Expired' ? 'unverified' : STORE_STATUS_OF[status];
      expect([status, (await storeOf(store.id)).kycStatus]).toEqual([status, expected]);
    }
  });

  it('Kyc Expired takes a past approval away; a newer attempt in progress does not', async () => {
    const { row, store } = await started();
    await sandbox.setStatus(row.providerSessionId, 'Approved');
    expect((await storeOf(store.id)).kycStatus).toBe('approved');
    await sandbox.setStatus(row.providerSessionId, 'Kyc Expired');
    const s = await storeOf(store.id);
    expect(s.kycStatus).toBe('unverified');
    expect(s.verifiedAt).toBeNull();
  });
});

describe('webhook security', () => {
  async function bodyFor(status: SandboxStatus = 'Approved') {
    const { row, store } = await started();
    const ts = Math.floor(Date.now() / 1000);
    return { row, store, body: { session_id: row.providerSessionId, status, webhook_type: 'status.updated', vendor_data: store.id, timestamp: ts, created_at: ts, decision: { status, id_verifications: [{ first_name: 'Ñusta', last_name: 'Quispe Mamaní' }] } } };
  }

  it('forged (wrong secret), unsigned and Simple-only webhooks are 401 and change nothing', async () => {
    const { row, store, body } = await bodyFor();
    for (const req of [signedWebhook(body, { secret: 'not-the-secret' }), signedWebhook(body, { only: 'simple' }), new Request('http://app', { method: 'POST', headers: { 'x-timestamp': String(body.timestamp) }, body: JSON.stringify(body) })]) {
      expect((await handle(req)).status).toBe(401);
    }
    // Tampered body with the original signatures.
    const good = signedWebhook(body);
    const tampered = new Request('http://app', { method: 'POST', headers: good.headers, body: JSON.stringify({ ...body, status: 'Declined' }) });
    expect((await handle(tampered)).status).toBe(401);
    expect((await sessionOf(row.id)).status).toBe('Not Started');
    expect((await storeOf(store.id)).kycStatus).toBe('pending');
    expect(await db.select().from(kycEvents).where(eq(kycEvents.providerSessionId, row.providerSessionId))).toHaveLength(0);
  });

  it('stale or future X-Timestamp (beyond ±300 s) is 401; within the window is accepted', async () => {
    const { row, body } = await bodyFor();
    const now = Math.floor(Date.now() / 1000);
    expect((await handle(signedWebhook(body, { ts: now - 301 }))).status).toBe(401);
    expect((await handle(signedWebhook(body, { ts: now + 301 }))).status).toBe(401);
    // Milliseconds are not seconds.
    expect((await handle(signedWebhook(body, { ts: Date.now() }))).status).toBe(401);
    expect((await sessionOf(row.id)).status).toBe('Not Started');
    expect((await handle(signedWebhook(body, { ts: now - 290 }))).status).toBe(200);
    expect((await sessionOf(row.id)).status).toBe('Approved');
  });

  it('X-Signature-V2 survives a re-serialised body; X-Signature alone verifies the raw bytes; the "{ts}:" V2 form is accepted', async () => {
    const a = await bodyFor('In Review');
    // A proxy re-indented the JSON: raw signature breaks, V2 holds.
    const reserialised = JSON.stringify(a.body, null, 2);
    const req = signedWebhook(a.body, { only: 'v2', raw: reserialised });
    expect((await handle(req)).status).toBe(200);
    expect((await sessionOf(a.row.id)).status).toBe('In Review');

    const b = await bodyFor('Declined');
    expect((await handle(signedWebhook(b.body, { only: 'v1' }))).status).toBe(200);
    expect((await sessionOf(b.row.id)).status).toBe('Declined');
    const broken = signedWebhook(b.body, { only: 'v1', raw: JSON.stringify(b.body, null, 2) });
    const forgedRaw = new Request('http://app', { method: 'POST', headers: { 'x-timestamp': broken.headers.get('x-timestamp')!, 'x-signature': signRaw(secrets.webhookSecret, 'other') }, body: await broken.text() });
    expect((await handle(forgedRaw)).status).toBe(401);

    const c = await bodyFor('Approved');
    const ts = String(c.body.timestamp);
    const prefixed = hmacHex(secrets.webhookSecret, `${ts}:${canonicalJson(c.body)}`);
    const res = await handle(new Request('http://app', { method: 'POST', headers: { 'x-timestamp': ts, 'x-signature-v2': prefixed }, body: JSON.stringify(c.body) }));
    expect(res.status).toBe(200);
    expect((await sessionOf(c.row.id)).status).toBe('Approved');
  });

  it('a duplicated delivery and a replay (same body, fresh timestamp and signatures) are acknowledged once and applied once', async () => {
    const { row, store, body } = await bodyFor();
    expect((await handle(signedWebhook(body))).status).toBe(200);
    const dup = await handle(signedWebhook(body));
    expect(dup.status).toBe(200);
    expect(await dup.json()).toMatchObject({ duplicate: true });
    const replay = await handle(signedWebhook(body, { ts: Math.floor(Date.now() / 1000) + 5 }));
    expect(await replay.json()).toMatchObject({ duplicate: true });
    expect(await db.select().from(kycEvents).where(eq(kycEvents.providerSessionId, row.providerSessionId))).toHaveLength(1);
    const audit = await db.select().from(auditLog).where(and(eq(auditLog.subject, `store:${store.id}`), eq(auditLog.action, 'kyc.status')));
    expect(audit).toHaveLength(1);
  });

  it('an out-of-order older report never undoes a newer one', async () => {
    const { row, body } = await bodyFor('Approved');
    expect((await handle(signedWebhook(body))).status).toBe(200);
    const older = { ...body, status: 'In Progress', timestamp: (body.timestamp as number) - 60, decision: undefined };
    expect((await handle(signedWebhook(older))).status).toBe(200);
    expect((await sessionOf(row.id)).status).toBe('Approved');
    const [ev] = await db.select().from(kycEvents).where(and(eq(kycEvents.providerSessionId, row.providerSessionId), eq(kycEvents.status, 'In Progress')));
    expect(ev!.outcome).toBe('stale');
  });

  it('an unknown session is 404 (DIDIT retries it) and stores nothing; malformed JSON is 400', async () => {
    const ts = Math.floor(Date.now() / 1000);
    const body = { session_id: crypto.randomUUID(), status: 'Approved', webhook_type: 'status.updated', timestamp: ts };
    expect((await handle(signedWebhook(body))).status).toBe(404);
    expect(await db.select().from(kycEvents).where(eq(kycEvents.providerSessionId, body.session_id))).toHaveLength(0);
    const raw = '{"session_id": ';
    const res = await handle(new Request('http://app', { method: 'POST', headers: { 'x-timestamp': String(ts), 'x-signature': signRaw(secrets.webhookSecret, raw) }, body: raw }));
    expect(res.status).toBe(400);
  });
});

describe('kyc.reconcile', () => {
  it('asks DIDIT about sessions whose webhooks never came, and re-drives stored events nobody processed', async () => {
    deliverWebhooks = false;
    try {
      const { row, store } = await started();
      await sandbox.setStatus(row.providerSessionId, 'Approved');
      expect((await sessionOf(row.id)).status).toBe('Not Started');
      // Not yet stale: nothing asked.
      await reconcileKyc({ db, provider, staleMinutes: 10 });
      expect((await sessionOf(row.id)).status).toBe('Not Started');
      const result = await reconcileKyc({ db, provider, staleMinutes: 0, now: new Date(Date.now() + 1000) });
      expect(result.polled).toBeGreaterThanOrEqual(1);
      const s = await sessionOf(row.id);
      expect(s.status).toBe('Approved');
      expect(s.polledAt).toBeInstanceOf(Date);
      expect((await storeOf(store.id)).kycStatus).toBe('approved');
      // Polling again changes nothing (settled sessions are not asked).
      const again = await reconcileKyc({ db, provider, staleMinutes: 0, now: new Date(Date.now() + 2000) });
      expect(again.changed).toBe(0);
    } finally {
      deliverWebhooks = true;
    }

    // A webhook stored but never processed (the process died after the ack).
    const { row, body } = await (async () => {
      const o = await started();
      const ts = Math.floor(Date.now() / 1000);
      return { row: o.row, body: { session_id: o.providerId, status: 'Declined', webhook_type: 'status.updated', timestamp: ts } };
    })();
    const res = await handleDiditWebhook(signedWebhook(body), { db, provider, processInline: false, enqueue: (async () => undefined) as never });
    expect(res.status).toBe(200);
    expect((await sessionOf(row.id)).status).toBe('Not Started');
    await reconcileKyc({ db, provider, now: new Date(Date.now() + 120_000), staleMinutes: 60 });
    expect((await sessionOf(row.id)).status).toBe('Declined');
  });
});

describe('KYC gates payouts', () => {
  const payout = (storeId: string) => ({ storeId, amount: 2000, network: 'USDT-TRC20' as const, address: 'TJRyWwFs9wTFGZg3JbrVriFbNfCug5tDeC' });

  it('an unverified store cannot withdraw; once DIDIT approves it the KYC gate opens (then the balance decides)', async () => {
    const { store, user, row } = await started();
    // The gates come before any provider call: a provider that must never be reached.
    const unreachable = new Proxy({}, { get: () => { throw new Error('provider reached'); } }) as PaymentProvider;
    const attempt = () => requestPayout({ db, provider: unreachable, store, userId: user.id, input: payout(store.id) }).catch((e: unknown) => e as AppError);
    expect(await attempt()).toMatchObject({ code: 'FORBIDDEN', data: { reason: 'KYC_REQUIRED' } });
    await sandbox.setStatus(row.providerSessionId, 'Approved');
    expect(await attempt()).toMatchObject({ code: 'CONFLICT', data: { reason: 'INSUFFICIENT_FUNDS' } });
  });

  it('a payout needs a recent sign-in, whatever the KYC status', async () => {
    const o = await ownerWithStore('approved');
    const stale = callerFor(db, { ...o.user, authTime: Math.floor(Date.now() / 1000) - 3600 });
    const err = await rejectionOf(stale.wallet.requestPayout(payout(o.store.id)));
    expect([err.code, err.cause?.data?.reason]).toEqual(['FORBIDDEN', 'RECENT_AUTH_REQUIRED']);
    const none = callerFor(db, { ...o.user, authTime: undefined });
    expect((await rejectionOf(none.wallet.requestPayout(payout(o.store.id)))).cause?.data?.reason).toBe('RECENT_AUTH_REQUIRED');
  });
});
