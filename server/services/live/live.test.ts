import crypto from 'node:crypto';
import fs from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newSandboxProject, startCregisSandbox, type CregisSandbox, type SandboxOrder } from '../../../scripts/local/cregis-sandbox';
import { LocalLiveProvider, setLiveProvider, type LiveProvider, type MetadataResult } from '../../adapters/live';
import { setPaymentProviderForTests } from '../../adapters/payments';
import { createCregisProvider, type CregisProvider } from '../../adapters/payments/cregis';
import { checkouts, ivsChannels, ledgerTransactions, liveChatMessages, livePins, liveShows, outbox, products, productVariants, realtimeEvents, storeMembers, stores, follows } from '../../db/schema';
import { createRealtimeHub } from '../../realtime';
import { callerFor, rejectionOf } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';
import { ownerBalances, postLedgerTransaction } from '../ledger/post-transaction';
import { applyPaymentUpdate } from '../payments/apply-payment-update';
import { applyIvsEvent } from './apply-ivs-event';
import { showChannel } from './realtime';

const db = testDb();
const uid = () => crypto.randomBytes(4).toString('hex');

/** The local provider, recording every timed-metadata call the pins make. */
class RecordingProvider extends LocalLiveProvider {
  sent: Array<{ arn: string; text: string }> = [];
  override async putMetadata(arn: string, text: string): Promise<MetadataResult> {
    this.sent.push({ arn, text });
    return 'sent';
  }
}
const provider = new RecordingProvider({ rtmpUrl: 'rtmp://127.0.0.1:19999/live', hlsBaseUrl: 'http://127.0.0.1:9999' });

let sandbox: CregisSandbox;
let cregis: CregisProvider;
let dir: string;
beforeAll(async () => {
  setLiveProvider(provider as LiveProvider);
  dir = await fs.mkdtemp(path.join(os.tmpdir(), 'vita-live-svc-'));
  const checkout = newSandboxProject();
  sandbox = await startCregisSandbox({ port: 0, stateFile: path.join(dir, 'state.json'), checkout, payout: newSandboxProject(), log: () => {} });
  cregis = createCregisProvider({ baseUrl: sandbox.url, pid: checkout.pid, apiKey: checkout.apiKey, callbackMaxAgeS: 300 });
  setPaymentProviderForTests(cregis);
});
afterAll(async () => {
  setLiveProvider(undefined);
  setPaymentProviderForTests(undefined);
  await sandbox?.stop();
  await fs.rm(dir, { recursive: true, force: true });
});

async function sellerWithStore() {
  const owner = await createTestUser(db);
  const [store] = await db.insert(stores).values({ slug: `lv-${uid()}`, name: 'Tienda Viva', currency: 'PEN' }).returning();
  await db.insert(storeMembers).values({ storeId: store!.id, userId: owner.id, role: 'owner' });
  const [product] = await db.insert(products).values({ storeId: store!.id, slug: `p-${uid()}`, title: 'Polo negro', currency: 'PEN', price: 3990 }).returning();
  await db.insert(productVariants).values({ productId: product!.id, price: 3990, stock: 10 });
  return { owner, store: store!, product: product!, seller: callerFor(db, owner) };
}

const deps = { db, recordingsBaseUrl: 'https://cdn.example', readRecording: async () => ({ recording_started_at: '2030-01-01T10:00:01Z', media: { hls: { path: 'media/hls', playlist: 'master.m3u8', duration_ms: 600000 } } }) };
const ev = (type: 'stream' | 'recording', arn: string, time: string, detail: Record<string, unknown>) => ({
  source: 'aws.ivs',
  'detail-type': type === 'stream' ? 'IVS Stream State Change' : 'IVS Recording State Change',
  time,
  resources: [arn],
  detail,
});
const showOf = async (id: string) => (await db.select().from(liveShows).where(eq(liveShows.id, id)))[0]!;

async function liveShowFor(s: Awaited<ReturnType<typeof sellerWithStore>>) {
  const show = await s.seller.liveSeller.schedule({ storeId: s.store.id, title: 'Remate de polos', scheduledAt: new Date(Date.now() + 60_000), productIds: [s.product.id] });
  const setup = await s.seller.liveSeller.createChannel({ storeId: s.store.id });
  await s.seller.liveSeller.arm({ storeId: s.store.id, showId: show.id });
  const [channel] = await db.select().from(ivsChannels).where(eq(ivsChannels.storeId, s.store.id));
  await applyIvsEvent(deps, ev('stream', channel!.channelArn, new Date().toISOString(), { event_name: 'Stream Start', stream_id: `st-${uid()}` }));
  return { show, channel: channel!, key: setup.streamKey };
}

