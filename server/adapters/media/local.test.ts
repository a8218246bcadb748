import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { isValidMediaKey } from './keys';
import { LocalMediaStorage } from './local';

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'vita-local-media-'));
const dir = path.join(root, 'media');
// A file beside MEDIA_DIR that no key may reach.
fs.writeFileSync(path.join(root, 'secret.txt'), 'no');
const storage = new LocalMediaStorage({ dir, secret: crypto.randomBytes(32).toString('hex') });

afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

describe('LocalMediaStorage', () => {
  it('accepts only keys that stay inside MEDIA_DIR', () => {
    for (const key of ['media/abc/1.jpg', 'media/0f1e-2d/3c4b.webp', 'a']) expect(isValidMediaKey(key)).toBe(true);
    for (const key of [
      '../secret.txt',
      'media/../../secret.txt',
      '/etc/passwd',
      'media//a.jpg',
      'media/.a.jpg.tmp',
      '.hidden',
      'media/a..jpg',
      'media\\..\\secret.txt',
      'media/%2e%2e/secret.txt',
      'media/a.jpg\0',
      '',
    ]) {
      expect(isValidMediaKey(key)).toBe(false);
      expect(storage.pathFor(key)).toBeNull();
    }
    expect(storage.pathFor('media/x/1.jpg')).toBe(path.join(dir, 'media/x/1.jpg'));
  });

  it('round-trips objects and reports missing ones as null', async () => {
    await storage.putObject('media/u/1.png', Buffer.from('abc'), 'image/png');
    expect((await storage.getObject('media/u/1.png'))?.toString()).toBe('abc');
    expect(await storage.headObject('media/u/1.png')).toEqual({ bytes: 3 });
    await storage.putObject('media/u/1.png', Buffer.from('abcd'), 'image/png');
    expect(await storage.headObject('media/u/1.png')).toEqual({ bytes: 4 });
    await storage.deleteObject('media/u/1.png');
    await storage.deleteObject('media/u/1.png');
    expect(await storage.getObject('media/u/1.png')).toBeNull();
    expect(await storage.headObject('media/u/missing.png')).toBeNull();
    expect(storage.publicUrl('media/u/1.png')).toBe('/media/media/u/1.png');
    await expect(storage.getObject('../secret.txt')).rejects.toThrow(/Invalid media key/);
  });

  it('leaves neither the object nor a temporary file when the writer fails midway', async () => {
    async function* failing() {
      yield new Uint8Array(1000);
      throw new Error('connection reset');
    }
    await expect(storage.writeObjectAtomically('media/w/1.jpg', failing(), { overwrite: false })).rejects.toThrow('connection reset');
    expect(fs.readdirSync(path.join(dir, 'media/w'))).toEqual([]);
  });

  it('never overwrites an accepted upload', async () => {
    await storage.writeObjectAtomically('media/w/2.jpg', [Buffer.from('first')], { overwrite: false });
    await expect(storage.writeObjectAtomically('media/w/2.jpg', [Buffer.from('second')], { overwrite: false })).rejects.toMatchObject({ code: 'EEXIST' });
    expect(fs.readFileSync(path.join(dir, 'media/w/2.jpg'), 'utf8')).toBe('first');
    expect(fs.readdirSync(path.join(dir, 'media/w'))).toEqual(['2.jpg']);
  });

  it('signs method|key|exp|len|type and rejects any change', async () => {
    const { url } = await storage.createUploadUrl({ key: 'media/s/1.jpg', contentType: 'image/jpeg', contentLength: 10, expiresInSec: 60 });
    const u = new URL(url, 'http://x');
    expect(u.pathname).toBe('/api/media/upload/media/s/1.jpg');
    expect(storage.verifyUploadUrl('media/s/1.jpg', u.searchParams)).toMatchObject({ ok: true, upload: { len: 10, type: 'image/jpeg' } });
    expect(storage.verifyUploadUrl('media/s/2.jpg', u.searchParams)).toEqual({ ok: false, problem: 'forged' });
    const other = new LocalMediaStorage({ dir, secret: crypto.randomBytes(32).toString('hex') });
    expect(other.verifyUploadUrl('media/s/1.jpg', u.searchParams)).toEqual({ ok: false, problem: 'forged' });
    const q = new URLSearchParams(u.searchParams);
    q.set('sig', 'zz');
    expect(storage.verifyUploadUrl('media/s/1.jpg', q)).toEqual({ ok: false, problem: 'malformed' });
  });
});
