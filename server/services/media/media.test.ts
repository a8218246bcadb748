import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { eq, sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, describe, expect, it } from 'vitest';
import { inject } from 'vitest';
import { PUT } from '@/app/api/media/upload/[...key]/route';
import { GET as GET_MEDIA } from '@/app/media/[...key]/route';
import { LocalMediaStorage } from '../../adapters/media/local';
import { media, storeMembers, stores } from '../../db/schema';
import { handlers } from '../../jobs/handlers';
import { getBoss } from '../../jobs/queue';
import { callerFor, rejectionOf } from '../../testing/caller';
import { createTestUser, testDb } from '../../testing/db';
import { assertReadyMedia } from './assert-ready-media';
import { processPendingMedia } from './process-pending-media';
import { imageFileProblem, type TCreateUploadResult } from './schemas';

// Real files in a temp MEDIA_DIR; env() is read lazily, so setting it before the first call is enough.
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vita-media-'));
const SECRET = crypto.randomBytes(32).toString('hex');
process.env.DATABASE_URL = inject('databaseUrl');
process.env.MEDIA_DRIVER = 'local';
process.env.MEDIA_DIR = mediaDir;
process.env.MEDIA_SIGNING_SECRET = SECRET;
process.env.COGNITO_USER_POOL_ID ??= 'local_test';
process.env.COGNITO_CLIENT_ID ??= 'test-client';

const db = testDb();