describe('channel and stream key', () => {
  it('creates one channel per store; the key is answered once, stored only as hash + hint; rotation answers a new one', async () => {
    const s = await sellerWithStore();
    const first = await s.seller.liveSeller.createChannel({ storeId: s.store.id });
    expect(first.streamKey).toMatch(/^sk_local_/);
    const again = await s.seller.liveSeller.createChannel({ storeId: s.store.id });
    expect(again.streamKey).toBeNull();
    expect((await s.seller.liveSeller.streamSetup({ storeId: s.store.id }))!.streamKey).toBeNull();
    const [row] = await db.select().from(ivsChannels).where(eq(ivsChannels.storeId, s.store.id));
    expect(JSON.stringify(row)).not.toContain(first.streamKey!);
    expect(row!.streamKeyHint).toBe(first.streamKey!.slice(-4));
    const rotated = await s.seller.liveSeller.rotateKey({ storeId: s.store.id });
    expect(rotated.streamKey).toMatch(/^sk_local_/);
    expect(rotated.streamKey).not.toBe(first.streamKey);
    expect((await db.select().from(ivsChannels).where(eq(ivsChannels.storeId, s.store.id))).length).toBe(1);
  });
});

describe('stream lifecycle events', () => {
  it('start → live (followers emailed once), duplicate/older starts change nothing, end → ended, an older start never revives it', async () => {
    const s = await sellerWithStore();
    const fan = await createTestUser(db);
    await callerFor(db, fan).live.follow({ storeId: s.store.id });
    const show = await s.seller.liveSeller.schedule({ storeId: s.store.id, title: 'Show ordenado', scheduledAt: new Date('2030-01-01T10:00:00Z') });
    await s.seller.liveSeller.createChannel({ storeId: s.store.id });
    const [channel] = await db.select().from(ivsChannels).where(eq(ivsChannels.storeId, s.store.id));
    const arn = channel!.channelArn;
    const start = ev('stream', arn, '2030-01-01T10:00:00Z', { event_name: 'Stream Start', stream_id: 'st-a' });
    expect(await applyIvsEvent(deps, start)).toMatchObject({ outcome: 'live', showId: show.id });
    expect(await applyIvsEvent(deps, start)).toMatchObject({ outcome: 'duplicate' });
    expect((await db.select().from(outbox).where(and(eq(outbox.template, 'live_started'), eq(outbox.to, fan.email)))).length).toBe(1);

    expect(await applyIvsEvent(deps, ev('stream', arn, '2030-01-01T11:00:00Z', { event_name: 'Stream End', stream_id: 'st-a' }))).toMatchObject({ outcome: 'ended' });
    // A late Stream Start (older than the end) arrives after it: stays ended.
    expect(await applyIvsEvent(deps, ev('stream', arn, '2030-01-01T10:30:00Z', { event_name: 'Stream Start', stream_id: 'st-a' }))).toMatchObject({ outcome: 'stale' });
    const ended = await showOf(show.id);
    expect(ended.status).toBe('ended');
    expect(ended.startedAt!.toISOString()).toBe('2030-01-01T10:00:00.000Z');
    expect(ended.endedAt!.toISOString()).toBe('2030-01-01T11:00:00.000Z');
    // A reconnect within the grace period resumes the same show; no second email.
    expect(await applyIvsEvent(deps, ev('stream', arn, '2030-01-01T11:02:00Z', { event_name: 'Stream Start', stream_id: 'st-b' }))).toMatchObject({ outcome: 'resumed', showId: show.id });
    expect((await showOf(show.id)).status).toBe('live');
    expect((await db.select().from(outbox).where(and(eq(outbox.template, 'live_started'), eq(outbox.to, fan.email)))).length).toBe(1);
    // Status changes went out on the show's real-time channel.
    const kinds = (await db.select().from(realtimeEvents).where(eq(realtimeEvents.channel, showChannel(show.id)))).map((e) => [e.kind, (e.payload as { status: string }).status]);
    expect(kinds).toEqual([['status', 'live'], ['status', 'ended'], ['status', 'live']]);
  });

  it('an end that arrives before its start ends the show; the start then only fills the start time', async () => {
    const s = await sellerWithStore();
    const show = await s.seller.liveSeller.schedule({ storeId: s.store.id, title: 'Al revés', scheduledAt: new Date('2030-02-01T10:00:00Z') });
    await s.seller.liveSeller.createChannel({ storeId: s.store.id });
    await s.seller.liveSeller.arm({ storeId: s.store.id, showId: show.id });
    const [channel] = await db.select().from(ivsChannels).where(eq(ivsChannels.storeId, s.store.id));
    expect(await applyIvsEvent(deps, ev('stream', channel!.channelArn, '2030-02-01T11:00:00Z', { event_name: 'Stream End', stream_id: 'st-x' }))).toMatchObject({ outcome: 'ended' });
    expect(await applyIvsEvent(deps, ev('stream', channel!.channelArn, '2030-02-01T10:00:00Z', { event_name: 'Stream Start', stream_id: 'st-x' }))).toMatchObject({ outcome: 'stale' });
    const row = await showOf(show.id);
    expect(row.status).toBe('ended');
    expect(row.startedAt!.toISOString()).toBe('2030-02-01T10:00:00.000Z');
  });

  it('unknown channels and unknown shapes are ignored; recording end sets the replay from recording-ended.json', async () => {
    expect(await applyIvsEvent(deps, ev('stream', 'arn:aws:ivs:us-east-1:1:channel/nope', '2030-01-01T10:00:00Z', { event_name: 'Stream Start' }))).toEqual({ outcome: 'unknown_channel' });
    expect(await applyIvsEvent(deps, { hello: 'world' })).toEqual({ outcome: 'invalid' });
    const s = await sellerWithStore();
    const { show, channel } = await liveShowFor(s);
    const prefix = `ivs/v1/123/${uid()}/2030/1/1/10/0/rec1`;
    const rec = { recording_s3_bucket_name: 'bucket', recording_s3_key_prefix: prefix };
    expect(await applyIvsEvent(deps, ev('recording', channel.channelArn, new Date().toISOString(), { ...rec, recording_status: 'Recording Start' }))).toMatchObject({ outcome: 'recording' });
    expect(await applyIvsEvent(deps, ev('recording', channel.channelArn, new Date(Date.now() + 1000).toISOString(), { ...rec, recording_status: 'Recording End', recording_duration_ms: 600000 }))).toMatchObject({ outcome: 'replay_ready' });
    const row = await showOf(show.id);
    expect(row.replayUrl).toBe(`https://cdn.example/${prefix}/media/hls/master.m3u8`);
    expect(row.recordingStartedAt!.toISOString()).toBe('2030-01-01T10:00:01.000Z');
  });
});

