/**
 * A local Web Push service for tests: it plays both the browser (creates the P-256 key pair and auth secret a
 * PushSubscription carries) and the push service (an HTTP endpoint per subscription). Every message it accepts
 * must carry a valid VAPID `Authorization: vapid t=<JWT>, k=<public key>` (ES256 signature checked against `k`,
 * `aud` = this origin, `exp` in the future and ≤ 24 h, `sub` present, `k` equal to the expected application
 * server key) and an RFC 8291 aes128gcm body, which it decrypts with the subscriber's private key. Invalid
 * requests get 401/400 like a real push service; `gone` endpoints answer 410.
 *
 * Push services are HTTPS (web-push only speaks https), so it serves a throw-away self-signed certificate made
 * with the system `openssl`; callers trust it through `ca` / `caFile` (an https.Agent, or PUSH_CA_FILE for the app).
 */
import { execFileSync } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import https from 'node:https';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';

export type ReceivedPush = { subscriptionId: string; payload: unknown; ttl: string | undefined; urgency: string | undefined; topic: string | undefined; jwt: Record<string, unknown> };
export type LocalSubscription = { endpoint: string; keys: { p256dh: string; auth: string } };

const b64u = (b: Buffer) => b.toString('base64url');

function publicKeyFromRaw(raw: Buffer): crypto.KeyObject {
  return crypto.createPublicKey({ key: { kty: 'EC', crv: 'P-256', x: b64u(raw.subarray(1, 33)), y: b64u(raw.subarray(33, 65)) }, format: 'jwk' });
}

function verifyVapid(header: string | undefined, origin: string, expectedKey: string | null): { ok: true; claims: Record<string, unknown> } | { ok: false; why: string } {
  const m = /^vapid t=([^,\s]+),\s*k=([A-Za-z0-9_-]+)$/.exec(header ?? '');
  if (!m) return { ok: false, why: 'no vapid authorization' };
  const [, jwt, k] = m as unknown as [string, string, string];
  if (expectedKey && k !== expectedKey) return { ok: false, why: 'unexpected application server key' };
  const parts = jwt.split('.');
  if (parts.length !== 3) return { ok: false, why: 'malformed jwt' };
  const [h, p, sig] = parts as [string, string, string];
  const head = JSON.parse(Buffer.from(h, 'base64url').toString()) as { alg?: string; typ?: string };
  if (head.alg !== 'ES256') return { ok: false, why: 'alg must be ES256' };
  const valid = crypto.verify('sha256', Buffer.from(`${h}.${p}`), { key: publicKeyFromRaw(Buffer.from(k, 'base64url')), dsaEncoding: 'ieee-p1363' }, Buffer.from(sig, 'base64url'));
  if (!valid) return { ok: false, why: 'bad signature' };
  const claims = JSON.parse(Buffer.from(p, 'base64url').toString()) as { aud?: string; exp?: number; sub?: string };
  const now = Math.floor(Date.now() / 1000);
  if (claims.aud !== origin) return { ok: false, why: `aud ${claims.aud} is not ${origin}` };
  if (!claims.exp || claims.exp <= now || claims.exp > now + 24 * 3600 + 60) return { ok: false, why: 'exp out of range' };
  if (!claims.sub || !/^(mailto:|https:)/.test(claims.sub)) return { ok: false, why: 'sub missing' };
  return { ok: true, claims };
}

/** RFC 8291 / RFC 8188 (single record) decryption of an aes128gcm Web Push body. */
export function decryptAes128gcm(body: Buffer, ua: crypto.ECDH, authSecret: Buffer): Buffer {
  const salt = body.subarray(0, 16);
  const idlen = body.readUInt8(20);
  const asPublic = body.subarray(21, 21 + idlen);
  const ciphertext = body.subarray(21 + idlen);
  const ecdhSecret = ua.computeSecret(asPublic);
  const keyInfo = Buffer.concat([Buffer.from('WebPush: info\0'), ua.getPublicKey(), asPublic]);
  const ikm = Buffer.from(crypto.hkdfSync('sha256', ecdhSecret, authSecret, keyInfo, 32));
  const cek = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: aes128gcm\0'), 16));
  const nonce = Buffer.from(crypto.hkdfSync('sha256', ikm, salt, Buffer.from('Content-Encoding: nonce\0'), 12));
  const decipher = crypto.createDecipheriv('aes-128-gcm', cek, nonce);
  decipher.setAuthTag(ciphertext.subarray(ciphertext.length - 16));
  const padded = Buffer.concat([decipher.update(ciphertext.subarray(0, ciphertext.length - 16)), decipher.final()]);
  let end = padded.length - 1;
  while (end >= 0 && padded[end] === 0) end--;
  if (padded[end] !== 2) throw new Error('missing last-record delimiter');
  return padded.subarray(0, end);
}