afterAll(async () => {
  await (await getBoss()).stop({ graceful: false, wait: true });
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

async function sellerWithStore() {
  const user = await createTestUser(db);
  const slug = `tienda-${crypto.randomBytes(4).toString('hex')}`;
  const [store] = await db.insert(stores).values({ slug, name: 'Cerámica Andina', currency: 'PEN' }).returning();
  await db.insert(storeMembers).values({ storeId: store!.id, userId: user.id, role: 'owner' });
  return { user, api: callerFor(db, user), store: store! };
}

const photo = (format: 'jpeg' | 'png' | 'webp', width = 64, height = 48) =>
  sharp({ create: { width, height, channels: 3, background: { r: 200, g: 80, b: 40 } } })
    .toFormat(format)
    .toBuffer();

function putRequest(url: string, body: BodyInit | null, headers: Record<string, string>) {
  const u = new URL(url, 'http://localhost');
  const key = u.pathname.replace(/^\/api\/media\/upload\//, '').split('/');
  const init: RequestInit & { duplex?: 'half' } = { method: 'PUT', headers, body };
  if (body instanceof ReadableStream) init.duplex = 'half';
  return PUT(new Request(u, init), { params: Promise.resolve({ key }) });
}

/** What the browser does: PUT the bytes to the URL with the headers it was given. */
function upload(created: TCreateUploadResult, bytes: Buffer, headers: Record<string, string> = {}) {
  return putRequest(created.upload.url, new Uint8Array(bytes), {
    ...created.upload.headers,
    'Content-Length': String(bytes.byteLength),
    ...headers,
  });
}

const keyOf = (created: TCreateUploadResult) => created.publicUrl.replace(/^\/media\//, '');
const stored = (created: TCreateUploadResult) => fs.existsSync(path.join(mediaDir, keyOf(created)));
/** Nothing at all on disk for this upload: neither the final file nor a temporary one. */
function nothingStored(created: TCreateUploadResult) {
  const folder = path.dirname(path.join(mediaDir, keyOf(created)));
  const leftovers = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.includes(created.mediaId)) : [];
  return !stored(created) && leftovers.length === 0;
}
const statusOf = async (mediaId: string) => (await db.query.media.findFirst({ where: eq(media.id, mediaId) }))?.status;

describe('media upload protocol (local driver)', () => {
  it('create → PUT → confirm makes a ready image with its size, served with long-lived caching', async () => {
    const { api, store } = await sellerWithStore();
    const bytes = await photo('jpeg', 120, 80);
    const created = await api.media.createUpload({
      storeId: store.id,
      purpose: 'product',
      fileName: 'jarron.jpg',
      contentType: 'image/jpeg',
      bytes: bytes.byteLength,
    });
    expect(created.upload.method).toBe('PUT');
    expect(created.upload.url).toMatch(new RegExp(`^/api/media/upload/media/${store.id}/${created.mediaId}\\.jpg\\?exp=\\d+&len=${bytes.byteLength}&type=image%2Fjpeg&sig=[0-9a-f]{64}$`));
    expect(created.upload.headers).toEqual({ 'Content-Type': 'image/jpeg' });
    expect(created.publicUrl).toBe(`/media/media/${store.id}/${created.mediaId}.jpg`);
    expect(await statusOf(created.mediaId)).toBe('pending');

    const res = await upload(created, bytes);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ ok: true, key: keyOf(created), bytes: bytes.byteLength });
    expect(fs.readFileSync(path.join(mediaDir, keyOf(created))).equals(bytes)).toBe(true);

    const confirmed = await api.media.confirm({ mediaId: created.mediaId });
    expect(confirmed).toEqual({ mediaId: created.mediaId, url: created.publicUrl, width: 120, height: 80 });
    const row = await db.query.media.findFirst({ where: eq(media.id, created.mediaId) });
    expect(row).toMatchObject({ status: 'ready', width: 120, height: 80, mime: 'image/jpeg', storeId: store.id });

    // Confirm is idempotent.
    expect(await api.media.confirm({ mediaId: created.mediaId })).toEqual(confirmed);

    // The sweep job was queued for this upload.
    const jobs = await db.execute(sql`select 1 from pgboss.job where name = 'media.process' and data->>'mediaId' = ${created.mediaId}`);
    expect(jobs.length).toBe(1);

    // Served by the app: right type, immutable caching, ETag and 304.
    const key = keyOf(created).split('/');
    const served = await GET_MEDIA(new Request(`http://localhost${created.publicUrl}`), { params: Promise.resolve({ key }) });
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(served.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(Buffer.from(await served.arrayBuffer()).equals(bytes)).toBe(true);
    const etag = served.headers.get('etag')!;
    const again = await GET_MEDIA(new Request(`http://localhost${created.publicUrl}`, { headers: { 'If-None-Match': etag } }), {
      params: Promise.resolve({ key }),
    });
    expect(again.status).toBe(304);
  });

  it('serves nothing outside MEDIA_DIR, no hidden files and nothing missing (404)', async () => {
    fs.mkdirSync(path.join(mediaDir, 'media/x'), { recursive: true });
    fs.writeFileSync(path.join(mediaDir, 'media/x/.1.jpg.abc.tmp'), 'half');
    for (const key of [['..', '..', 'etc', 'passwd'], ['..', path.basename(mediaDir) + '.jpg'], ['media', 'x', '.1.jpg.abc.tmp'], ['media', 'x', 'missing.jpg'], ['media', 'x', 'a.txt']]) {
      const res = await GET_MEDIA(new Request('http://localhost/media/whatever'), { params: Promise.resolve({ key }) });
      expect(res.status).toBe(404);
    }
  });

  it('accepts PNG and WebP, and a user-scoped logo before any store exists', async () => {
    const user = await createTestUser(db);
    const api = callerFor(db, user);
    for (const [format, type] of [['png', 'image/png'], ['webp', 'image/webp']] as const) {
      const bytes = await photo(format, 30, 40);
      const created = await api.media.createUpload({ purpose: 'logo', fileName: `logo.${format}`, contentType: type, bytes: bytes.byteLength });
      expect(created.publicUrl).toMatch(new RegExp(`^/media/media/${user.id}/`));
      expect((await upload(created, bytes)).status).toBe(200);
      expect(await api.media.confirm({ mediaId: created.mediaId })).toMatchObject({ width: 30, height: 40 });
    }
  });

  it('rejects a wrong type before issuing a URL (UNSUPPORTED_MEDIA_TYPE with a field message)', async () => {
    const { api, store } = await sellerWithStore();
    const err = await rejectionOf(
      api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'foto.heic', contentType: 'image/heic', bytes: 1000 }),
    );
    expect(err.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(err.cause?.fields?.contentType).toMatch(/JPG, PNG o WebP/);
    expect(await db.select().from(media).where(eq(media.storeId, store.id))).toEqual([]);
  });

  it('rejects an oversize file before issuing a URL (PAYLOAD_TOO_LARGE)', async () => {
    const { api, store } = await sellerWithStore();
    const err = await rejectionOf(
      api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'enorme.jpg', contentType: 'image/jpeg', bytes: 10 * 1024 * 1024 + 1 }),
    );
    expect(err.code).toBe('PAYLOAD_TOO_LARGE');
    expect(err.cause?.fields?.bytes).toMatch(/10 MB/);
    expect(await db.select().from(media).where(eq(media.storeId, store.id))).toEqual([]);
  });

  it('answers NOT_FOUND for a store the caller is not a member of', async () => {
    const { store } = await sellerWithStore();
    const stranger = callerFor(db, await createTestUser(db));
    const err = await rejectionOf(
      stranger.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'a.jpg', contentType: 'image/jpeg', bytes: 10 }),
    );
    expect(err.code).toBe('NOT_FOUND');
  });

  it('rejects a PNG declared as JPEG, and a text file, with 415 and stores nothing', async () => {
    const { api, store } = await sellerWithStore();
    const png = await photo('png');
    const asJpeg = await api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'x.jpg', contentType: 'image/jpeg', bytes: png.byteLength });
    const res = await upload(asJpeg, png);
    expect(res.status).toBe(415);
    expect((await res.json()).error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(nothingStored(asJpeg)).toBe(true);

    const text = Buffer.from('hola, esto no es una foto\n'.repeat(10));
    const asPng = await api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'x.png', contentType: 'image/png', bytes: text.byteLength });
    expect((await upload(asPng, text)).status).toBe(415);
    expect(nothingStored(asPng)).toBe(true);

    // A Content-Type header other than the signed one is refused before reading.
    const jpeg = await photo('jpeg');
    const wrongHeader = await api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'y.jpg', contentType: 'image/jpeg', bytes: jpeg.byteLength });
    expect((await upload(wrongHeader, jpeg, { 'Content-Type': 'image/png' })).status).toBe(415);
    expect(nothingStored(wrongHeader)).toBe(true);

    // Confirm then finds nothing uploaded.
    const err = await rejectionOf(api.media.confirm({ mediaId: asJpeg.mediaId }));
    expect(err.code).toBe('CONFLICT');
    expect(await statusOf(asJpeg.mediaId)).toBe('pending');
  });

  it('rejects a body larger than signed with 413 and stores nothing (declared or streamed without a length)', async () => {
    const { api, store } = await sellerWithStore();
    const jpeg = await photo('jpeg');
    const created = await api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'a.jpg', contentType: 'image/jpeg', bytes: 100 });
    const declared = await upload(created, jpeg);
    expect(declared.status).toBe(413);
    expect(nothingStored(created)).toBe(true);

    // A chunked body that lies by omission is cut off at the signed length.
    const chunks = [jpeg.subarray(0, 60), jpeg.subarray(60)];
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        const next = chunks.shift();
        if (next) controller.enqueue(new Uint8Array(next));
        else controller.close();
      },
    });
    const streamed = await putRequest(created.upload.url, stream, { 'Content-Type': 'image/jpeg' });
    expect(streamed.status).toBe(413);
    expect(nothingStored(created)).toBe(true);

    // A body shorter than signed is not stored either.
    const short = await putRequest(created.upload.url, new Uint8Array(jpeg.subarray(0, 50)), { 'Content-Type': 'image/jpeg' });
    expect(short.status).toBe(400);
    expect(nothingStored(created)).toBe(true);
  });

  it('rejects an expired or tampered upload URL with 403 and stores nothing', async () => {
    const { api, store } = await sellerWithStore();
    const jpeg = await photo('jpeg');
    const created = await api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'a.jpg', contentType: 'image/jpeg', bytes: jpeg.byteLength });
    const url = new URL(created.upload.url, 'http://localhost');

    const tamper = async (change: (q: URLSearchParams) => void) => {
      const u = new URL(url);
      change(u.searchParams);
      return putRequest(u.pathname + u.search, new Uint8Array(jpeg), { 'Content-Type': 'image/jpeg' });
    };
    expect((await tamper((q) => q.set('len', String(jpeg.byteLength + 1)))).status).toBe(403);
    expect((await tamper((q) => q.set('exp', String(Number(q.get('exp')) + 3600)))).status).toBe(403);
    expect((await tamper((q) => q.set('type', 'image/png'))).status).toBe(403);
    expect((await tamper((q) => q.set('sig', 'f'.repeat(64)))).status).toBe(403);
    expect((await tamper((q) => q.delete('sig'))).status).toBe(403);
    // Another key under the same signature.
    const other = await putRequest(url.pathname.replace(created.mediaId, crypto.randomUUID()) + url.search, new Uint8Array(jpeg), { 'Content-Type': 'image/jpeg' });
    expect(other.status).toBe(403);
    expect(nothingStored(created)).toBe(true);

    // Correctly signed with the app's secret, but already expired.
    const past = new LocalMediaStorage({ dir: mediaDir, secret: SECRET, now: () => Date.now() - 2 * 3600_000 });
    const expired = await past.createUploadUrl({ key: keyOf(created), contentType: 'image/jpeg', contentLength: jpeg.byteLength, expiresInSec: 900 });
    const res = await putRequest(expired.url, new Uint8Array(jpeg), { 'Content-Type': 'image/jpeg' });
    expect(res.status).toBe(403);
    expect((await res.json()).error.code).toBe('EXPIRED');
    expect(nothingStored(created)).toBe(true);

    // The genuine URL still works, exactly once.
    expect((await upload(created, jpeg)).status).toBe(200);
    expect((await upload(created, jpeg)).status).toBe(409);
  });

  it("answers NOT_FOUND when confirming another user's upload", async () => {
    const { api, store } = await sellerWithStore();
    const jpeg = await photo('jpeg');
    const created = await api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'a.jpg', contentType: 'image/jpeg', bytes: jpeg.byteLength });
    expect((await upload(created, jpeg)).status).toBe(200);
    const stranger = callerFor(db, await createTestUser(db));
    const err = await rejectionOf(stranger.media.confirm({ mediaId: created.mediaId }));
    expect(err.code).toBe('NOT_FOUND');
    expect(await statusOf(created.mediaId)).toBe('pending');
  });

  it('marks a file with JPEG magic numbers but undecodable contents failed and deletes it', async () => {
    const { api, store } = await sellerWithStore();
    const fake = Buffer.concat([Buffer.from([0xff, 0xd8, 0xff, 0xe0]), crypto.randomBytes(5000)]);
    const created = await api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'a.jpg', contentType: 'image/jpeg', bytes: fake.byteLength });
    expect((await upload(created, fake)).status).toBe(200);
    const err = await rejectionOf(api.media.confirm({ mediaId: created.mediaId }));
    expect(err.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    expect(await statusOf(created.mediaId)).toBe('failed');
    expect(stored(created)).toBe(false);
    expect((await rejectionOf(api.media.confirm({ mediaId: created.mediaId }))).code).toBe('BAD_REQUEST');
  });

  it('stores phone photos upright and without EXIF (no GPS position leaks)', async () => {
    const { api, store } = await sellerWithStore();
    const withExif = await sharp({ create: { width: 60, height: 40, channels: 3, background: '#336699' } })
      .jpeg()
      .withMetadata({ orientation: 6 })
      .withExifMerge({ IFD0: { Make: 'VitaPhone' }, IFD3: { GPSLatitudeRef: 'S', GPSLatitude: '12/1 2/1 0/1' } })
      .toBuffer();
    const before = await sharp(withExif).metadata();
    expect([before.exif !== undefined, before.orientation]).toEqual([true, 6]);
    const created = await api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'movil.jpg', contentType: 'image/jpeg', bytes: withExif.byteLength });
    expect((await upload(created, withExif)).status).toBe(200);
    const confirmed = await api.media.confirm({ mediaId: created.mediaId });
    expect([confirmed.width, confirmed.height]).toEqual([40, 60]);
    const meta = await sharp(fs.readFileSync(path.join(mediaDir, keyOf(created)))).metadata();
    expect(meta.exif).toBeUndefined();
    expect([meta.width, meta.height]).toEqual([40, 60]);
    const row = await db.query.media.findFirst({ where: eq(media.id, created.mediaId) });
    expect(row?.bytes).toBe(fs.statSync(path.join(mediaDir, keyOf(created))).size);
  });
});