describe('pins', () => {
  it('pins the store\'s product on its live show: current pin, real-time event, timed metadata ≤ 1 KB', async () => {
    const s = await sellerWithStore();
    const { show, channel } = await liveShowFor(s);
    provider.sent = [];
    const pin = await s.seller.liveSeller.pin({ storeId: s.store.id, showId: show.id, productId: s.product.id });
    expect(pin.metadataStatus).toBe('sent');
    expect((await showOf(show.id)).currentPinId).toBe(pin.pinId);
    expect(provider.sent).toHaveLength(1);
    expect(provider.sent[0]!.arn).toBe(channel.channelArn);
    expect(JSON.parse(provider.sent[0]!.text)).toMatchObject({ type: 'pin', productId: s.product.id, pinId: pin.pinId });
    const page = await callerFor(db, null).live.show({ slug: show.slug });
    expect(page!.pin).toMatchObject({ productId: s.product.id });
  });

  it('rejects another store\'s product and a show that is not live, changing nothing', async () => {
    const s = await sellerWithStore();
    const other = await sellerWithStore();
    const { show } = await liveShowFor(s);
    const foreign = await rejectionOf(s.seller.liveSeller.pin({ storeId: s.store.id, showId: show.id, productId: other.product.id }));
    expect(foreign.code).toBe('BAD_REQUEST');
    const scheduled = await s.seller.liveSeller.schedule({ storeId: s.store.id, title: 'Otro día', scheduledAt: new Date(Date.now() + 86_400_000) });
    const notLive = await rejectionOf(s.seller.liveSeller.pin({ storeId: s.store.id, showId: scheduled.id, productId: s.product.id }));
    expect(notLive.code).toBe('CONFLICT');
    // Another store's seller cannot reach this show at all.
    const cross = await rejectionOf(other.seller.liveSeller.pin({ storeId: other.store.id, showId: show.id, productId: other.product.id }));
    expect(cross.code).toBe('NOT_FOUND');
    expect(await db.select().from(livePins).where(eq(livePins.showId, show.id))).toHaveLength(0);
  });

  it('a subscriber gets the pin through the real-time hub', async () => {
    const s = await sellerWithStore();
    const { show } = await liveShowFor(s);
    const hub = createRealtimeHub(process.env.DATABASE_URL!);
    const ac = new AbortController();
    const page = await callerFor(db, null).live.show({ slug: show.slug });
    const got: unknown[] = [];
    const reading = (async () => {
      for await (const e of hub.subscribe({ channel: showChannel(show.id), lastEventId: page!.lastEventId, signal: ac.signal })) {
        got.push(e);
        if (e.kind === 'pin') break;
      }
    })();
    await s.seller.liveSeller.pin({ storeId: s.store.id, showId: show.id, productId: s.product.id });
    await reading;
    ac.abort();
    await hub.close();
    expect(got.at(-1)).toMatchObject({ kind: 'pin', payload: { productId: s.product.id } });
  });
});

