import { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it, vi } from 'vitest';
import { S3MediaStorage } from './aws';

// Presigning is local computation: no network, fixed fake credentials.
const client = new S3Client({ region: 'us-east-1', credentials: { accessKeyId: 'AKIDEXAMPLE', secretAccessKey: 'x' } });

describe('S3MediaStorage', () => {
  it('presigns a PUT bound to the content type and length, with no checksum the browser cannot send', async () => {
    // The adapter's own client (its checksum setting is what keeps the URL browser-friendly).
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDEXAMPLE');
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', 'wJalrXUtnFEMI/K7MDENG+bPxRfiCYEXAMPLEKEY');
    const storage = new S3MediaStorage({ bucket: 'vita-media', region: 'us-east-1' });
    const upload = await storage.createUploadUrl({ key: 'media/s1/abc.jpg', contentType: 'image/jpeg', contentLength: 1234, expiresInSec: 900 });
    expect(upload.method).toBe('PUT');
    expect(upload.headers).toEqual({ 'Content-Type': 'image/jpeg' });
    const url = new URL(upload.url);
    expect(url.origin + url.pathname).toBe('https://vita-media.s3.us-east-1.amazonaws.com/media/s1/abc.jpg');
    expect(url.searchParams.get('X-Amz-Expires')).toBe('900');
    expect(url.searchParams.get('X-Amz-SignedHeaders')).toBe('content-length;content-type;host');
    expect([...url.searchParams.keys()].some((k) => /checksum/i.test(k))).toBe(false);
    await expect(storage.createUploadUrl({ key: '../x.jpg', contentType: 'image/jpeg', contentLength: 1, expiresInSec: 60 })).rejects.toThrow(/Invalid media key/);
    vi.unstubAllEnvs();
  });

  it('builds public URLs from MEDIA_PUBLIC_BASE_URL', () => {
    const cdn = new S3MediaStorage({ bucket: 'b', region: 'eu-west-1', publicBaseUrl: 'https://cdn.vita.test/', client });
    expect(cdn.publicUrl('media/s1/abc.jpg')).toBe('https://cdn.vita.test/media/s1/abc.jpg');
    const bucket = new S3MediaStorage({ bucket: 'b', region: 'eu-west-1', client });
    expect(bucket.publicUrl('media/s1/abc.jpg')).toBe('https://b.s3.eu-west-1.amazonaws.com/media/s1/abc.jpg');
  });
});