function selfSignedCertificate(): { key: string; cert: string; dir: string } {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vita-push-'));
  execFileSync('openssl', [
    'req', '-x509', '-newkey', 'ec', '-pkeyopt', 'ec_paramgen_curve:prime256v1', '-nodes', '-days', '2',
    '-subj', '/CN=127.0.0.1', '-addext', 'subjectAltName=IP:127.0.0.1,DNS:localhost',
    '-keyout', path.join(dir, 'key.pem'), '-out', path.join(dir, 'cert.pem'),
  ], { stdio: 'ignore' });
  return { key: fs.readFileSync(path.join(dir, 'key.pem'), 'utf8'), cert: fs.readFileSync(path.join(dir, 'cert.pem'), 'utf8'), dir };
}

export async function startLocalPushService({ applicationServerKey = null, port = 0 }: { applicationServerKey?: string | null; port?: number } = {}) {
  const tls = selfSignedCertificate();
  const subscribers = new Map<string, { ua: crypto.ECDH; auth: Buffer; gone: boolean }>();
  const received: ReceivedPush[] = [];
  const rejected: Array<{ status: number; why: string }> = [];
  const waiters: Array<() => void> = [];
  let origin = '';

  const server = https.createServer({ key: tls.key, cert: tls.cert }, (req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const reject = (status: number, why: string) => {
        rejected.push({ status, why });
        res.writeHead(status, { 'content-type': 'text/plain' }).end(why);
      };
      const id = /^\/push\/([\w-]+)$/.exec(req.url ?? '')?.[1];
      const sub = id ? subscribers.get(id) : undefined;
      if (req.method !== 'POST' || !id || !sub) return reject(404, 'no such subscription');
      if (sub.gone) return reject(410, 'subscription expired');
      const auth = verifyVapid(req.headers.authorization, origin, applicationServerKey);
      if (!auth.ok) return reject(401, auth.why);
      if (req.headers['content-encoding'] !== 'aes128gcm') return reject(400, 'content-encoding must be aes128gcm');
      if (!req.headers.ttl) return reject(400, 'TTL header required');
      let payload: unknown;
      try {
        const text = decryptAes128gcm(Buffer.concat(chunks), sub.ua, sub.auth).toString('utf8');
        payload = JSON.parse(text);
      } catch (err) {
        return reject(400, `cannot decrypt: ${(err as Error).message}`);
      }
      received.push({
        subscriptionId: id,
        payload,
        ttl: req.headers.ttl as string,
        urgency: req.headers.urgency as string | undefined,
        topic: req.headers.topic as string | undefined,
        jwt: auth.claims,
      });
      res.writeHead(201, { location: `${origin}/msg/${crypto.randomUUID()}` }).end();
      waiters.splice(0).forEach((w) => w());
    });
  });
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  origin = `https://127.0.0.1:${(server.address() as AddressInfo).port}`;

  return {
    origin,
    /** PEM of the certificate to trust, and its file (for PUSH_CA_FILE). */
    ca: tls.cert,
    caFile: path.join(tls.dir, 'cert.pem'),
    agent: new https.Agent({ ca: tls.cert }),
    received,
    rejected,
    /** A new "browser" subscription: what PushSubscription.toJSON() would give. */
    subscribe(): LocalSubscription & { id: string } {
      const id = crypto.randomUUID();
      const ua = crypto.createECDH('prime256v1');
      ua.generateKeys();
      const auth = crypto.randomBytes(16);
      subscribers.set(id, { ua, auth, gone: false });
      return { id, endpoint: `${origin}/push/${id}`, keys: { p256dh: b64u(ua.getPublicKey()), auth: b64u(auth) } };
    },
    /** The browser dropped it: the service answers 410 from now on. */
    expire(id: string) {
      const s = subscribers.get(id);
      if (s) s.gone = true;
    },
    async waitFor(n: number, timeoutMs = 10_000): Promise<ReceivedPush[]> {
      const deadline = Date.now() + timeoutMs;
      while (received.length < n) {
        if (Date.now() > deadline) throw new Error(`expected ${n} push message(s), got ${received.length}`);
        await new Promise<void>((r) => {
          waiters.push(r);
          setTimeout(r, 200);
        });
      }
      return received.slice(0, n);
    },
    stop: () =>
      new Promise<void>((r) => {
        server.closeAllConnections();
        server.close(() => r());
        fs.rmSync(tls.dir, { recursive: true, force: true });
      }),
  };
}