describe('assertReadyMedia', () => {
  it('accepts ready images of the store (or of the user before a store) and rejects pending, foreign and repeated ids', async () => {
    const { api, user, store } = await sellerWithStore();
    const jpeg = await photo('jpeg');
    const make = async (storeId?: string) => {
      const created = await api.media.createUpload({ storeId, purpose: storeId ? 'product' : 'logo', fileName: 'a.jpg', contentType: 'image/jpeg', bytes: jpeg.byteLength });
      expect((await upload(created, jpeg)).status).toBe(200);
      return created.mediaId;
    };
    const ready = await make(store.id);
    await api.media.confirm({ mediaId: ready });
    const mine = await make();
    await api.media.confirm({ mediaId: mine });
    const pending = await make(store.id);

    const rows = await assertReadyMedia({ db, mediaIds: [mine, ready], storeId: store.id, userId: user.id });
    expect(rows.map((r) => r.id)).toEqual([mine, ready]);

    const other = await sellerWithStore();
    const foreign = await other.api.media.createUpload({ storeId: other.store.id, purpose: 'product', fileName: 'b.jpg', contentType: 'image/jpeg', bytes: jpeg.byteLength });
    await upload(foreign, jpeg);
    await other.api.media.confirm({ mediaId: foreign.mediaId });

    const rejects = async (mediaIds: string[], storeId: string | undefined, userId: string) => {
      const err = await assertReadyMedia({ db, mediaIds, storeId, userId }).then(
        () => null,
        (e) => e,
      );
      expect(err?.code).toBe('BAD_REQUEST');
      expect(err?.fields?.images).toBeTruthy();
    };
    await rejects([ready, pending], store.id, user.id);
    await rejects([ready, foreign.mediaId], store.id, user.id);
    await rejects([mine], other.store.id, other.user.id);
    await rejects([ready], undefined, user.id);
    await rejects([ready, ready], store.id, user.id);
    await rejects([crypto.randomUUID()], store.id, user.id);
    await rejects(['not-a-uuid'], store.id, user.id);
  });
});