describe('live chat', () => {
  it('sends text ≤ 500 chars, refuses longer or empty, rate limits a flood without affecting others, and the seller deletes and bans', async () => {
    const s = await sellerWithStore();
    const { show } = await liveShowFor(s);
    const viewer = callerFor(db, await createTestUser(db));
    const other = callerFor(db, await createTestUser(db));
    const msg = await viewer.live.sendChat({ showId: show.id, body: '  <b>hola</b>  ' });
    expect(msg.body).toBe('<b>hola</b>');
    expect((await rejectionOf(viewer.live.sendChat({ showId: show.id, body: 'x'.repeat(501) }))).code).toBe('BAD_REQUEST');
    expect((await rejectionOf(viewer.live.sendChat({ showId: show.id, body: '   ' }))).code).toBe('BAD_REQUEST');
    for (let i = 0; i < 4; i++) await viewer.live.sendChat({ showId: show.id, body: `msg ${i}` });
    const flood = await rejectionOf(viewer.live.sendChat({ showId: show.id, body: 'uno más' }));
    expect(flood.code).toBe('TOO_MANY_REQUESTS');
    await expect(other.live.sendChat({ showId: show.id, body: 'yo sí puedo' })).resolves.toMatchObject({ body: 'yo sí puedo' });
    expect((await rejectionOf(callerFor(db, null).live.sendChat({ showId: show.id, body: 'anon' }))).code).toBe('UNAUTHORIZED');

    await s.seller.liveSeller.deleteMessage({ storeId: s.store.id, showId: show.id, messageId: msg.id });
    const page = await callerFor(db, null).live.show({ slug: show.slug });
    expect(page!.chat.map((m) => m.id)).not.toContain(msg.id);
    const otherMsgs = await db.select().from(liveChatMessages).where(eq(liveChatMessages.showId, show.id));
    const byOther = otherMsgs.find((m) => m.body === 'yo sí puedo')!;
    await s.seller.liveSeller.ban({ storeId: s.store.id, showId: show.id, messageId: byOther.id });
    expect((await rejectionOf(other.live.sendChat({ showId: show.id, body: 'otra vez' }))).code).toBe('FORBIDDEN');
    const deletedEvents = (await db.select().from(realtimeEvents).where(eq(realtimeEvents.channel, showChannel(show.id)))).filter((e) => e.kind === 'chat.deleted');
    expect(deletedEvents).toHaveLength(2);
  });
});