describe('media.process job', () => {
  it('confirms an upload the browser never confirmed, once', async () => {
    const { api, store } = await sellerWithStore();
    const jpeg = await photo('jpeg', 90, 90);
    const created = await api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'a.jpg', contentType: 'image/jpeg', bytes: jpeg.byteLength });
    expect((await upload(created, jpeg)).status).toBe(200);

    await handlers['media.process']({ mediaId: created.mediaId });
    const first = await db.query.media.findFirst({ where: eq(media.id, created.mediaId) });
    expect(first).toMatchObject({ status: 'ready', width: 90, height: 90 });
    await handlers['media.process']({ mediaId: created.mediaId });
    expect(await db.query.media.findFirst({ where: eq(media.id, created.mediaId) })).toEqual(first);
    expect(await processPendingMedia({ db, mediaId: created.mediaId })).toEqual({ outcome: 'settled' });
    // The browser's late confirm still gets the same answer.
    expect(await api.media.confirm({ mediaId: created.mediaId })).toMatchObject({ width: 90, height: 90 });
  });

  it('settles once when the browser and the job confirm at the same moment', async () => {
    const { api, store } = await sellerWithStore();
    const jpeg = await photo('jpeg', 50, 70);
    const created = await api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'a.jpg', contentType: 'image/jpeg', bytes: jpeg.byteLength });
    expect((await upload(created, jpeg)).status).toBe(200);
    const [a, b] = await Promise.all([
      api.media.confirm({ mediaId: created.mediaId }),
      api.media.confirm({ mediaId: created.mediaId }),
      handlers['media.process']({ mediaId: created.mediaId }),
    ]);
    expect(a).toEqual(b);
    expect(a).toMatchObject({ width: 50, height: 70 });
    expect(await statusOf(created.mediaId)).toBe('ready');
  });

  it('waits for an upload still in flight, then gives up after an hour', async () => {
    const { api, store } = await sellerWithStore();
    const created = await api.media.createUpload({ storeId: store.id, purpose: 'product', fileName: 'a.jpg', contentType: 'image/jpeg', bytes: 1000 });
    const jobsFor = async () =>
      (await db.execute(sql`select 1 from pgboss.job where name = 'media.process' and data->>'mediaId' = ${created.mediaId}`)).length;
    expect(await jobsFor()).toBe(1);

    await handlers['media.process']({ mediaId: created.mediaId });
    expect(await statusOf(created.mediaId)).toBe('pending');
    expect(await jobsFor()).toBe(2); // looks again when the hour is up

    await db.update(media).set({ createdAt: new Date(Date.now() - 61 * 60_000) }).where(eq(media.id, created.mediaId));
    await handlers['media.process']({ mediaId: created.mediaId });
    expect(await statusOf(created.mediaId)).toBe('failed');
    await handlers['media.process']({ mediaId: created.mediaId });
    expect(await statusOf(created.mediaId)).toBe('failed');
    expect(await jobsFor()).toBe(2);
  });

  it('does nothing for an unknown media id', async () => {
    await expect(handlers['media.process']({ mediaId: crypto.randomUUID() })).resolves.toBeUndefined();
  });
});

describe('imageFileProblem (the browser pre-check)', () => {
  it('explains wrong types and oversize files in Spanish, with the same limits as the server', () => {
    expect(imageFileProblem({ name: 'foto.heic', type: 'image/heic', size: 1000 })).toBe('«foto.heic» no es una foto JPG, PNG o WebP.');
    expect(imageFileProblem({ name: 'grande.jpg', type: 'image/jpeg', size: 12.4 * 1024 * 1024 })).toBe('«grande.jpg» pesa 12,4 MB; el máximo es 10 MB.');
    expect(imageFileProblem({ name: 'vacia.png', type: 'image/png', size: 0 })).toBe('«vacia.png» está vacío.');
    expect(imageFileProblem({ name: 'ok.webp', type: 'image/webp', size: 10 * 1024 * 1024 })).toBeNull();
  });
});