describe('tips', () => {
  it('a paid tip posts one ledger transaction of kind tip to the seller\'s available balance and appears in chat', async () => {
    const s = await sellerWithStore();
    const { show } = await liveShowFor(s);
    const fan = await createTestUser(db);
    const { checkoutId, paymentUrl } = await callerFor(db, fan).live.tip({ showId: show.id, amount: 500, message: '¡Genial!' });
    expect(paymentUrl).toContain(sandbox.url);
    const [c] = await db.select().from(checkouts).where(eq(checkouts.id, checkoutId));
    expect(c).toMatchObject({ purpose: 'tip', amount: 500, currency: 'PEN', status: 'pending' });
    const res = await fetch(`${sandbox.url}/sandbox/api/orders/${c!.providerRef}/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'full' }) });
    expect(res.ok).toBe(true);
    const raw = ((await (await fetch(`${sandbox.url}/sandbox/api/orders/${c!.providerRef}`)).json()) as SandboxOrder).last_callback!;
    const apply = () => applyPaymentUpdate({ db, provider: 'cregis', report: cregis.parsePaymentCallback(raw), source: 'callback' });
    expect(await apply()).toMatchObject({ outcome: 'paid' });
    expect(await apply()).toMatchObject({ outcome: 'unchanged' });
    const txs = await db.select().from(ledgerTransactions).where(and(eq(ledgerTransactions.kind, 'tip'), eq(ledgerTransactions.refId, checkoutId)));
    expect(txs).toHaveLength(1);
    expect(await ownerBalances(db, { storeId: s.store.id }, 'PEN')).toMatchObject({ seller_available: 500 });
    const tipLines = await db.select().from(liveChatMessages).where(and(eq(liveChatMessages.showId, show.id), eq(liveChatMessages.kind, 'tip')));
    expect(tipLines).toHaveLength(1);
    expect(tipLines[0]).toMatchObject({ body: '¡Genial!', tipAmount: 500 });
    expect(await callerFor(db, fan).live.tipStatus({ checkoutId })).toMatchObject({ paid: true });
  });

  /** A fan's tip of `amount` on a live show of `s`, paid in the Cregis sandbox and applied. */
  async function paidTip(s: Awaited<ReturnType<typeof sellerWithStore>>, amount: number) {
    const { show } = await liveShowFor(s);
    const { checkoutId } = await callerFor(db, await createTestUser(db)).live.tip({ showId: show.id, amount });
    const [c] = await db.select().from(checkouts).where(eq(checkouts.id, checkoutId));
    await fetch(`${sandbox.url}/sandbox/api/orders/${c!.providerRef}/pay`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ kind: 'full' }) });
    const paid = ((await (await fetch(`${sandbox.url}/sandbox/api/orders/${c!.providerRef}`)).json()) as SandboxOrder).last_callback!;
    expect(await applyPaymentUpdate({ db, provider: 'cregis', report: cregis.parsePaymentCallback(paid), source: 'callback' })).toMatchObject({ outcome: 'paid' });
    return { checkoutId, providerRef: c!.providerRef! };
  }
  /** The sandbox refunds the payment; its callback, parsed. */
  async function refundReport(providerRef: string) {
    const res = await fetch(`${sandbox.url}/sandbox/api/orders/${providerRef}/refund`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{}' });
    expect(res.ok).toBe(true);
    const raw = ((await (await fetch(`${sandbox.url}/sandbox/api/orders/${providerRef}`)).json()) as SandboxOrder).last_callback!;
    const report = cregis.parsePaymentCallback(raw);
    expect(report.state).toBe('refunded');
    return report;
  }
  const tipTxs = (checkoutId: string) => db.select({ kind: ledgerTransactions.kind }).from(ledgerTransactions).where(eq(ledgerTransactions.refId, checkoutId)).orderBy(ledgerTransactions.createdAt);

  it('a refunded tip reverses its posting once: the seller\'s available balance and clearing go back', async () => {
    const s = await sellerWithStore();
    await paidTip(s, 1500); // stays: only the second tip is refunded
    const { checkoutId, providerRef } = await paidTip(s, 700);
    expect(await ownerBalances(db, { storeId: s.store.id }, 'PEN')).toMatchObject({ seller_available: 2200 });
    const clearingBefore = (await ownerBalances(db, 'platform', 'PEN')).clearing!;
    const report = await refundReport(providerRef);
    expect(await applyPaymentUpdate({ db, provider: 'cregis', report, source: 'callback' })).toMatchObject({ outcome: 'refunded' });
    // The same report again (a duplicate callback, the reconciliation): nothing more.
    expect(await applyPaymentUpdate({ db, provider: 'cregis', report, source: 'reconcile' })).toMatchObject({ outcome: 'unchanged' });
    expect(await tipTxs(checkoutId)).toEqual([{ kind: 'tip' }, { kind: 'tip_refund' }]);
    expect(await ownerBalances(db, { storeId: s.store.id }, 'PEN')).toMatchObject({ seller_available: 1500 });
    expect((await ownerBalances(db, 'platform', 'PEN')).clearing).toBe(clearingBefore - 700);
    const [c] = await db.select().from(checkouts).where(eq(checkouts.id, checkoutId));
    expect(c!.status).toBe('refunded');
  });

  it('a refund the seller\'s available balance no longer covers is refused like an order refund: nothing changes, it applies when retried with funds', async () => {
    const s = await sellerWithStore();
    const { checkoutId, providerRef } = await paidTip(s, 900);
    // The seller withdrew most of it (a payout in transit).
    await postLedgerTransaction(db, {
      kind: 'payout',
      refType: 'test',
      refId: crypto.randomUUID(),
      currency: 'PEN',
      lines: [
        { owner: { storeId: s.store.id }, kind: 'seller_available', amount: 800 },
        { owner: { storeId: s.store.id }, kind: 'payouts_in_transit', amount: -800 },
      ],
    });
    const report = await refundReport(providerRef);
    const err = await applyPaymentUpdate({ db, provider: 'cregis', report, source: 'callback' }).then(
      () => null,
      (e: unknown) => e,
    );
    expect(err).toMatchObject({ code: 'CONFLICT', data: { reason: 'INSUFFICIENT_FUNDS' } });
    expect(await tipTxs(checkoutId)).toEqual([{ kind: 'tip' }]);
    expect((await db.select().from(checkouts).where(eq(checkouts.id, checkoutId)))[0]!.status).toBe('paid');
    expect(await ownerBalances(db, { storeId: s.store.id }, 'PEN')).toMatchObject({ seller_available: 100, payouts_in_transit: 800 });
    // The payout fails and the money is back: the stored event's retry reverses the tip.
    await postLedgerTransaction(db, {
      kind: 'payout_failed',
      refType: 'test',
      refId: crypto.randomUUID(),
      currency: 'PEN',
      lines: [
        { owner: { storeId: s.store.id }, kind: 'payouts_in_transit', amount: 800 },
        { owner: { storeId: s.store.id }, kind: 'seller_available', amount: -800 },
      ],
    });
    expect(await applyPaymentUpdate({ db, provider: 'cregis', report, source: 'reconcile' })).toMatchObject({ outcome: 'refunded' });
    expect(await tipTxs(checkoutId)).toEqual([{ kind: 'tip' }, { kind: 'tip_refund' }]);
    expect(await ownerBalances(db, { storeId: s.store.id }, 'PEN')).toMatchObject({ seller_available: 0 });
  });

  it('refuses tips to a show that is not live and to one\'s own store', async () => {
    const s = await sellerWithStore();
    const scheduled = await s.seller.liveSeller.schedule({ storeId: s.store.id, title: 'Mañana', scheduledAt: new Date(Date.now() + 86_400_000) });
    const fan = callerFor(db, await createTestUser(db));
    expect((await rejectionOf(fan.live.tip({ showId: scheduled.id, amount: 500 }))).code).toBe('CONFLICT');
    const { show } = await liveShowFor(await sellerWithStore());
    expect((await rejectionOf(fan.live.tip({ showId: show.id, amount: 5 }))).code).toBe('BAD_REQUEST');
    const own = await sellerWithStore();
    const { show: ownShow } = await liveShowFor(own);
    expect((await rejectionOf(own.seller.live.tip({ showId: ownShow.id, amount: 500 }))).code).toBe('BAD_REQUEST');
  });
});

describe('follows', () => {
  it('follow / unfollow are idempotent and counted', async () => {
    const s = await sellerWithStore();
    const fan = callerFor(db, await createTestUser(db));
    await fan.live.follow({ storeId: s.store.id });
    expect(await fan.live.follow({ storeId: s.store.id })).toEqual({ following: true, followers: 1, signedIn: true });
    expect(await fan.live.followState({ storeId: s.store.id })).toEqual({ following: true, followers: 1, signedIn: true });
    expect(await callerFor(db, null).live.followState({ storeId: s.store.id })).toEqual({ following: false, followers: 1, signedIn: false });
    expect(await fan.live.unfollow({ storeId: s.store.id })).toEqual({ following: false, followers: 0, signedIn: true });
    expect(await db.select().from(follows).where(eq(follows.storeId, s.store.id))).toHaveLength(0);
  });
});
